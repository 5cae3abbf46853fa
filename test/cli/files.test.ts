// Which files are linted, and the exit codes that follow from what is found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileKindOf, lint } from '../../server/src/engine/index';
import { makeTempDir, runCli, serviceConfigName, writeTree } from './helpers';

const notWellFormed = '<configuration>\n  <runtime>\n</configuration>\n';
const wellFormed = '<packages />\n';

function lintedFiles(stdout: string): string[] {
  return JSON.parse(stdout).files.map((file: { file: string }) => file.file);
}

test('directories are walked in name order for the kinds the engine reads, skipping node_modules and .git', () => {
  const dir = makeTempDir();
  const candidates = [
    'a.config',
    join('sub', 'b.exe.config'),
    join('sub', 'deep', 'UPPER.CONFIG'),
    join('sub', 'setup.cmd'),
    join('sub', 'tls.reg'),
    join('sub', 'install.ps1'),
    'notes.txt',
    'config',
    join('node_modules', 'pkg', 'app.config'),
    join('.git', 'x.config'),
    join('sub', 'node_modules', 'y.config'),
  ];
  // Each file is clean for its kind, so the exit code says nothing but "walked".
  writeTree(dir, Object.fromEntries(candidates.map((path) => [path, path.endsWith('.reg') ? 'Windows Registry Editor Version 5.00\r\n' : '<configuration />\n'])));
  symlinkSync('..', join(dir, 'sub', 'loop'));
  symlinkSync('a.config', join(dir, 'same-as-a.config'));
  symlinkSync('nowhere.config', join(dir, 'dangling.config'));
  const run = runCli(['--format', 'json', '.'], dir);
  assert.equal(run.status, 0, run.stderr);
  const skipped = /(^|[\\/])(node_modules|\.git)[\\/]/;
  const expected = candidates.filter((path) => fileKindOf(path) !== undefined && !skipped.test(path)).sort();
  // No name here holds a character that sorts before the separator, so walk order is sorted order.
  assert.deepEqual(lintedFiles(run.stdout), expected);
  assert.ok(expected.includes('a.config') && expected.includes(join('sub', 'deep', 'UPPER.CONFIG')));
});

test('the same file named twice, or through a symlink, is linted once', () => {
  const dir = makeTempDir();
  writeTree(dir, { [join('d', 'a.config')]: wellFormed });
  symlinkSync('d', join(dir, 'link'));
  const run = runCli(['--format', 'json', 'd', join('d', 'a.config'), 'link'], dir);
  assert.deepEqual(lintedFiles(run.stdout), [join('d', 'a.config')]);
});

test('paths are shown relative to the working directory, also above it', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'a.config': wellFormed });
  mkdirSync(join(dir, 'below'));
  const run = runCli(['--format', 'json', join('..', 'a.config')], join(dir, 'below'));
  assert.deepEqual(lintedFiles(run.stdout), [join('..', 'a.config')]);
});

test('a named file of a kind mim-lint does not read is skipped with a warning', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'notes.txt': 'hello\n', 'a.config': wellFormed });
  const run = runCli(['notes.txt', 'a.config'], dir);
  assert.equal(run.status, 0);
  assert.equal(run.stderr, 'mim-lint: warning: skipping notes.txt: not a kind of file mim-lint reads\n');
  const alone = runCli(['notes.txt'], dir);
  assert.equal(alone.status, 0);
  assert.match(alone.stderr, /no files to lint/);
});

test('exit code 1 when an error-level finding is reported, 0 when none', () => {
  const dir = makeTempDir();
  writeTree(dir, { [join('bad', 'app.exe.config')]: notWellFormed, [join('good', 'packages.config')]: wellFormed });
  const badFindings = lint(notWellFormed, 'app.exe.config').findings;
  assert.ok(badFindings.some((f) => f.ruleId === 'MIM001' && f.severity === 'error'), 'not well-formed XML is MIM001');
  assert.deepEqual(lint(wellFormed, 'packages.config').findings, []);
  assert.equal(runCli(['bad'], dir).status, 1);
  assert.equal(runCli(['good'], dir).status, 0);
  assert.equal(runCli(['good', 'bad'], dir).status, 1);
  const clean = runCli(['good'], dir);
  assert.equal(clean.stdout, '', 'a clean run prints nothing');
  assert.equal(clean.stderr, '');
});

test('findings below error level do not fail the run', () => {
  const dir = makeTempDir();
  const text = [
    '<configuration>',
    '  <runtime>',
    '    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSchUseStrongCrypto=false" />',
    '  </runtime>',
    '</configuration>',
    '',
  ].join('\n');
  writeTree(dir, { [serviceConfigName]: text });
  const findings = lint(text, serviceConfigName).findings;
  assert.ok(findings.length > 0 && findings.every((f) => f.severity !== 'error'), 'precondition: only non-error findings');
  const run = runCli([serviceConfigName], dir);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /✖ \d+ problems? \(0 errors,/);
});

test('--fips and --tls12-only set the host profile the rules see', () => {
  const dir = makeTempDir();
  const text = '<configuration>\n  <runtime>\n    <enforceFIPSPolicy enabled="true" />\n  </runtime>\n</configuration>\n';
  writeTree(dir, { [serviceConfigName]: text });
  const run = runCli(['--format', 'json', '--fips', 'on', '--tls12-only', 'off', '.'], dir);
  const output = JSON.parse(run.stdout);
  assert.deepEqual([output.profile.fips, output.profile.tls12Only], ['on', 'off']);
  const auto = JSON.parse(runCli(['--format', 'json', '.'], dir).stdout);
  assert.deepEqual([auto.profile.fips, auto.profile.tls12Only], ['unknown', 'unknown']);
  const onIds = output.files[0].findings.map((f: { ruleId: string }) => f.ruleId);
  const autoIds = auto.files[0].findings.map((f: { ruleId: string }) => f.ruleId);
  assert.ok(onIds.includes('MIM102') && !autoIds.includes('MIM102'), 'MIM102 only applies on a FIPS host');
});

test('a file of NUL bytes (4 MB) is skipped with a warning, up front; the other files are linted', () => {
  const dir = makeTempDir();
  writeTree(dir, { [join('dump', 'web.config')]: new Uint8Array(4 * 1024 * 1024), [join('svc', serviceConfigName)]: notWellFormed });
  const run = runCli(['--format', 'json', '--fips', 'on', '.'], dir);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /^mim-lint: warning: skipping dump[\\/]web\.config: it holds NUL characters near its start, so it is binary content, not text \(a UTF-16 file needs its byte order mark\)$/m);
  assert.deepEqual(lintedFiles(run.stdout), [join('svc', serviceConfigName)]);
});
