import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeTempDir } from '../temp-dir';

const cli = join(process.cwd(), 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
const serviceConfig = '<configuration>\r\n  <resourceManagementService />\r\n  <runtime>\r\n  </runtime>\r\n</configuration>\r\n';
const fipsScript = '@echo off\r\nreg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d 1 /f\r\n';

test('auto infers each directory tree\'s profile from its hardening sources; flags override', () => {
  const dir = makeTempDir('infer');
  for (const tree of ['hardened', 'plain']) mkdirSync(join(dir, tree));
  writeFileSync(join(dir, 'hardened', 'harden.cmd'), fipsScript);
  writeFileSync(join(dir, 'hardened', 'Microsoft.ResourceManagement.Service.exe.config'), serviceConfig);
  writeFileSync(join(dir, 'plain', 'Microsoft.ResourceManagement.Service.exe.config'), serviceConfig);

  const inferred = run(['--format', 'json', 'hardened', 'plain'], dir);
  assert.equal(inferred.status, 1, inferred.stderr);
  const output = JSON.parse(inferred.stdout);
  assert.deepEqual(output.workspaces.map((w: { path: string; profile: { fips: string } }) => [w.path, w.profile.fips]), [['hardened', 'on'], ['plain', 'unknown']]);
  assert.deepEqual(output.workspaces[0].profile.facts.fips.evidence, [{ file: join('hardened', 'harden.cmd'), message: 'FIPS mode is enabled here', line: 2 }]);
  const ruleIds = (file: string) => output.files.find((f: { file: string }) => f.file === file).findings.map((f: { ruleId: string }) => f.ruleId);
  assert.deepEqual(ruleIds(join('hardened', 'Microsoft.ResourceManagement.Service.exe.config')), ['MIM101']);
  assert.deepEqual(ruleIds(join('plain', 'Microsoft.ResourceManagement.Service.exe.config')), []);
  const related = output.files.find((f: { file: string; findings: unknown[] }) => f.file.startsWith('hardened') && f.findings.length).findings[0].related;
  assert.deepEqual(related, [{ file: join('hardened', 'harden.cmd'), message: 'FIPS mode is enabled here', line: 2 }]);

  const overridden = run(['--format', 'json', '--fips', 'off', 'hardened'], dir);
  assert.equal(overridden.status, 0);
  assert.equal(JSON.parse(overridden.stdout).profile.facts.fips.source, 'flag');

  const sarif = JSON.parse(run(['--format', 'sarif', 'hardened'], dir).stdout);
  assert.equal(sarif.runs[0].properties.hostProfiles[0].fips, 'on');
  assert.equal(sarif.runs[0].properties.hostProfiles[0].evidence[0].line, 2);
});
