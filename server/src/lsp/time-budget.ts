// A time budget for synchronous work on the server's only thread. A rule stuck in a loop would freeze
// the server (no diagnostics, no code actions, no answer to the editor); vm's `timeout` has V8 stop
// the running code from a watchdog thread, whatever context that code belongs to, and lets the server
// go on. The engine itself stays unaware of it.
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
  return 5000 + Math.ceil(textLength / (1024 * 1024)) * 1000;
}
