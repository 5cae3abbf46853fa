// allWithinBudget: one budget per batch; a job caught running when it is spent gets a budget of its
// own, so a slow but finishing file is not blamed for the files before it, and a loop is stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allWithinBudget, LintTimeoutError } from '../../server/src/common/time-budget';

const spin = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

test('a batch over its budget: the job running then is retried alone with what is left of its own budget; a loop is stopped once', () => {
  // Budget 400 ms: b starts at 300 ms and is caught at 400 ms, then has 300 ms left for its 200 ms.
  const jobs = [
    { fileName: 'a.config', text: '', ms: 300 },
    { fileName: 'b.config', text: '', ms: 200 },
    { fileName: 'loop.config', text: '', ms: 20_000 },
    { fileName: 'd.config', text: '', ms: 1 },
  ];
  const runs: string[] = [];
  const started = Date.now();
  const outcomes = allWithinBudget(
    jobs,
    (job, onRuleStart) => {
      runs.push(job.fileName);
      onRuleStart?.('MIM999');
      spin(job.ms);
      return job.fileName;
    },
    400,
  );
  assert.ok(Date.now() - started < 5000, 'the loop was stopped, not waited for');
  assert.deepEqual(outcomes.slice(0, 2), ['a.config', 'b.config']);
  assert.ok(outcomes[2] instanceof LintTimeoutError);
  assert.match(outcomes[2].message, /^Linting loop\.config was stopped after 0\.4 s, in rule MIM999\./);
  assert.equal(outcomes[3], 'd.config');
  // The loop started a batch and used up its whole budget there: it is not given a fresh one.
  assert.deepEqual(runs, ['a.config', 'b.config', 'b.config', 'loop.config', 'd.config'], 'b ran again alone after the batch budget ran out in it');
});

test('a file that overran its batch counts that time against its own budget (no second full budget)', () => {
  // The batch of 300 ms runs out 150 ms into slow.config, which needs 250 ms: alone it has the 150 ms
  // left of its budget, not a fresh 300 ms in which it would finish, so it is stopped.
  const jobs = [
    { fileName: 'quick.config', text: '', ms: 150 },
    { fileName: 'slow.config', text: '', ms: 250 },
  ];
  const runs: string[] = [];
  const outcomes = allWithinBudget(
    jobs,
    (job) => {
      runs.push(job.fileName);
      spin(job.ms);
      return job.fileName;
    },
    300,
  );
  assert.equal(outcomes[0], 'quick.config');
  assert.ok(outcomes[1] instanceof LintTimeoutError, 'stopped: its budget is spent');
  assert.match(outcomes[1].message, /stopped after 0\.3 s, while reading the file/);
});

test('a regular expression that backtracks for ever is stopped too (V8 interrupts the regexp engine)', () => {
  const started = Date.now();
  const [outcome] = allWithinBudget([{ fileName: 'evil.cmd', text: '' }], () => /^(a+)+$/.test(`${'a'.repeat(40)}b`), 200);
  assert.ok(outcome instanceof LintTimeoutError);
  assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
});
