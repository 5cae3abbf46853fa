// A workspace of many per-host hardening files over the protocol: every finding that depends on the
// host profile points at the evidence, which is one place per file. Diagnostics carry a few of them and
// one entry saying how many more (Show Host Profile lists them all), and what the server keeps per file
// to know whether it changed does not grow with the evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, withTimeout } from './lsp-test-client';
import { serviceConfigWithoutFipsPolicy } from './fixtures';
import { maxRelatedInformation } from '../../server/src/lsp/convert';
import { lintInputsKey } from '../../server/src/lsp/lint-inputs';
import type { Fact } from '../../server/src/engine/index';
import { makeTempDir } from '../temp-dir';

const hosts = 12;
const fipsExport = (host: number) =>
  'Windows Registry Editor Version 5.00\r\n\r\n' +
  `; FIPS mode for MIMSVC${host}\r\n` +
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy]\r\n"Enabled"=dword:00000001\r\n';

test('a finding backed by 12 hardening files lists 5 of them and one entry for the other 7', { timeout: 20_000 }, async () => {
  const folder = makeTempDir('evidence');
  for (let host = 1; host <= hosts; host++) {
    mkdirSync(join(folder, 'hosts', `mimsvc${host}`), { recursive: true });
    writeFileSync(join(folder, 'hosts', `mimsvc${host}`, 'fips.reg'), fipsExport(host));
  }
  mkdirSync(join(folder, 'service'));
  const configPath = join(folder, 'service', 'Microsoft.ResourceManagement.Service.exe.config');
  writeFileSync(configPath, serviceConfigWithoutFipsPolicy);
  const client = LspTestClient.spawnServer();
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    const uri = pathToFileURL(configPath).href;
    let published = await client.nextDiagnostics(uri, 'the service config');
    while (!published.diagnostics.some((d) => d.code === 'MIM101')) published = await client.nextDiagnostics(uri, 'MIM101 once the evidence is read');
    const related = published.diagnostics.find((d) => d.code === 'MIM101')!.relatedInformation!;
    assert.equal(related.length, maxRelatedInformation);
    for (const entry of related.slice(0, -1)) assert.match(entry.location.uri, /\/hosts\/mimsvc\d+\/fips\.reg$/);
    const more = related.at(-1)!;
    assert.match(more.message, /^and 7 more places: the command "MIM Lint: Show Host Profile" lists the host evidence in full$/);
    assert.equal(more.location.uri, uri);

    // The full list is what Show Host Profile asks for.
    const profile = await withTimeout(client.connection.sendRequest('mimLint/hostProfile', { uri }), 'the host profile') as { fips: { evidence: unknown[] } };
    assert.equal(profile.fips.evidence.length, hosts);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the key that tells whether a file must be linted again does not grow with the evidence, but changes with it', () => {
  const evidence = (count: number, value = 1) =>
    Array.from({ length: count }, (_, i) => ({ file: `C:\\repo\\hosts\\mimsvc${i}\\fips.reg`, start: 120, end: 142, line: 4, message: `FIPS mode is ${value ? 'enabled' : 'disabled'} here` }));
  const options = (fips: Fact['evidence']) => ({
    profile: { fips: { value: 'on', source: 'evidence', evidence: fips } satisfies Fact, tls12Only: { value: 'unknown', source: 'default', evidence: [] } satisfies Fact },
    severities: { MIM106: 'off' as const },
  });
  const large = lintInputsKey(options(evidence(4000)));
  assert.ok(large.length < 400, `${large.length} characters`);
  assert.equal(lintInputsKey(options(evidence(4000))), large, 'the same evidence in another array: the same key');
  assert.notEqual(lintInputsKey(options(evidence(3999))), large);
  assert.notEqual(lintInputsKey(options(evidence(4000, 0))), large);
  assert.notEqual(lintInputsKey({ ...options(evidence(4000)), severities: { MIM106: 'error' as const } }), large);
});
