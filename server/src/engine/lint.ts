// The engine's entry point: text + file name + host profile in, findings out. No LSP, no vscode, no
// file system: the language server, the CLI and the tests all call this.
import { fileKindOf } from './file-kinds';
import { unknownProfile, type HostProfile } from './profile';
import { SourceText } from './source-text';
import { parseXml } from './xml/parse';
import { configFacts } from './config/facts';
import { allRules } from './rules/index';
import type { ConfigContext, Report, Rule } from './rules/rule';
import type { FileKind, Finding, Severity } from './types';

export type SeverityOverride = Severity | 'off';

export interface LintOptions {
  profile?: HostProfile;
  /** Per-rule severity overrides; 'off' disables the rule. */
  severities?: Readonly<Record<string, SeverityOverride>>;
  /** The rules to run; all of them by default. */
  rules?: readonly Rule[];
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
  if (kind === 'config') {
    const config = configFacts(parseXml(text), fileName);
    const profile = options.profile ?? unknownProfile();
    runRules(options.rules ?? allRules, options, failures, (rule, report) => {
      const context: ConfigContext = { source, profile, config, report };
      rule.check(context);
    }, findings);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { kind, source, findings, failures };
}

function runRules(
  rules: readonly Rule[],
  options: LintOptions,
  failures: RuleFailure[],
  run: (rule: Rule, report: (r: Report) => void) => void,
  findings: Finding[],
): void {
  for (const rule of rules) {
    const override = options.severities?.[rule.meta.id];
    if (override === 'off') continue;
    const severity = override ?? rule.meta.defaultSeverity;
    const found: Finding[] = [];
    try {
      run(rule, (r) => found.push({ ruleId: rule.meta.id, severity, ...r }));
      findings.push(...found);
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
}
