// The readiness report of servers: for each host snapshot, every requirement of Microsoft's planning
// page judged from that server's own exports (met / not met / cannot verify), with the export lines
// that decided it. Plain data, rendered by markdown.ts for the CLI and the language server alike.
import type { HostProfile } from '../../profile';
import type { EvidenceLink, FileFindings, FindingLink, ProfileFactReport, WorkspaceFile } from '../model';

/** `cannot verify`: the snapshot does not hold what would show it (or, for the .NET 3.5 update, nothing on a server does). */
export type HostStatus = 'met' | 'not met' | 'cannot verify' | 'not applicable';
export const hostStatuses: readonly HostStatus[] = ['met', 'not met', 'cannot verify', 'not applicable'];

export interface HostRequirement {
  id: string;
  title: string;
  status: HostStatus;
  detail: string;
  evidence: EvidenceLink[];
  findings: FindingLink[];
}

export interface HostReport {
  /** The manifest's host name, else the folder's name without `-evidence`. */
  host: string;
  /** The snapshot folder, relative to the reported folder with `/` separators. */
  folder: string;
  /** When the evidence was collected (the manifest's Date: line, in the server's format). */
  collected?: string;
  profile: { description: string; fips: ProfileFactReport; tls12Only: ProfileFactReport };
  requirements: HostRequirement[];
}

export interface HostsReport {
  workspace: string;
  date: string;
  tool: { name: string; version: string };
  guidance: { title: string; url: string };
  hosts: HostReport[];
}

/** One snapshot folder: its files (relative names), the profile lint used, and what lint found. */
export interface HostInput {
  folder: string;
  profile: HostProfile;
  files: readonly WorkspaceFile[];
  findings: readonly FileFindings[];
}

export interface HostsInput {
  workspace: string;
  date: string;
  version: string;
  hosts: readonly HostInput[];
}
