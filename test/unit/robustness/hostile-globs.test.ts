// Hostile `ignore` globs in a .mimlintrc.json (issue 11): a pattern that backtracks exponentially as a
// regular expression finishes at once, a malformed one is MIM901 (never an internal error), and brace
// bombs and huge patterns are refused before they cost anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFindings, ignoreMatcher, parseProjectConfig } from '../../../server/src/engine/config/project-config';

const timed = <T>(work: () => T) => {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
};

test('a backtracking glob against long names: bounded time, right answers', () => {
  const parsed = parseProjectConfig(JSON.stringify({ ignore: ['*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/*a*a*a*a*a*a*a*a*a*a*a*a*c/**'] }));
  assert.deepEqual(parsed.problems, []);
  const ignores = ignoreMatcher(parsed.config);
  const names = ['a'.repeat(40), `${'a'.repeat(40)}/${'a'.repeat(200)}.config`, `${'ab'.repeat(20)}/x.cmd`, 'a'.repeat(100_000)];
  const { result, ms } = timed(() => names.map(ignores));
  assert.deepEqual(result, [false, false, true, false]);
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
});

test('malformed, bomb and huge globs: MIM901 on the entry, the rest applies, quickly', () => {
  const hostile = ['{a', '{'.repeat(10_000), '{a,b}'.repeat(200), '['.repeat(500), `${'x'.repeat(5000)}*`, '!**/x'];
  const { result: parsed, ms } = timed(() => parseProjectConfig(JSON.stringify({ ignore: [...hostile, 'archive/**'], rules: { MIM106: 'off' } })));
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  assert.deepEqual(parsed.config.ignore, ['archive/**']);
  assert.deepEqual(parsed.config.rules, { MIM106: 'off' });
  const findings = configFindings(parsed);
  assert.equal(findings.length, hostile.length);
  for (const finding of findings) {
    assert.equal(finding.ruleId, 'MIM901');
    assert.match(finding.message, /is not a usable glob: .* \(ignored\)\.$/);
    assert.doesNotMatch(finding.message, /regular expression|internal/i);
  }
});
