// The readiness report's data: one checklist item per requirement of Microsoft's "Planning MIM 2016
// SP2 in TLS 1.2 or FIPS-mode environments", each with a status and links to what decided it. Plain
// data, so the CLI (markdown, JSON) and the language server render the same report.
import type { Fact, FactValue, HostProfile } from '../profile';
import type { Finding } from '../types';

/**
 * `no evidence`: the workspace does not show it either way. `not applicable`: the host profile says the
 * condition the requirement depends on (FIPS mode, TLS 1.2-only) is off.
 */
export type RequirementStatus = 'met' | 'not met' | 'no evidence' | 'not applicable';
export const requirementStatuses: readonly RequirementStatus[] = ['met', 'not met', 'no evidence', 'not applicable'];

/** A file of the workspace, named relative to the workspace root with `/` separators. */
export interface WorkspaceFile {
  fileName: string;
  text: string;
}

export interface FileFindings {
  fileName: string;
  findings: readonly Finding[];
}

/** A place in the workspace: 1-based line, as editors and code hosts show it. */
export interface EvidenceLink {
  file: string;
  line: number;
  message: string;
}

export interface FindingLink extends EvidenceLink {
  ruleId: string;
  docsUrl: string;
}

export interface ChecklistItem {
  id: string;
  title: string;
  status: RequirementStatus;
  /** Why this status, in a sentence or two, including what the workspace cannot show. */
  detail: string;
  evidence: EvidenceLink[];
  findings: FindingLink[];
}

export interface ProfileFactReport {
  value: FactValue;
  source: Fact['source'];
  conflict: boolean;
  evidence: EvidenceLink[];
}

export interface ReadinessReport {
  /** The folder the report is about, as the caller names it. */
  workspace: string;
  date: string;
  tool: { name: string; version: string };
  guidance: { title: string; url: string };
  profile: { description: string; fips: ProfileFactReport; tls12Only: ProfileFactReport };
  items: ChecklistItem[];
}

export interface ReadinessInput {
  workspace: string;
  files: readonly WorkspaceFile[];
  profile: HostProfile;
  /** What lint found in each file with this profile (see lintWorkspace when the caller has none). */
  findings: readonly FileFindings[];
  /** ISO date (YYYY-MM-DD): a parameter, so the report is reproducible. */
  date: string;
  version: string;
}

export const guidance = {
  title: 'Planning MIM 2016 SP2 in TLS 1.2 or FIPS-mode environments',
  url: 'https://learn.microsoft.com/microsoft-identity-manager/preparing-tls',
};
