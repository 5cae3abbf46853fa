// The workspace index over the protocol: hardening sources on disk set the host profile of open
// documents, and a watched-file event updates it without reopening anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { LspTestClient, withTimeout } from './lsp-test-client';
import { makeTempDir } from '../temp-dir';
import { serviceConfigWithoutFipsPolicy } from './fixtures';

const hardeningScript = '@echo off\r\nrem FIPS for the MIM hosts\r\nreg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d 1 /f\r\n';

test('a hardening file added to the workspace makes MIM101 appear on an open config, pointing at the evidence', { timeout: 20_000 }, async () => {
  const folder = makeTempDir('ws');
  const configPath = join(folder, 'Microsoft.ResourceManagement.Service.exe.config');
  writeFileSync(configPath, serviceConfigWithoutFipsPolicy);
  const configUri = pathToFileURL(configPath).href;
  const client = LspTestClient.spawnServer();
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    await client.open(configUri, serviceConfigWithoutFipsPolicy);
    const first = await client.nextDiagnostics(configUri);
    assert.deepEqual(first.diagnostics.map((d) => d.code), [], 'no evidence yet: FIPS is unknown');

    const scriptPath = join(folder, 'harden-fips.cmd');
    writeFileSync(scriptPath, hardeningScript);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(scriptPath).href, type: FileChangeType.Created }],
    });
    const after = await client.nextDiagnostics(configUri, 'diagnostics after the hardening file appeared');
    assert.deepEqual(after.diagnostics.map((d) => d.code), ['MIM101']);
    const [related] = after.diagnostics[0].relatedInformation ?? [];
    assert.equal(related?.location.uri, pathToFileURL(scriptPath).href);
    assert.equal(related?.location.range.start.line, 2);
    assert.equal(related?.message, 'FIPS mode is enabled here');

    const profile = await withTimeout(client.connection.sendRequest('mimLint/hostProfile', { uri: configUri }), 'the host profile') as {
      fips: { value: string; source: string; evidence: Array<{ line: number }> };
    };
    assert.equal(profile.fips.value, 'on');
    assert.equal(profile.fips.source, 'evidence');
    assert.equal(profile.fips.evidence[0].line, 2);

    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(scriptPath).href, type: FileChangeType.Deleted }],
    });
    const removed = await client.nextDiagnostics(configUri, 'diagnostics after the hardening file was deleted');
    assert.deepEqual(removed.diagnostics.map((d) => d.code), []);
  } finally {
    await client.stop();
  }
});

test('the workspace pass tells the client when it runs and how many files it linted', { timeout: 20_000 }, async () => {
  const folder = makeTempDir('ws-status');
  writeFileSync(join(folder, 'Microsoft.ResourceManagement.Service.exe.config'), serviceConfigWithoutFipsPolicy);
  writeFileSync(join(folder, 'harden-fips.cmd'), hardeningScript);
  const client = LspTestClient.spawnServer();
  const statuses: Array<{ running: boolean; files?: number; milliseconds?: number }> = [];
  const finished = new Promise<void>((resolve) =>
    client.connection.onNotification('mimLint/workspaceLintStatus', (status: { running: boolean; files?: number }) => {
      statuses.push(status);
      if (!status.running) resolve();
    }),
  );
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    await withTimeout(finished, 'the end of the workspace pass');
    assert.equal(statuses[0].running, true);
    const last = statuses.at(-1)!;
    assert.equal(last.running, false);
    assert.equal(last.files, 2, 'both files of the folder were linted');
    assert.ok(typeof last.milliseconds === 'number' && last.milliseconds >= 0);
  } finally {
    await client.stop();
  }
});
