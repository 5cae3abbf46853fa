// MIM303 in the language server: the workspace index's evidence includes where SystemDefaultTlsVersions is
// set under the .NET 3.5 keys, so a companion .reg that appears or changes on disk changes MIM303 on an
// open hardening .reg, and the finding points at the companion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-test-client';
import { makeTempDir } from '../temp-dir';

const hardening = readFileSync(join(process.cwd(), 'test', 'fixtures', 'registry', 'tls12-only-hardening.reg'), 'utf8');
const v2Block = (wow: boolean) =>
  `[HKEY_LOCAL_MACHINE\\SOFTWARE\\${wow ? 'WOW6432Node\\' : ''}Microsoft\\.NETFramework\\v2.0.50727]\r\n"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000001\r\n`;
const companion = (both: boolean) => `Windows Registry Editor Version 5.00\r\n\r\n${v2Block(false)}${both ? '\r\n' + v2Block(true) : ''}`;

test('a companion .reg that sets the .NET 3.5 keys clears MIM303 on the open hardening file; one key left points at it', { timeout: 20_000 }, async () => {
  const folder = makeTempDir('ws-netfx');
  const hardeningPath = join(folder, 'tls12-only-hardening.reg');
  writeFileSync(hardeningPath, hardening);
  const uri = pathToFileURL(hardeningPath).href;
  const client = LspTestClient.spawnServer();
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    await client.open(uri, hardening);
    const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code).filter((code) => code === 'MIM303');
    assert.deepEqual(codes((await client.nextDiagnostics(uri)).diagnostics), ['MIM303'], 'no companion yet');

    const companionPath = join(folder, 'netfx35-tls.reg');
    const changed = async (text: string, type: FileChangeType) => {
      writeFileSync(companionPath, text);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(companionPath).href, type }] });
      return (await client.nextDiagnostics(uri, 'diagnostics after the companion changed')).diagnostics;
    };
    assert.deepEqual(codes(await changed(companion(true), FileChangeType.Created)), []);

    const oneKey = await changed(companion(false), FileChangeType.Changed);
    const finding = oneKey.find((d) => d.code === 'MIM303');
    assert.ok(finding, 'the WOW6432Node key is missing again');
    assert.deepEqual(finding.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[pathToFileURL(companionPath).href, 3]]);
  } finally {
    await client.stop();
  }
});
