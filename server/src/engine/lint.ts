// The engine's entry point: text + file name + host profile in, findings out. No LSP, no vscode, no
// file system: the language server, the CLI and the tests all call this.
import { fileKindOf } from './file-kinds';
import { unknownProfile, type HostProfile } from './profile';
import { SourceText } from './source-text';
import { parseXml } from './xml/parse';
import { configFacts } from './config/facts';
import { allRules } from './rules/index';
import type { Report, Rule } from './rules/rule';
import { readCmd } from './script/cmd/read';
import { scriptFacts, type CallContext } from './script/facts';
import type { ScriptModel } from './script/model';
import type { FileKind, Finding, Severity } from './types';

export type SeverityOverride = Severity | 'off';

export interface LintOptions {
  profile?: HostProfile;
  /** Per-rule severity overrides; 'off' disables the rule. */
  severities?: Readonly<Record<string, SeverityOverride>>;
  /** The rules to run; all of them by default. */
  rules?: readonly Rule[];
  /** For scripts: how other scripts of the workspace call this one (see scriptCalls). */
  callers?: readonly CallContext[];
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
}

export function lint(text: string, fileName: string, options: LintOptions = {}): LintResult {
  const source = new SourceText(text, fileName);
  const kind = fileKindOf(fileName);
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const profile = options.profile ?? unknownProfile();
  const run = (check: (rule: Rule, report: (r: Report) => void) => void) => runRules(options, failures, check, findings);
  if (kind === 'config') {
    const config = configFacts(parseXml(text), fileName);
    run((rule, report) => rule.checkConfig?.({ source, profile, config, report }));
  } else if (kind === 'cmd' || kind === 'powershell') {
    const script = scriptFacts(readScript(kind, text, fileName), text, profile, options.callers);
    run((rule, report) => rule.checkScript?.({ source, profile, script, report }));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { kind, source, findings, failures };
}

export function readScript(kind: 'cmd' | 'powershell', text: string, fileName: string): ScriptModel {
  return kind === 'cmd' ? readCmd(text, fileName) : { language: 'powershell', commands: [], comments: [], code: [] };
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
    const found: Finding[] = [];
    try {
      run(rule, (r) => found.push({ ...r, ruleId: rule.meta.id, severity: override ?? r.severity ?? severity }));
      findings.push(...found);
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
}
