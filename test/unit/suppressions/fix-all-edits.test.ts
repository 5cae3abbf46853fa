// The minimal edits behind editor fix-all: they reproduce fixAll's text exactly, touch only what
// changed, and a second fix-all has nothing to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits, fixAll, fixAllEdits, minimalEdits } from '../../../server/src/engine/index';
import { hosts, layouts, serviceConfig } from '../helpers';

test('minimalEdits: equal texts need none; changes far apart are separate edits; round trips', () => {
  assert.deepEqual(minimalEdits('a\nb\n', 'a\nb\n'), []);
  const before = ['one', 'two', 'three', 'four', 'five', 'six', ''].join('\r\n');
  const after = ['one', 'TWO', 'three', 'four', 'five', 'six', 'seven', ''].join('\r\n');
  const edits = minimalEdits(before, after);
  assert.deepEqual(edits, [
    { start: 5, end: 8, newText: 'TWO' },
    { start: before.length, end: before.length, newText: 'seven\r\n' },
  ]);
  const samples = ['', 'x', 'a\nb', 'a\nb\n', 'a\r\nb\r\n', 'line\nline\nline\n', '\n\n\n', 'no newline at end'];
  for (const a of samples) for (const b of samples) assert.equal(applyEdits(a, minimalEdits(a, b)), b, `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
});

for (const layout of layouts) {
  test(`fixAllEdits reproduces fixAll and is idempotent (${layout.name})`, () => {
    const broken = layout.apply(readFileSync('test/fixtures/config/bad-7.2.config', 'utf8'));
    const { edits, applied } = fixAllEdits(broken, serviceConfig, { profile: hosts.fips });
    assert.ok(applied > 0);
    const fixed = applyEdits(broken, edits);
    assert.equal(fixed, fixAll(broken, serviceConfig, { profile: hosts.fips }).text);
    assert.deepEqual(fixAllEdits(fixed, serviceConfig, { profile: hosts.fips }).edits, [], 'running it twice changes nothing the second time');
  });
}
