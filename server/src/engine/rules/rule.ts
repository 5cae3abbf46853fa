// What a rule is: metadata (stable ID, name, default severity, file kinds, docs) plus a pure check
// that reads an already-built model and reports findings with their fixes. Rules never parse.
import type { FileKind, Finding, Fix, Location, Severity } from '../types';
import type { HostProfile } from '../profile';
import type { SourceText } from '../source-text';
import type { ConfigFacts } from '../config/facts';

export interface RuleMeta {
  /** Stable: tests, docs, suppressions and CI pipelines refer to it. */
  id: string;
  /** kebab-case, also stable. */
  name: string;
  defaultSeverity: Severity;
  fileKinds: readonly FileKind[];
  /** One line for the docs table, SARIF `shortDescription` and settings. */
  summary: string;
  /** Whether the rule offers a quick fix. */
  fixable: boolean;
  /** Findings depend on the host profile (FIPS, TLS 1.2-only). */
  usesProfile?: boolean;
}

export interface Report {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  related?: Location[];
}

export interface BaseContext {
  source: SourceText;
  profile: HostProfile;
  report(finding: Report): void;
}

export interface ConfigContext extends BaseContext {
  config: ConfigFacts;
}

export interface ConfigRule {
  meta: RuleMeta & { fileKinds: readonly ['config'] };
  check(context: ConfigContext): void;
}

export type Rule = ConfigRule;

export type { Finding };
