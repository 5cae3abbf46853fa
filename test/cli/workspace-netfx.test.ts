// MIM303 in the CLI: a directory named on the command line is one workspace, so a companion file in it
// that sets the .NET 3.5 values silences MIM303 on the hardening .reg; a file named alone is judged alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, runCli, writeTree } from './helpers';

const hardening = readFileSync(join(process.cwd(), 'test', 'fixtures', 'registry', 'tls12-only-hardening.reg'), 'utf8').replace(/\r?\n/g, '\r\n');
const netfx35 =
  'Windows Registry Editor Version 5.00\r\n\r\n' +
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727]\r\n"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000001\r\n\r\n' +
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727]\r\n"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000001\r\n';
const prereqs =
  '#Requires -RunAsAdministrator\r\n# .NET 3.5 TLS defaults for MIM Service, 64-bit key only\r\n' +
  "New-Item -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727' -Force | Out-Null\r\n" +
  "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727' -Name 'SystemDefaultTlsVersions' -Value 1 -PropertyType DWord -Force | Out-Null\r\n";

interface JsonFile {
  file: string;
  findings: Array<{ ruleId: string; message: string; related?: Array<{ file: string; line: number; message: string }> }>;
}
const mim303 = (stdout: string, file: string) =>
  (JSON.parse(stdout).files as JsonFile[]).find((f) => f.file === file)?.findings.filter((f) => f.ruleId === 'MIM303') ?? [];

test('CLI: a companion .reg in the same tree silences MIM303; the hardening file named alone still gets it', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'registry/tls12-only-hardening.reg': hardening, 'registry/netfx35-tls.reg': netfx35 });
  const tree = runCli(['--format', 'json', 'registry'], dir);
  assert.equal(tree.stderr, '');
  assert.deepEqual(mim303(tree.stdout, join('registry', 'tls12-only-hardening.reg')), []);
  const alone = runCli(['--format', 'json', join('registry', 'tls12-only-hardening.reg')], dir);
  assert.equal(mim303(alone.stdout, join('registry', 'tls12-only-hardening.reg')).length, 1);
});

test('CLI: a script that sets one key leaves MIM303 for the other, with the script line as related information', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'deploy/tls12-only-hardening.reg': hardening, 'deploy/scripts/Set-NetFx35Tls.ps1': prereqs });
  const run = runCli(['--format', 'json', 'deploy'], dir);
  const [finding] = mim303(run.stdout, join('deploy', 'tls12-only-hardening.reg'));
  assert.ok(finding, run.stdout);
  assert.match(finding.message, /under the 32-bit v2\.0\.50727 key in the workspace/);
  assert.deepEqual(finding.related?.map((r) => [r.file, r.line]), [[join('deploy', 'scripts', 'Set-NetFx35Tls.ps1'), 4]]);
});
