// Command-line usage: help, version, and bad arguments (exit 2, one line on stderr, no stack trace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArguments } from '../../server/src/cli/args';
import { hasNoStackTrace, makeTempDir, runCli, writeTree } from './helpers';

const dir = makeTempDir();
writeTree(dir, { 'packages.config': '<packages />\n' });

test('--version prints the version from package.json', () => {
  const { version } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
  for (const flag of ['--version', '-v']) {
    const run = runCli([flag], dir);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
    assert.equal(run.stderr, '');
  }
});

test('--help lists usage, every option and the exit codes, and exits 0 without linting', () => {
  const run = runCli(['--help'], dir);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^Usage: mim-lint \[options\] <file\|dir\|glob>\.\.\./);
  for (const option of ['--format stylish|json|sarif', '--fips on|off|auto', '--tls12-only on|off|auto', '--fix', '--help', '--version']) {
    assert.ok(run.stdout.includes(option), `help mentions ${option}`);
  }
  assert.match(run.stdout, /Exit codes:/);
  assert.equal(runCli(['-h', 'no-such-path'], dir).status, 0, '--help does not look at paths');
});

const badUsages: Array<{ args: string[]; mentions: RegExp }> = [
  { args: ['--format', 'xml', '.'], mentions: /--format "xml".*stylish, json, sarif/ },
  { args: ['--format=xml', '.'], mentions: /--format "xml"/ },
  { args: ['--fips', 'maybe', '.'], mentions: /--fips "maybe".*on, off, auto/ },
  { args: ['--tls12-only', 'yes', '.'], mentions: /--tls12-only "yes"/ },
  { args: ['--format'], mentions: /--format needs a value/ },
  { args: ['--fips', '--fix', '.'], mentions: /--fips needs a value/ },
  { args: ['--fix=yes', '.'], mentions: /--fix takes no value/ },
  { args: ['--frobnicate', '.'], mentions: /unknown option "--frobnicate"/ },
  { args: [], mentions: /no file or directory given/ },
  { args: ['--fix'], mentions: /no file or directory given/ },
  // An empty argument (an unset shell variable, `mim-lint "$DIR"`) must not lint the working directory.
  { args: [''], mentions: /an empty path \(""\) was given/ },
  { args: ['--fix', 'packages.config', ''], mentions: /an empty path \(""\) was given/ },
  { args: ['report', ''], mentions: /an empty path \(""\) was given/ },
  { args: ['--config', '', '.'], mentions: /--config needs a value: a file/ },
  { args: ['--config=', '.'], mentions: /--config needs a value: a file/ },
  { args: ['no-such-file.config'], mentions: /cannot read no-such-file\.config: no such file or directory/ },
  { args: ['packages.config', 'missing-dir'], mentions: /cannot read missing-dir: no such file or directory/ },
];

for (const { args, mentions } of badUsages) {
  test(`bad usage ${JSON.stringify(args)} exits 2 with one line on stderr`, () => {
    const run = runCli(args, dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '', 'no report on bad usage');
    assert.match(run.stderr, /^mim-lint: [^\n]+\n$/, 'exactly one line');
    assert.match(run.stderr, mentions);
    assert.ok(hasNoStackTrace(run.stderr));
  });
}

test('option values may follow "=" or the next argument; a later value wins; "--" ends the options', () => {
  const options = parseArguments(['--format=json', '--fips', 'on', '--format', 'sarif', '--', '--fix', 'a.config']);
  assert.equal(options.format, 'sarif');
  assert.equal(options.fips, 'on');
  assert.equal(options.tls12Only, 'auto');
  assert.equal(options.fix, false);
  assert.deepEqual(options.paths, ['--fix', 'a.config']);
});
