// allWithinBudget: one budget per batch; a job caught running when it is spent gets a budget of its
// own, so a slow but finishing file is not blamed for the files before it, and a loop is stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allWithinBudget, LintTimeoutError } from '../../server/src/common/time-budget';

const spin = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

test('a batch over its budget: the job running then is retried alone; only the loop is stopped', () => {
  const jobs = [
    { fileName: 'a.config', text: '', ms: 150 },
    { fileName: 'b.config', text: '', ms: 120 },
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
    200,
  );
  assert.ok(Date.now() - started < 5000, 'the loop was stopped, not waited for');
  assert.deepEqual(outcomes.slice(0, 2), ['a.config', 'b.config']);
  assert.ok(outcomes[2] instanceof LintTimeoutError);
  assert.match(outcomes[2].message, /^Linting loop\.config was stopped after 0\.2 s, in rule MIM999\./);
  assert.equal(outcomes[3], 'd.config');
  assert.deepEqual(runs, ['a.config', 'b.config', 'b.config', 'loop.config', 'loop.config', 'd.config'], 'b ran again alone after the batch budget ran out in it');
});

test('a regular expression that backtracks for ever is stopped too (V8 interrupts the regexp engine)', () => {
  const started = Date.now();
  const [outcome] = allWithinBudget([{ fileName: 'evil.cmd', text: '' }], () => /^(a+)+$/.test(`${'a'.repeat(40)}b`), 200);
  assert.ok(outcome instanceof LintTimeoutError);
  assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
});
