// What a lint of one file needs besides its text, the same for an open document and a file on disk:
// precedence defaults < VS Code settings < nearest .mimlintrc.json, for the host profile and for rule
// severities. A .mimlintrc.json itself is "linted" by checking it (MIM901).
import { fileKindOf, SourceText, type LintOptions, type LintResult } from '../engine/index';
import { configFindings, isProjectConfigFile, parseProjectConfig, withConfigHost, withConfigRules } from '../engine/config/project-config';
import type { LintFunction } from './document-linter';
import { hostProfileFor, type HostProfileSource } from './host-profiles';
import type { ProjectConfigStore } from './project-configs';
import type { MimLintSettings } from './settings';
import { BudgetExceededError, lintBudgetMs, withinBudget } from './time-budget';

export interface LintInputs {
  /** The governing config's `ignore` matches the file: publish nothing for it. */
  ignored: boolean;
  options: LintOptions;
}

/** Whether the server publishes diagnostics for this file at all. */
export function isLintable(fileName: string): boolean {
  return fileKindOf(fileName) !== undefined || isProjectConfigFile(fileName);
}

export async function lintInputsFor(
  uri: string,
  fileName: string,
  settings: MimLintSettings,
  hostProfiles: HostProfileSource,
  configs: ProjectConfigStore | undefined,
): Promise<LintInputs> {
  const project = isProjectConfigFile(fileName) ? undefined : await configs?.forFile(fileName);
  const config = project?.parsed.config;
  return {
    ignored: project?.ignores(fileName) === true,
    options: {
      profile: withConfigHost(hostProfileFor(uri, settings, hostProfiles), config),
      severities: withConfigRules(settings.rules, config),
      callers: hostProfiles.callersFor?.(uri),
    },
  };
}

/** The engine's lint, or the config file check for a .mimlintrc.json. */
function lintAny(lint: LintFunction, text: string, fileName: string, options: LintOptions): LintResult {
  if (!isProjectConfigFile(fileName)) return lint(text, fileName, options);
  return { kind: undefined, source: new SourceText(text, fileName), findings: configFindings(parseProjectConfig(text)), failures: [] };
}

/** A lint stopped at its time budget; the message names the file and the rule that was running. */
export class LintTimeoutError extends Error {}

export interface LintJob {
  fileName: string;
  text: string;
  options: LintOptions;
}

/** A job's result, or why there is none: a LintTimeoutError, or what the engine threw. */
export type LintOutcome = LintResult | Error;

/**
 * Lints the jobs in order within one time budget (one watchdog for a batch of small files is cheaper
 * than one each); a job still running when the budget is spent is run again alone with a budget of its
 * own, and stopped if it overruns that too. Only pure work runs under the budget: V8 stops it wherever
 * it is, which must never be halfway through writing a message to the editor.
 */
export function lintWithinBudget(lint: LintFunction, jobs: readonly LintJob[], budgetMs?: number): LintOutcome[] {
  const outcomes: LintOutcome[] = [];
  let running: string | undefined;
  const lintOne = (job: LintJob): LintOutcome => {
    running = undefined;
    try {
      return lintAny(lint, job.text, job.fileName, { ...job.options, onRuleStart: (ruleId) => (running = ruleId) });
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  const budgetFor = (batch: readonly LintJob[]) => budgetMs ?? lintBudgetMs(batch.reduce((length, job) => length + job.text.length, 0));
  while (outcomes.length < jobs.length) {
    try {
      withinBudget(budgetFor(jobs.slice(outcomes.length)), () => {
        while (outcomes.length < jobs.length) outcomes.push(lintOne(jobs[outcomes.length]));
      });
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) throw error;
      const job = jobs[outcomes.length];
      const budget = budgetFor([job]);
      try {
        outcomes.push(withinBudget(budget, () => lintOne(job)));
      } catch (alone) {
        if (!(alone instanceof BudgetExceededError)) throw alone;
        const where = running ? `in rule ${running}` : 'while reading the file';
        outcomes.push(new LintTimeoutError(`Linting ${job.fileName} was stopped after ${budget / 1000} s, ${where}. A lint that does not finish is a mim-lint bug: please report it with the file. Other files are linted as usual.`));
      }
    }
  }
  return outcomes;
}
