// The `mimLint/readinessReport` request behind "MIM Lint: Show Readiness Report": the folder's
// checklist as markdown, from the workspace index (profile inferred from a hardening script) and the
// MIM Service config on disk, with paths relative to the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, withTimeout } from './lsp-test-client';
import { makeTempDir } from '../temp-dir';
import { serviceConfigWithoutFipsPolicy } from './fixtures';

const hardeningScript = '@echo off\r\nreg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d 1 /f\r\n';

const protocols = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'];
const schannelExport = [
  'Windows Registry Editor Version 5.00',
  ...protocols.flatMap((protocol) =>
    ['Client', 'Server'].flatMap((side) => ['', `[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\${protocol}\\${side}]`, '"Enabled"=dword:00000000', '"DisabledByDefault"=dword:00000001']),
  ),
  '',
].join('\r\n');

test('mimLint/readinessReport answers the folder checklist as markdown', { timeout: 20_000 }, async () => {
  const folder = makeTempDir('report');
  writeFileSync(join(folder, 'Microsoft.ResourceManagement.Service.exe.config'), serviceConfigWithoutFipsPolicy);
  writeFileSync(join(folder, 'harden-fips.cmd'), hardeningScript);
  // The index keeps no text of a file like this one: the report reads it from disk again.
  writeFileSync(join(folder, 'schannel.reg'), schannelExport);
  const client = LspTestClient.spawnServer();
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    const ask = () => withTimeout(client.connection.sendRequest('mimLint/readinessReport', { folderUri: pathToFileURL(folder).href }), 'the report') as Promise<string>;
    // The index is read in the background: ask until the profile shows the hardening script.
    let markdown = await ask();
    for (let i = 0; i < 50 && !markdown.includes('inferred from'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      markdown = await ask();
    }
    assert.match(markdown, /^# MIM 2016 SP2 readiness/);
    assert.match(markdown, /\| FIPS mode \| on, inferred from \[harden-fips\.cmd:2\]\(harden-fips\.cmd#L2\)/);
    assert.match(markdown, /\| 8 \| FIPS host: `<enforceFIPSPolicy enabled="false"\/>` in the MIM Service config \| \*\*not met\*\* \|/);
    assert.ok(markdown.includes('[MIM101]('));
    assert.match(markdown, /\| SCHANNEL: SSL 3\.0, TLS 1\.0 and TLS 1\.1 disabled in both Client and Server \| \*\*met\*\* \|/);
  } finally {
    await client.stop();
  }
});
