// What a lint of one file needs besides its text, the same for an open document and a file on disk:
// precedence defaults < VS Code settings < nearest .mimlintrc.json, for the host profile and for rule
// severities. A .mimlintrc.json itself is "linted" by checking it (MIM901).
import { fileKindOf, SourceText, type LintOptions, type LintResult } from '../engine/index';
import { configFindings, isProjectConfigFile, parseProjectConfig, withConfigHost, withConfigRules } from '../engine/config/project-config';
import type { LintFunction } from './document-linter';
import { hostProfileFor, type HostProfileSource } from './host-profiles';
import type { ProjectConfigStore } from './project-configs';
import type { MimLintSettings } from './settings';
import { allWithinBudget } from '../common/time-budget';
import { createHash } from 'node:crypto';

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

/**
 * A short key for what a lint depends on besides the text, to tell whether a file's result is still
 * current. The host evidence and script callers enter as a digest of their content: in full they were
 * 1.26 MB per file in a workspace of 2,500 hardening files, kept for every file. Each list is digested
 * once, as one profile's lists are shared by every file of its folder.
 */
export function lintInputsKey(options: LintOptions): string {
  return JSON.stringify(options, (key, value: unknown) => (Array.isArray(value) && (key === 'evidence' || key === 'callers') ? digestOf(value) : value));
}

const digests = new WeakMap<readonly unknown[], string>();

function digestOf(list: readonly unknown[]): string {
  let digest = digests.get(list);
  if (digest === undefined) {
    digest = `${list.length}:${createHash('sha256').update(JSON.stringify(list)).digest('base64')}`;
    digests.set(list, digest);
  }
  return digest;
}

/** The engine's lint, or the config file check for a .mimlintrc.json. */
function lintAny(lint: LintFunction, text: string, fileName: string, options: LintOptions): LintResult {
  if (!isProjectConfigFile(fileName)) return lint(text, fileName, options);
  return { kind: undefined, source: new SourceText(text, fileName), findings: configFindings(parseProjectConfig(text)), failures: [] };
}

export interface LintJob {
  fileName: string;
  text: string;
  options: LintOptions;
}

/** A job's result, or why there is none: a LintTimeoutError, or what the engine threw. */
export type LintOutcome = LintResult | Error;

/** Lints the jobs within a time budget (see allWithinBudget): a rule that loops must not take the server with it. */
export function lintWithinBudget(lint: LintFunction, jobs: readonly LintJob[], budgetMs?: number): LintOutcome[] {
  const lintOne = (job: LintJob, onRuleStart?: (ruleId: string) => void): LintOutcome => {
    try {
      return lintAny(lint, job.text, job.fileName, { ...job.options, onRuleStart });
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  return allWithinBudget(jobs, lintOne, budgetMs);
}
