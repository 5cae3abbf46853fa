// readAhead, the background passes' read-while-linting loop: every file used once, in order, in
// batches; a failed read is reported and skipped (never an unhandled rejection); stopping stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAhead } from '../../server/src/lsp/walk';

async function* names(count: number): AsyncGenerator<string> {
  for (let i = 0; i < count; i++) yield `f${i}`;
}

test('every file is used once and in order, in batches, with failed reads reported and skipped', async () => {
  const used: string[][] = [];
  const failed: string[] = [];
  await readAhead(
    names(40),
    async (name) => {
      if (name === 'f7' || name === 'f33') throw new Error(`cannot read ${name}`);
      return name === 'f3' ? undefined : name;
    },
    (batch) => used.push(batch),
    () => false,
    (name, error) => failed.push(`${name}: ${(error as Error).message}`),
  );
  const expected = Array.from({ length: 40 }, (_, i) => `f${i}`).filter((name) => !['f3', 'f7', 'f33'].includes(name));
  assert.deepEqual(used.flat(), expected);
  assert.deepEqual(used.map((batch) => batch.length), [14, 16, 7]);
  assert.deepEqual(failed, ['f7: cannot read f7', 'f33: cannot read f33']);
});

test('the next batch is being read while one is used', async () => {
  const started: string[] = [];
  const startedWhenUsed: number[] = [];
  await readAhead(
    names(48),
    async (name) => {
      started.push(name);
      return name;
    },
    () => startedWhenUsed.push(started.length),
    () => false,
    () => undefined,
  );
  assert.deepEqual(startedWhenUsed, [32, 48, 48], 'batch 1 is used after batch 2 was started');
});

test('nothing more is used once stopped', async () => {
  let stop = false;
  const used: string[] = [];
  await readAhead(names(100), async (name) => name, (batch) => {
    used.push(...batch);
    stop = true;
  }, () => stop, () => undefined);
  assert.equal(used.length, 16);
});
