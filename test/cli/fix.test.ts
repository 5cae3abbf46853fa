// --fix: the engine's preferred fixes are written back in the file's own encoding, BOM and line
// endings, and no byte outside the fixes changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, profileFromSettings } from '../../server/src/engine/index';
import { encodeText, type TextEncodingName } from '../../server/src/common/text-file';
import { makeTempDir, runCli, serviceConfigName, writeTree } from './helpers';

const fipsOn = profileFromSettings({ fips: 'on' }, 'flag');

/** A MIM Service config that enforces the FIPS policy: on a FIPS host its fix sets enabled="false". */
const enforcingConfig = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <!-- Größe: naïve café -->',
  '  <runtime>',
  '    <enforceFIPSPolicy enabled="true" />',
  '  </runtime>',
  '</configuration>',
  '',
].join('\r\n');

/** A MIM Service config without the FIPS policy: on a FIPS host its fix inserts the element. */
const missingPolicyConfig = enforcingConfig.replace('    <enforceFIPSPolicy enabled="true" />\r\n', '    <gcServer enabled="true" />\r\n');

/** Writes `text` in `encoding` as the MIM Service config of a new directory and runs `--fix` on it. */
function fixInEncoding(text: string, encoding: TextEncodingName, bom: boolean, extraArgs: string[] = []) {
  const dir = makeTempDir();
  const path = join(dir, serviceConfigName);
  const before = encodeText(text, encoding, bom);
  writeTree(dir, { [serviceConfigName]: before });
  const engine = fixAll(text, serviceConfigName, { profile: fipsOn });
  const run = runCli(['--fips', 'on', '--fix', ...extraArgs, serviceConfigName], dir);
  return { before: Buffer.from(before), after: readFileSync(path), engine, run };
}

/** The bytes where two buffers differ, trimmed of their common prefix and suffix. */
function changedSpan(before: Buffer, after: Buffer): { start: number; beforeEnd: number; afterEnd: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let suffix = 0;
  while (suffix < before.length - start && suffix < after.length - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start, beforeEnd: before.length - suffix, afterEnd: after.length - suffix };
}

test('UTF-8 with BOM and CRLF: only the fixed value changes, BOM and line endings stay', () => {
  const { before, after, engine, run } = fixInEncoding(enforcingConfig, 'utf-8', true);
  assert.ok(engine.applied > 0, 'the engine has a fix to apply');
  assert.deepEqual(after, Buffer.from(encodeText(engine.text, 'utf-8', true)));
  assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  assert.doesNotMatch(after.toString('utf8'), /[^\r]\n/, 'every line still ends in CRLF');
  const span = changedSpan(before, after);
  assert.equal(before.subarray(span.start, span.beforeEnd).toString(), 'tru', 'only the value changed: "true" → "false"');
  assert.equal(after.subarray(span.start, span.afterEnd).toString(), 'fals');
  const remainingErrors = engine.remaining.some((f) => f.severity === 'error');
  assert.equal(run.status, remainingErrors ? 1 : 0);
  assert.match(run.stdout, new RegExp(`✔ ${engine.applied} fix(es)? applied in 1 file`));
});

test('UTF-16LE with BOM: an inserted element is written in UTF-16LE with the BOM', () => {
  const { after, engine, run } = fixInEncoding(missingPolicyConfig, 'utf-16le', true);
  assert.ok(engine.applied > 0, 'the engine has a fix to apply');
  assert.deepEqual(after, Buffer.from(encodeText(engine.text, 'utf-16le', true)));
  assert.deepEqual([...after.subarray(0, 2)], [0xff, 0xfe]);
  assert.match(after.subarray(2).toString('utf16le'), /<enforceFIPSPolicy/);
  assert.equal(run.status, engine.remaining.some((f) => f.severity === 'error') ? 1 : 0);
});

test('UTF-16BE with BOM round-trips too', () => {
  const { after, engine } = fixInEncoding(enforcingConfig, 'utf-16be', true);
  assert.ok(engine.applied > 0);
  assert.deepEqual(after, Buffer.from(encodeText(engine.text, 'utf-16be', true)));
});

test('a windows-1252 file stays windows-1252 (its "é" stays one byte)', () => {
  const { before, after, engine } = fixInEncoding(enforcingConfig, 'windows-1252', false);
  assert.ok(engine.applied > 0);
  assert.ok(before.includes(0xe9), 'the fixture holds a windows-1252 é');
  assert.deepEqual(after, Buffer.from(encodeText(engine.text, 'windows-1252', false)));
  assert.ok(after.includes(0xe9));
});

test('--fix --format json reports the fixes applied and what remains', () => {
  const { engine, run } = fixInEncoding(enforcingConfig, 'utf-8', false, ['--format', 'json']);
  const [file] = JSON.parse(run.stdout).files;
  assert.equal(file.fixesApplied, engine.applied);
  assert.deepEqual(file.findings.map((f: { ruleId: string }) => f.ruleId), engine.remaining.map((f) => f.ruleId));
});

test('a file with nothing to fix is left byte for byte as it was', () => {
  const text = enforcingConfig.replace('enabled="true"', 'enabled="false"');
  const { before, after, engine, run } = fixInEncoding(text, 'utf-8', true);
  assert.equal(engine.applied, 0, 'precondition: nothing to fix');
  assert.deepEqual(after, before);
  assert.doesNotMatch(run.stdout, /applied/);
});

test('a damaged UTF-16 file (odd byte count) is linted but not rewritten', () => {
  const dir = makeTempDir();
  const damaged = Buffer.concat([Buffer.from(encodeText(enforcingConfig, 'utf-16le', true)), Buffer.from([0x20])]);
  writeTree(dir, { [serviceConfigName]: damaged });
  const engine = fixAll(enforcingConfig, serviceConfigName, { profile: fipsOn });
  assert.ok(engine.applied > 0, 'precondition: there is a fix that would be applied');
  const run = runCli(['--fips', 'on', '--fix', '--format', 'json', '.'], dir);
  assert.deepEqual(readFileSync(join(dir, serviceConfigName)), damaged, 'not a byte changed');
  assert.match(run.stderr, /^mim-lint: warning: not fixing .*utf-16le/m);
  const [file] = JSON.parse(run.stdout).files;
  assert.equal(file.fixesApplied, 0);
  assert.ok(file.findings.length > 0, 'the unfixed findings are still reported');
});
