// The readiness report's public surface: build it from a workspace's files, and lint the files first
// when the caller (the language server) has no findings at hand.
import { callersByScript, lint } from '../lint';
import type { Fact, HostProfile } from '../profile';
import { scriptPathKey } from '../script/facts';
import type { FileFindings, WorkspaceFile } from './model';
import { renameInventory } from '../host/snapshot/inventory';

export { readinessReport } from './checklist';
export { formatReportMarkdown } from './markdown';
export * from './model';

/** Lints every file with the workspace's profile and its wrappers' call contexts, as the CLI does. */
export function lintWorkspace(files: readonly WorkspaceFile[], profile: HostProfile): FileFindings[] {
  const callers = callersByScript(files, profile);
  return files.map((file) => ({
    fileName: file.fileName,
    findings: lint(file.text, file.fileName, { profile, callers: callers.get(scriptPathKey(file.fileName)) }).findings,
  }));
}

/** The profile with its evidence files renamed the way the report names files (relative, `/`). */
export function profileWithFileNames(profile: HostProfile, rename: (fileName: string) => string): HostProfile {
  const fact = (f: Fact): Fact => ({ ...f, evidence: f.evidence.map((e) => ({ ...e, file: rename(e.file) })) });
  return { ...profile, fips: fact(profile.fips), tls12Only: fact(profile.tls12Only), ...(profile.host && { host: renameInventory(profile.host, rename) }) };
}
