// SARIF that code-scanning pages can show: every output validated against the SARIF 2.1.0 JSON schema
// (shipped by @microsoft/jest-sarif), rule help from docs/rules, fixes that reproduce --fix,
// fingerprints that survive unrelated edits, and invocations that say how the run ended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { cliPath, exampleCopy } from './helpers';
import { assertValidSarif, validateSarif as validate } from './sarif-schema';

/** Runs the CLI with --format sarif and returns the log, after checking it against the schema. */
function sarif(args: readonly string[], cwd: string): { status: number | null; log: Sarif.Log; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, '--format', 'sarif', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  const log = JSON.parse(result.stdout) as Sarif.Log;
  assertValidSarif(log);
  return { status: result.status, log, stderr: result.stderr };
}

test('the schema validator rejects a broken log (so a pass means something)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] }), false);
});

test('each rule has a short and full description, help text and markdown from its page, and a helpUri', () => {
  const { log } = sarif(['.'], exampleCopy());
  const rules = log.runs[0].tool.driver.rules!;
  assert.ok(rules.length > 20);
  for (const rule of rules) {
    const page = readFileSync(join(process.cwd(), 'docs', 'rules', `${rule.id}.md`), 'utf8');
    assert.equal(rule.help?.markdown, page, rule.id);
    assert.ok(rule.help!.text.length > 100 && !rule.help!.text.includes('**'), `${rule.id}: plain help text`);
    assert.ok(rule.shortDescription!.text.length > 0);
    assert.ok(rule.fullDescription!.text.length > rule.id.length, rule.id);
    assert.ok(!/\n/.test(rule.fullDescription!.text) && !rule.fullDescription!.text.includes('`'), `${rule.id}: one plain paragraph`);
    assert.match(rule.helpUri!, new RegExp(`/docs/rules/${rule.id}\\.md$`));
  }
  const mim110 = rules.find((rule) => rule.id === 'MIM110')!;
  assert.match(mim110.fullDescription!.text, /^On a host that allows only TLS 1\.2, a Sync Service config whose <runtime><AppContextSwitchOverrides value="…"> sets either of these switches to true:$/);
});

test('fixes: applying each preferred fix\'s artifact changes gives what --fix writes', () => {
  const dir = exampleCopy();
  const name = join('mim-service', 'Microsoft.ResourceManagement.Service.exe.config');
  const { log } = sarif(['--fips', 'on', name], dir);
  const results = log.runs[0].results!;
  const withFixes = results.filter((result) => result.fixes);
  assert.ok(withFixes.length >= 3);
  const text = readFileSync(join(dir, name), 'utf8');
  const lines = text.split('\n');
  // The offset of a 1-based line and UTF-16 column in the text (lines end in \n; a \r stays in the line).
  const offsetOf = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  for (const result of withFixes) {
    const first = result.fixes![0]!;
    assert.ok((first.description?.text ?? '').length > 0);
    assert.equal(first.artifactChanges[0].artifactLocation.uri, 'mim-service/Microsoft.ResourceManagement.Service.exe.config');
  }
  // MIM104 (the case of EnforceFIPSPolicy) alone: its fix replaces the name, and nothing else.
  const mim104 = withFixes.find((result) => result.ruleId === 'MIM104')!;
  const replacement = mim104.fixes![0].artifactChanges[0].replacements[0];
  const region = replacement.deletedRegion;
  const start = offsetOf(region.startLine!, region.startColumn!);
  const end = offsetOf(region.endLine!, region.endColumn!);
  assert.equal(text.slice(start, end), 'EnforceFIPSPolicy');
  assert.equal(replacement.insertedContent?.text, 'enforceFIPSPolicy');
});

test('partialFingerprints survive lines added above and re-indentation; identical lines are told apart', () => {
  const dir = exampleCopy();
  const name = join('scripts', 'install-mimservice.cmd');
  const prints = () => {
    const { log } = sarif(['--fips', 'on', '--tls12-only', 'on', name], dir);
    return log.runs[0].results!.map((result) => `${result.ruleId} ${Object.values(result.partialFingerprints!)[0]}`).sort();
  };
  const before = prints();
  assert.ok(before.length >= 3);
  const original = readFileSync(join(dir, name), 'utf8');
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  // An unrelated comment on top moves every finding down two lines.
  writeFileSync(join(dir, name), `REM deployment notes${eol}REM reviewed${eol}${original}`);
  assert.deepEqual(prints(), before);
  assert.equal(new Set(before).size, before.length, 'no two results share a fingerprint');
});

test('invocations: exit code, success, and a notification per skipped file', () => {
  const dir = exampleCopy();
  writeFileSync(join(dir, 'notes.txt'), 'not linted\n');
  const { status, log, stderr } = sarif(['--tls12-only', 'on', 'sync', 'notes.txt'], dir);
  const [invocation] = log.runs[0].invocations!;
  assert.equal(status, 0);
  assert.equal(invocation.exitCode, 0);
  assert.equal(invocation.executionSuccessful, true);
  assert.deepEqual(invocation.toolExecutionNotifications, [{ level: 'warning', message: { text: 'skipping notes.txt: not a kind of file mim-lint reads' } }]);
  assert.match(stderr, /skipping notes\.txt/);
  const failing = sarif(['--fips', 'on', '.'], dir);
  assert.equal(failing.status, 1);
  assert.equal(failing.log.runs[0].invocations![0].exitCode, 1);
  const limited = sarif(['--tls12-only', 'on', '--max-warnings', '0', 'sync'], dir);
  assert.equal(limited.status, 1);
  assert.equal(limited.log.runs[0].invocations![0].exitCode, 1);
});

test('every format variant of a run is a valid log: quiet, dry run, stdin, an empty run', () => {
  const dir = exampleCopy();
  sarif(['--quiet', '.'], dir);
  sarif(['--fix-dry-run', '--fips', 'on', '.'], dir);
  sarif(['**/*.nothing'], dir);
  const stdin = spawnSync(process.execPath, [cliPath, '--format', 'sarif', '--stdin', '--stdin-filename', 'a/miiserver.exe.config', '--tls12-only', 'on'], {
    cwd: dir,
    input: readFileSync(join(dir, 'sync', 'miiserver.exe.config')),
    encoding: 'utf8',
  });
  const log: Sarif.Log = JSON.parse(stdin.stdout);
  assert.ok(validate(log));
  assert.equal(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri, 'a/miiserver.exe.config');
});
