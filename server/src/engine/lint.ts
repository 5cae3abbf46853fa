// The engine's entry point: text + file name + host profile in, findings out. No LSP, no vscode, no
// file system: the language server, the CLI and the tests all call this.
import { fileKindOf } from './file-kinds';
import { unknownProfile, type HostProfile } from './profile';
import { SourceText } from './source-text';
import { parseXml } from './xml/parse';
import { parseXmlReusable, type ReusableXml } from './xml/reparse';
import { configFacts, keepForConfigRules, keepForConfigRulesComment } from './config/facts';
import { allRules } from './rules/index';
import type { Report, Rule } from './rules/rule';
import { readScript } from './script/read-script';
import { readRegistryFile } from './registry/read';
import { readCertificateDump } from './host/snapshot/certutil';
import { scriptFacts, type CallContext } from './script/facts';
import { propagateCallers, type ScriptCall } from './script/call-graph';

export { addCallers, propagateCallers, type ScriptCall } from './script/call-graph';
import type { FileKind, Finding, Severity } from './types';
import { applySuppressions, unusedSuppressionId, type Suppressions } from './suppressions/index';
import { mim900 } from './rules/mim900-unused-suppression';

export type SeverityOverride = Severity | 'off';

export interface LintOptions {
  profile?: HostProfile;
  /** Per-rule severity overrides; 'off' disables the rule. */
  severities?: Readonly<Record<string, SeverityOverride>>;
  /** The rules to run; all of them by default. */
  rules?: readonly Rule[];
  /** For scripts: how other scripts of the workspace call this one (see scriptCalls). */
  callers?: readonly CallContext[];
  /** Editors: keep the parse in the result (`reusableParse`) for the next lint of an edited text. */
  reusable?: boolean;
  /** An earlier result for this document, linted `reusable`: what the edit left alone is not parsed again. */
  reuseFrom?: LintResult;
  /** Called as each rule starts: a caller that stops a lint running too long can name the rule it was in. */
  onRuleStart?: (ruleId: string) => void;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  kind: FileKind | undefined;
  source: SourceText;
  findings: Finding[];
  /** Rules that threw: reported to the log, never allowed to stop the other rules. */
  failures: RuleFailure[];
  /**
   * The file's suppression directives, the findings they suppressed (with the directive's reason), and
   * the "Suppress … on this line / in this file" fixes for any finding (`fixesFor`). Absent for files
   * the engine does not read.
   */
  suppressions?: Suppressions;
  /** With `reusable`: the parse a later lint can start from (`reuseFrom`). Configs only, so far. */
  reusableParse?: ReusableXml;
}

const configParse = { keep: keepForConfigRules, keepComment: keepForConfigRulesComment };

export function lint(text: string, fileName: string, options: LintOptions = {}): LintResult {
  const source = new SourceText(text, fileName);
  const kind = fileKindOf(fileName);
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const profile = options.profile ?? unknownProfile();
  const run = (check: (rule: Rule, report: (r: Report) => void) => void) => runRules(options, failures, check, findings);
  let comments: ReadonlyArray<{ start: number; end: number }> = [];
  let reusableParse: ReusableXml | undefined;
  if (kind === 'config') {
    reusableParse = options.reusable ? parseXmlReusable(text, configParse, options.reuseFrom?.reusableParse) : undefined;
    const config = configFacts(reusableParse?.document ?? parseXml(text, configParse), fileName);
    comments = config.xml.comments;
    // On a config that is not well-formed the tree is a guess: report what parsed, but offer no
    // edits built on it (they could not promise a well-formed result, and could undo each other).
    const broken = config.xml.error !== undefined;
    // MIM001's own fix is the exception: it is what makes the file well-formed again.
    const keepFixes = (rule: Rule) => !broken || rule.meta.id === 'MIM001';
    run((rule, report) => rule.checkConfig?.({ source, profile, config, report: keepFixes(rule) ? report : (r) => report({ ...r, fixes: undefined }) }));
  } else if (kind === 'cmd' || kind === 'powershell') {
    const script = scriptFacts(readScript(kind, text, fileName), text, profile, options.callers, fileName);
    comments = script.model.comments;
    run((rule, report) => rule.checkScript?.({ source, profile, script, report }));
  } else if (kind === 'reg' || kind === 'inf') {
    const registry = readRegistryFile(kind, text);
    comments = registry.comments;
    run((rule, report) => rule.checkRegistry?.({ source, profile, registry, report }));
  } else if (kind === 'evidence') {
    const dump = readCertificateDump(text);
    run((rule, report) => rule.checkEvidence?.({ source, profile, dump, report }));
  }
  let suppressions: Suppressions | undefined;
  let listed = findings;
  // certutil's output has no comment syntax, so it holds no suppression directives either.
  if (kind && kind !== 'evidence') {
    const outcome = applySuppressions({ source, kind, comments, findings, profile, ...suppressionOptions(options, failures) });
    listed = outcome.findings;
    suppressions = outcome.suppressions;
  }
  return { kind, source, findings: capPerRule(listed.sort(byPosition)), failures, suppressions, reusableParse };
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
}

/**
 * How many findings of one rule a file lists. A generated or damaged file can make a rule report
 * 100,000 times; nobody reads that many, and every front (diagnostics, SARIF, the terminal) pays for
 * each one. The rest of that rule's findings become one finding of the same rule, at the first one
 * left out, saying how many there are (a per-rule cap, so one noisy rule hides no other rule's findings).
 */
export const maxFindingsPerRule = 1000;

/** `sorted` with at most maxFindingsPerRule findings per rule, and one finding per rule for the rest. */
function capPerRule(sorted: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  for (const finding of sorted) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  if (![...counts.values()].some((count) => count > maxFindingsPerRule)) return sorted;
  const listedSoFar = new Map<string, number>();
  const capped: Finding[] = [];
  for (const finding of sorted) {
    const listed = (listedSoFar.get(finding.ruleId) ?? 0) + 1;
    listedSoFar.set(finding.ruleId, listed);
    if (listed <= maxFindingsPerRule) capped.push(finding);
    else if (listed === maxFindingsPerRule + 1) capped.push(moreFindings(finding, counts.get(finding.ruleId)! - maxFindingsPerRule));
  }
  return capped;
}

function moreFindings(first: Finding, more: number): Finding {
  const count = more.toLocaleString('en-US');
  return {
    ruleId: first.ruleId,
    severity: first.severity,
    start: first.start,
    end: first.end,
    message: `${count} more ${first.ruleId} findings from here on are not listed: mim-lint lists the first ${maxFindingsPerRule.toLocaleString('en-US')} of a rule per file.`,
  };
}

/** Which rules' directives can be judged (those that ran to the end), and MIM900's severity if it is on. */
function suppressionOptions(options: LintOptions, failures: readonly RuleFailure[]): { ran: Set<string>; unusedSeverity: Severity | undefined } {
  const failed = new Set(failures.map((failure) => failure.ruleId));
  const ran = new Set((options.rules ?? allRules).map((rule) => rule.meta.id).filter((id) => options.severities?.[id] !== 'off' && !failed.has(id)));
  const override = options.severities?.[unusedSuppressionId];
  // Like any rule, MIM900 runs by default and only when listed in an explicit `rules`.
  const listed = !options.rules || ran.has(unusedSuppressionId);
  const unusedSeverity = override === 'off' || !listed ? undefined : (override ?? mim900.meta.defaultSeverity);
  return { ran, unusedSeverity };
}

function runRules(
  options: LintOptions,
  failures: RuleFailure[],
  run: (rule: Rule, report: (r: Report) => void) => void,
  findings: Finding[],
): void {
  for (const rule of options.rules ?? allRules) {
    const override = options.severities?.[rule.meta.id];
    if (override === 'off') continue;
    const severity = override ?? rule.meta.defaultSeverity;
    options.onRuleStart?.(rule.meta.id);
    const found: Finding[] = [];
    try {
      run(rule, (r) => found.push({ ...r, ruleId: rule.meta.id, severity: override ?? r.severity ?? severity }));
      // One by one: spreading 130,000 findings into push() overflows the stack.
      for (const finding of found) findings.push(finding);
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
}

const mayCallScripts = /\bcall\b|\.(?:cmd|bat|ps1)\b/i;

/** False when the text cannot run another script: it never says `call` nor names a .cmd/.bat/.ps1 file. */
export function mayCallOtherScripts(text: string): boolean {
  return mayCallScripts.test(text);
}

/**
 * The other scripts a script runs, for the workspace index: a wrapper that keeps TLS 1.1 on around
 * `call install.cmd` (Microsoft's workaround) makes the called script's unattended install fine.
 * `callers`: how the script is itself called (its calls then start in that state).
 */
export function scriptCalls(text: string, fileName: string, profile: HostProfile = unknownProfile(), callers: readonly CallContext[] = []): ScriptCall[] {
  const kind = fileKindOf(fileName);
  if (kind !== 'cmd' && kind !== 'powershell') return [];
  // A script that never says `call` nor names a script file runs no other script: skip the parse
  // (the workspace index asks this of every script).
  if (!mayCallOtherScripts(text)) return [];
  const source = new SourceText(text, fileName);
  const facts = scriptFacts(readScript(kind, text, fileName), text, profile, callers, fileName);
  return facts.steps.flatMap((step) =>
    step.kind === 'call' && step.reached
      ? [{
          target: step.target,
          context: {
            tls11: step.tls11Before,
            location: {
              file: fileName,
              start: step.command.start,
              end: step.command.end,
              line: source.positionAt(step.command.start).line,
              message: step.tls11Before === 'on' ? 'called here with TLS 1.1 enabled' : 'called here',
            },
          },
        }]
      : [],
  );
}

/** Who calls whom across a set of scripts: for each called script (by scriptPathKey), its callers. */
export function callersByScript(files: Iterable<{ text: string; fileName: string }>, profile?: HostProfile): Map<string, CallContext[]> {
  const texts = new Map<string, string>();
  const calls = new Map<string, ScriptCall[]>();
  for (const file of files) {
    texts.set(file.fileName, file.text);
    calls.set(file.fileName, scriptCalls(file.text, file.fileName, profile));
  }
  return propagateCallers(calls, (fileName, callers) => scriptCalls(texts.get(fileName)!, fileName, profile, callers));
}
