// What a rule is: metadata (stable ID, name, default severity, file kinds, docs) plus pure checks that
// read an already-built model and report findings with their fixes. Rules never parse. A rule that
// reads several file kinds (MIM206 reads configs and scripts) implements one check per model.
import type { FileKind, Fix, Location, Severity } from '../types';
import type { HostProfile } from '../profile';
import type { SourceText } from '../source-text';
import type { ConfigFacts } from '../config/facts';
import type { ScriptFacts } from '../script/facts';
import type { RegistryFacts } from '../registry/facts';
import type { CertificateDump } from '../host/snapshot/certutil';

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
  /**
   * Which part of the host profile turns the rule on (`npm run gen` lists these rules in the settings
   * text); `inference` for a rule that reports on how the profile was inferred.
   */
  usesProfile?: 'fips' | 'tls12Only' | 'inference';
}

export interface Report {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  related?: Location[];
  /** A milder severity for this finding than the rule's default (used only when no override is set). */
  severity?: Severity;
}

export interface BaseContext {
  source: SourceText;
  profile: HostProfile;
  report(finding: Report): void;
}

export interface ConfigContext extends BaseContext {
  config: ConfigFacts;
}

export interface ScriptContext extends BaseContext {
  script: ScriptFacts;
}

export interface RegistryContext extends BaseContext {
  registry: RegistryFacts;
}

/** A host snapshot's text file: the certutil dump's certificates (none in the manifest). */
export interface EvidenceContext extends BaseContext {
  dump: CertificateDump;
}

export interface Rule {
  meta: RuleMeta;
  checkEvidence?(context: EvidenceContext): void;
  checkConfig?(context: ConfigContext): void;
  checkScript?(context: ScriptContext): void;
  checkRegistry?(context: RegistryContext): void;
}

/** A rule that reads only configs (the foundation rules). */
export type ConfigRule = Rule & { checkConfig(context: ConfigContext): void };
