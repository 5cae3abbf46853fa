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

test('report on a folder of snapshots: a summary table and one section per host, exit 0', () => {
  const run = runCli(['report', 'test/fixtures/snapshots'], repository);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^# MIM 2016 SP2 readiness of servers/);
  assert.match(run.stdout, /^\| Requirement \| MIMAPP01 \| MIMSVC03 \| MIMSVC04 \| mimsync02 \|$/m);
  assert.deepEqual(run.stdout.match(/^## .*$/gm), ['## MIMAPP01', '## MIMSVC03', '## MIMSVC04', '## mimsync02']);
  // Links are relative to the reported folder.
  assert.match(run.stdout, /\[mimsync02-evidence\/sqlncli11\.reg:4\]\(mimsync02-evidence\/sqlncli11\.reg#L4\)/);
  assert.doesNotMatch(run.stdout, /# MIM 2016 SP2 readiness: TLS 1\.2 and FIPS mode/, 'no workspace checklist when there are only snapshots');
});

test('report --format json on one snapshot: the host with each requirement and its export lines', () => {
  const run = runCli(['report', 'test/fixtures/snapshots/mimsvc03-evidence', '--format', 'json'], repository);
  assert.equal(run.status, 0, run.stderr);
  const { hosts, workspace } = JSON.parse(run.stdout);
  assert.equal(workspace, undefined);
  assert.deepEqual(hosts.hosts.map((h: { host: string; folder: string }) => [h.host, h.folder]), [['MIMSVC03', 'mimsvc03-evidence']]);
  const build = hosts.hosts[0].requirements.find((r: { id: string }) => r.id === 'mim-build');
  assert.equal(build.status, 'not met');
  assert.deepEqual(build.evidence, [{ file: 'uninstall-mim-service.reg', line: 7, message: 'Microsoft Identity Manager Service and Portal 4.5.286.0' }]);
  assert.deepEqual(build.findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line]), [['MIM403', 7]]);
});

test('report on a repository with a snapshot: the host section, then the workspace checklist without the snapshot', () => {
  const dir = makeTempDir();
  cpSync(join(repository, 'test/fixtures/snapshots/mimapp01-evidence'), join(dir, 'snapshots/mimapp01-evidence'), { recursive: true });
  cpSync(join(repository, 'examples/scripts'), join(dir, 'scripts'), { recursive: true });
  const run = runCli(['report', '.', '--format', 'json'], dir);
  const { hosts, workspace } = JSON.parse(run.stdout);
  assert.deepEqual(hosts.hosts.map((h: { host: string }) => h.host), ['MIMAPP01']);
  const profileFiles = [...workspace.profile.fips.evidence, ...workspace.profile.tls12Only.evidence].map((e: { file: string }) => e.file);
  assert.ok(profileFiles.length > 0 && profileFiles.every((file) => file.startsWith('scripts/')), 'the snapshot does not set the repository\'s profile');
  const files = new Set(workspace.items.flatMap((item: { evidence: Array<{ file: string }> }) => item.evidence.map((e) => e.file)));
  assert.equal([...files].some((file) => String(file).startsWith('snapshots/')), false);
  const markdown = runCli(['report', '.'], dir).stdout;
  assert.ok(markdown.indexOf('# MIM 2016 SP2 readiness of servers') < markdown.indexOf('# MIM 2016 SP2 readiness: TLS 1.2 and FIPS mode'));
});

test('mim-lint collector prints the batch file byte for byte (CRLF), and takes no argument', async () => {
  const { readFileSync } = await import('node:fs');
  const run = runCli(['collector'], repository);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, readFileSync(join(repository, 'server/src/collector/collect-host-evidence.cmd'), 'utf8'));
  assert.match(run.stdout, /^@echo off\r\n/);
  const extra = runCli(['collector', 'x'], repository);
  assert.equal(extra.status, 2);
  assert.match(extra.stderr, /collector takes no argument/);
});
