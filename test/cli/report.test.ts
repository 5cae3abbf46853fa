// `mim-lint report`: the readiness checklist on stdout, markdown by default and JSON on request, exit
// 0 whatever it says, 2 for bad usage or a path that cannot be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasNoStackTrace, makeTempDir, runCli, writeTree } from './helpers';

const repository = process.cwd();
const version = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')).version;

test('report --format json on examples: tool, profile from the flags, eight items with evidence', () => {
  const run = runCli(['report', 'examples', '--fips', 'on', '--tls12-only', 'on', '--format', 'json'], repository);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.tool, { name: 'mim-lint', version });
  assert.match(report.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(report.workspace, 'examples');
  assert.deepEqual([report.profile.fips.value, report.profile.fips.source], ['on', 'flag']);
  assert.deepEqual(Object.keys(report.items[0]).sort(), ['detail', 'evidence', 'findings', 'id', 'status', 'title']);
  assert.equal(report.items.length, 8);
  const install = report.items.find((i: { id: string }) => i.id === 'unattended-install');
  assert.equal(install.status, 'not met');
  // Paths are relative to the reported folder, so the links work from inside it.
  assert.ok(install.findings.some((f: { ruleId: string; file: string; line: number }) => f.ruleId === 'MIM201' && f.file === 'scripts/install-mimservice.cmd' && f.line === 11));
});

test('report without --format prints markdown; auto infers the profile from the folder', () => {
  const run = runCli(['report', 'examples'], repository);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^# MIM 2016 SP2 readiness/);
  assert.match(run.stdout, /\| FIPS mode \| on, inferred from .*scripts\/reenable-tls11-for-install\.bat:17\]/);
  assert.match(run.stdout, new RegExp(`mim-lint ${version.replace(/\./g, '\\.')}`));
});

test('report of an empty folder (the working directory by default): every item has no evidence, exit 0', () => {
  const dir = makeTempDir();
  const run = runCli(['report', '--format', 'json'], dir);
  assert.equal(run.status, 0);
  const report = JSON.parse(run.stdout);
  assert.ok(report.items.every((i: { status: string }) => i.status === 'no evidence'));
});

test('report of a folder with error findings still exits 0: it is a document, not a verdict', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'Microsoft.ResourceManagement.Service.exe.config': '<configuration><runtime/></configuration>' });
  const run = runCli(['report', '.', '--fips', 'on'], dir);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /\[MIM101\]/);
});

for (const { args, mentions } of [
  { args: ['report', 'no-such-dir'], mentions: /cannot read no-such-dir/ },
  { args: ['report', '--format', 'sarif'], mentions: /report --format "sarif" is not one of markdown, json/ },
  { args: ['report', '--fix'], mentions: /report does not fix/ },
  { args: ['report', 'a', 'b'], mentions: /report takes one directory/ },
  { args: ['--format', 'markdown', '.'], mentions: /--format markdown is for mim-lint report/ },
]) {
  test(`mim-lint ${args.join(' ')}: exit 2 with one line`, () => {
    const run = runCli(args, makeTempDir());
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, mentions);
    assert.ok(hasNoStackTrace(run.stderr));
  });
}
