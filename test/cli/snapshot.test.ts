// `mim-lint <folder of host snapshots>`: each snapshot folder is linted with its own host's profile,
// findings point at the export lines, and a ready server's snapshot is clean (exit 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, runCli, writeTree } from './helpers';

const repository = process.cwd();

interface JsonFile {
  file: string;
  findings: Array<{ ruleId: string; severity: string; line: number; column: number }>;
}

function lintJson(args: string[], cwd = repository): { status: number | null; files: JsonFile[]; stderr: string } {
  const run = runCli([...args, '--format', 'json'], cwd);
  return { status: run.status, files: JSON.parse(run.stdout).files, stderr: run.stderr };
}

test('four snapshots: findings on the export lines, each host judged with its own profile', () => {
  const { status, files, stderr } = lintJson(['test/fixtures/snapshots']);
  assert.equal(status, 1, stderr);
  const found = files.flatMap((file) => file.findings.map((f) => `${file.file.split(/[\\/]/).slice(-2).join('/')}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`));
  assert.deepEqual(found.sort(), [
    'mimsvc03-evidence/certutil-store-my.txt:22:1 MIM404 warning',
    'mimsvc03-evidence/uninstall-mim-service.reg:7:18 MIM403 error',
    'mimsvc04-evidence/Microsoft.ResourceManagement.Service.exe.config:32:3 MIM101 error',
    'mimsync02-evidence/sqlncli11.reg:4:20 MIM401 error',
  ]);
});

test('the snapshot of a ready server: no finding, exit 0', () => {
  const run = runCli(['test/fixtures/snapshots/mimapp01-evidence'], repository);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(run.stdout, '');
});

test('a snapshot next to a repository does not change the repository\'s profile', () => {
  const dir = makeTempDir();
  cpSync(join(repository, 'test/fixtures/snapshots/mimsvc04-evidence'), join(dir, 'snapshots/mimsvc04-evidence'), { recursive: true });
  // The repository's own copy of the config lacks the element too, but nothing in the repository says FIPS.
  cpSync(join(dir, 'snapshots/mimsvc04-evidence/Microsoft.ResourceManagement.Service.exe.config'), join(dir, 'deploy/Microsoft.ResourceManagement.Service.exe.config'));
  writeTree(dir, { 'hardening/notes.reg': 'Windows Registry Editor Version 5.00\r\n' });
  const { files } = lintJson(['.'], dir);
  const withFindings = files.filter((file) => file.findings.length > 0).map((file) => file.file.replace(/\\/g, '/'));
  assert.deepEqual(withFindings, ['snapshots/mimsvc04-evidence/Microsoft.ResourceManagement.Service.exe.config']);
});

test('an explicit flag still wins over a snapshot\'s own profile', () => {
  const { status, files } = lintJson(['test/fixtures/snapshots/mimsvc03-evidence', '--tls12-only', 'off']);
  assert.equal(status, 0);
  assert.deepEqual(files.flatMap((f) => f.findings), []);
});
