// A time budget for synchronous work. A rule stuck in a loop would freeze the language server (no
// diagnostics, no code actions, no answer to the editor) or hang a CI job running the CLI; vm's
// `timeout` has V8 stop the running code from a watchdog thread, whatever context that code belongs
// to, and the caller goes on. The engine itself stays unaware of it. Only pure work may run under a
// budget: V8 stops it wherever it is, which must never be halfway through writing a file or a message.
import { createContext, Script } from 'node:vm';

/** The work ran past its budget and was stopped. */
export class BudgetExceededError extends Error {
  constructor(readonly budgetMs: number) {
    super(`stopped after ${budgetMs} ms`);
  }
}

const context = createContext({ work: undefined as (() => unknown) | undefined });
const runWork = new Script('work()');

/** Runs `work` and returns its result, or throws BudgetExceededError once it has run `budgetMs`. */
export function withinBudget<T>(budgetMs: number, work: () => T): T {
  context.work = work;
  try {
    return runWork.runInContext(context, { timeout: budgetMs }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceededError(budgetMs);
    throw error;
  } finally {
    context.work = undefined;
  }
}

/** Generous for any real file (a 10 MB config lints in under half a second): 5 s, plus 1 s per MB. */
export function lintBudgetMs(textLength: number): number {
  return 5000 + Math.ceil(textLength / 1024);
}

/** The budget for linting all of `files` at once. */
function budgetForAll(files: ReadonlyArray<{ text: string }>): number {
  return lintBudgetMs(files.reduce((length, file) => length + file.text.length, 0));
}

/** "0.3", "5", "6.2": seconds as the messages say them. */
function seconds(budgetMs: number): number {
  return Number((budgetMs / 1000).toFixed(1));
}

/** A lint stopped at its time budget; the message names the file and the rule that was running. */
export class LintTimeoutError extends Error {}

/**
 * Runs one file's lint within `budgetMs`. `lint` is given the callback to pass on as the engine's
 * `onRuleStart`, so that a LintTimeoutError can name the rule that did not finish. `spentMs`: how long
 * this file already ran before (in a batch that ran out), counted against its budget.
 */
export function lintWithin<T>(budgetMs: number, fileName: string, lint: (onRuleStart: (ruleId: string) => void) => T, spentMs = 0, runningBefore?: string): T {
  let running = runningBefore;
  try {
    const leftMs = Math.floor(budgetMs - spentMs);
    if (leftMs < 1) throw new BudgetExceededError(budgetMs);
    return withinBudget(leftMs, () => lint((ruleId) => (running = ruleId)));
  } catch (error) {
    if (!(error instanceof BudgetExceededError)) throw error;
    const where = running ? `in rule ${running}` : 'while reading the file';
    throw new LintTimeoutError(
      `Linting ${fileName} was stopped after ${seconds(budgetMs)} s, ${where}. A lint that does not finish is a mim-lint bug: please report it with the file. Other files are linted as usual.`,
    );
  }
}

/**
 * Runs `run` on each job in order, all within one budget (a watchdog costs a thread start, far more
 * than linting a small file: one per batch, not one per file). A job still running when the batch's
 * budget is spent runs again alone, with what is left of a budget of its own (the time it already ran
 * counts: a loop gets its budget once, not once per batch), and is stopped with a LintTimeoutError if
 * it overruns that too. `run` must be pure, and report failures in its result, not throw them.
 */
export function allWithinBudget<Job extends { fileName: string; text: string }, Result>(
  jobs: readonly Job[],
  run: (job: Job, onRuleStart?: (ruleId: string) => void) => Result,
  budgetMs?: number,
): Array<Result | LintTimeoutError> {
  const outcomes: Array<Result | LintTimeoutError> = [];
  const budgetFor = (batch: readonly Job[]) => budgetMs ?? budgetForAll(batch);
  let jobStarted = 0;
  let running: string | undefined;
  const onRuleStart = (ruleId: string) => (running = ruleId);
  while (outcomes.length < jobs.length) {
    try {
      withinBudget(budgetFor(jobs.slice(outcomes.length)), () => {
        while (outcomes.length < jobs.length) {
          jobStarted = performance.now();
          running = undefined;
          outcomes.push(run(jobs[outcomes.length], onRuleStart));
        }
      });
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) throw error;
      const job = jobs[outcomes.length];
      const spentMs = performance.now() - jobStarted;
      try {
        outcomes.push(lintWithin(budgetFor([job]), job.fileName, (onRule) => run(job, onRule), spentMs, running));
      } catch (stopped) {
        if (!(stopped instanceof LintTimeoutError)) throw stopped;
        outcomes.push(stopped);
      }
    }
  }
  return outcomes;
}

/** A readiness report (which lints every file it covers) within the budget of all its files' text. */
export function reportWithinBudget<T>(workspace: string, files: ReadonlyArray<{ text: string }>, build: () => T): T {
  const budgetMs = budgetForAll(files);
  try {
    return withinBudget(budgetMs, build);
  } catch (error) {
    if (!(error instanceof BudgetExceededError)) throw error;
    throw new LintTimeoutError(`The readiness report of ${workspace} was stopped after ${seconds(budgetMs)} s: a rule or reader did not finish, which is a mim-lint bug; please report it.`);
  }
}
