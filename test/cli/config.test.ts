// The CLI and .mimlintrc.json: the nearest file wins, up to the tree named; precedence inferred <
// config < flags; `ignore`; `--config <file>`; and an invalid config stops the run with exit 2 and
// one line naming file, line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makeTempDir, runCli, serviceConfigName, writeTree } from './helpers';

/** A MIM Service config with no enforceFIPSPolicy (MIM101 on a FIPS host) and a misplaced one (MIM103). */
const serviceConfig =
  '<configuration>\r\n  <resourceManagementService />\r\n  <enforceFIPSPolicy enabled="false" />\r\n  <runtime>\r\n  </runtime>\r\n</configuration>\r\n';

interface JsonOutput {
  files: Array<{ file: string; findings: Array<{ ruleId: string; severity: string }> }>;
}

function findings(stdout: string): Record<string, string[]> {
  const output = JSON.parse(stdout) as JsonOutput;
  return Object.fromEntries(output.files.map((f) => [f.file.split('\\').join('/'), f.findings.map((x) => `${x.ruleId}:${x.severity}`)]));
}

test('the nearest .mimlintrc.json wins; its rules and host apply; flags beat it', () => {
  const dir = makeTempDir();
  writeTree(dir, {
    '.mimlintrc.json': '{\n  // the whole repository: FIPS hosts\n  "host": { "fips": "on" },\n  "rules": { "MIM103": "warning" },\n}\n',
    [`service/${serviceConfigName}`]: serviceConfig,
    'legacy/.mimlintrc.json': '{ "rules": { "MIM101": "off" } }',
    [`legacy/${serviceConfigName}`]: serviceConfig,
  });
  const run = runCli(['--format', 'json', '.'], dir);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(findings(run.stdout), {
    [`legacy/${serviceConfigName}`]: ['MIM103:error'], // nearest file only: no host, MIM103 at its default
    [`service/${serviceConfigName}`]: ['MIM103:warning', 'MIM101:error'],
  });

  const flagged = runCli(['--format', 'json', '--fips', 'off', 'service'], dir);
  assert.deepEqual(findings(flagged.stdout)[`service/${serviceConfigName}`], ['MIM103:error'], 'no config above the tree root: defaults');
  const flaggedFromRoot = runCli(['--format', 'json', '--fips', 'off', '.'], dir);
  assert.deepEqual(findings(flaggedFromRoot.stdout)[`service/${serviceConfigName}`], ['MIM103:warning'], 'the flag beats host.fips');
});

test('the search stops at the tree named on the command line', () => {
  const dir = makeTempDir();
  writeTree(dir, { '.mimlintrc.json': '{ "host": { "fips": "on" } }', [`a/b/${serviceConfigName}`]: serviceConfig });
  assert.deepEqual(findings(runCli(['--format', 'json', 'a/b'], dir).stdout)[`a/b/${serviceConfigName}`], ['MIM103:error']);
  // A file argument below the working directory searches up to the working directory.
  const file = runCli(['--format', 'json', `a/b/${serviceConfigName}`], dir);
  assert.deepEqual(findings(file.stdout)[`a/b/${serviceConfigName}`], ['MIM103:error', 'MIM101:error']);
});

test('ignore: globs relative to the config folder skip files and folders', () => {
  const dir = makeTempDir();
  writeTree(dir, {
    'deploy/.mimlintrc.json': '{ "ignore": ["archive/**", "*.old.config"] }',
    [`deploy/archive/${serviceConfigName}`]: '<configuration>',
    'deploy/web.old.config': '<configuration>',
    'deploy/web.config': '<configuration>',
  });
  const run = runCli(['--format', 'json', '.'], dir);
  assert.deepEqual(Object.keys(findings(run.stdout)), ['deploy/web.config']);
  const named = runCli(['deploy/web.old.config'], dir);
  assert.equal(named.status, 0);
  assert.match(named.stderr, /skipping deploy\/web\.old\.config: ignored by its \.mimlintrc\.json/);
});

test('--config uses one file for everything, and the files in the tree are not read', () => {
  const dir = makeTempDir();
  writeTree(dir, {
    'ci/strict.json': '{ "host": { "fips": "on" }, "rules": { "MIM103": "off" }, "ignore": ["../skip/**"] }',
    '.mimlintrc.json': '{ "rules": { "MIM101": "off" }, "oops": 1 }',
    [`svc/${serviceConfigName}`]: serviceConfig,
  });
  const run = runCli(['--format', 'json', '--config', 'ci/strict.json', 'svc'], dir);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(findings(run.stdout)[`svc/${serviceConfigName}`], ['MIM101:error']);
  const missing = runCli(['--config', 'nope.json', 'svc'], dir);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'mim-lint: cannot read config file nope.json: no such file or directory\n');
  assert.equal(runCli(['--config'], dir).status, 2);
});

test('an invalid config file: exit 2, one line with file, line and column, nothing linted', () => {
  const dir = makeTempDir();
  writeTree(dir, {
    '.mimlintrc.json': '{\n  "rules": {\n    "MIM106": "off",\n    "MIM999": "off"\n  }\n}\n',
    'bad-json/.mimlintrc.json': '{\n  "rules": { "MIM106": off }\n}\n',
    [`bad-json/${serviceConfigName}`]: serviceConfig,
    [`svc/${serviceConfigName}`]: serviceConfig,
  });
  const run = runCli(['svc'], dir);
  assert.equal(run.status, 1, 'the tree root svc/ has no config in it: linted (MIM103 is an error)');
  const invalid = runCli(['.'], dir);
  assert.equal(invalid.status, 2);
  assert.equal(invalid.stdout, '');
  assert.match(invalid.stderr, /^mim-lint: \.mimlintrc\.json:4:5: invalid config file: unknown rule "MIM999": no such rule \(MIM001…MIM\d{3}\)\n$/);
  const badJson = runCli(['bad-json'], dir);
  assert.equal(badJson.status, 2);
  assert.match(badJson.stderr, new RegExp(`^mim-lint: ${join('bad-json', '.mimlintrc.json').replace(/[\\.]/g, '\\$&')}:2:24: invalid config file: not valid JSON, so none of it applies: unexpected "off"`));
  assert.equal(badJson.stderr.split('\n').length, 2, 'one line');
});

test('an ignore glob that cannot be used: exit 2 and a clear line (not an internal error); a hostile one finishes', () => {
  const dir = makeTempDir();
  writeTree(dir, {
    'broken/.mimlintrc.json': '{\n  "ignore": ["archive/**", "{old"]\n}\n',
    [`broken/${serviceConfigName}`]: serviceConfig,
    'hostile/.mimlintrc.json': '{ "ignore": ["*a*a*a*a*a*a*a*a*a*a*a*a*b"] }',
    [`hostile/${'a'.repeat(40)}/web.config`]: '<configuration />',
  });
  const broken = runCli(['broken'], dir);
  assert.equal(broken.status, 2);
  assert.equal(broken.stdout, '');
  assert.equal(
    broken.stderr.replace(/\\/g, '/'),
    'mim-lint: broken/.mimlintrc.json:2:28: invalid config file: "{old" is not a usable glob: the "{" at character 1 is never closed\n',
  );
  const hostile = runCli(['--format', 'json', 'hostile'], dir);
  assert.equal(hostile.status, 0, hostile.stderr);
  assert.deepEqual(Object.keys(findings(hostile.stdout)), [`hostile/${'a'.repeat(40)}/web.config`]);
});
