// A folder of `reg export`s is one host: the folder that directly holds an export of a §9.5 inventory
// key (or the collector's certutil dump or manifest) is a host snapshot, and every file directly in it
// (the other exports, the copied MIM Service config) is judged with that host's profile, inferred from
// that folder alone. Other files keep the workspace's profile, which snapshots do not change.
import type { HostProfile } from '../../profile';
import type { HostEvidence } from '../evidence';
import { inferProfile } from '../infer';
import { mergeInventories } from './inventory';

/** The folder part of a path (either separator), without the trailing separator; '' for a bare name. */
export function directoryOf(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return cut < 0 ? '' : fileName.slice(0, cut);
}

/** The folders that are host snapshots, from their files' evidence. */
export function snapshotDirectories(evidence: Iterable<HostEvidence>): Set<string> {
  const directories = new Set<string>();
  for (const found of evidence) if (found.inventory?.marksHost) directories.add(directoryOf(found.file));
  return directories;
}

/** The host snapshot folder a file belongs to, or undefined for an ordinary workspace file. */
export function snapshotDirectoryOf(fileName: string, directories: ReadonlySet<string>): string | undefined {
  const directory = directoryOf(fileName);
  return directories.has(directory) ? directory : undefined;
}

/** One host's profile: FIPS and TLS 1.2-only from its exports, plus its inventory. */
export function hostProfile(evidence: readonly HostEvidence[]): HostProfile {
  return { ...inferProfile(evidence), host: mergeInventories(evidence.flatMap((found) => (found.inventory ? [found.inventory] : []))) };
}

/** The host's name: the manifest's, else the snapshot folder's (`mimsvc01-evidence` → `mimsvc01`). */
export function hostName(profile: HostProfile, directory: string): string {
  const folder = directory.slice(Math.max(directory.lastIndexOf('/'), directory.lastIndexOf('\\')) + 1);
  return profile.host?.name?.value ?? (folder.replace(/-evidence$/i, '') || folder || '.');
}

/**
 * Splits a workspace's files into the ordinary ones and each host snapshot's, with the profile each
 * group is inferred to have. `evidence` is hostEvidence of each file (same order as `files`).
 */
export function groupByHost<File extends { fileName: string }>(
  files: readonly File[],
  evidence: readonly (HostEvidence | undefined)[],
): { workspace: File[]; workspaceEvidence: HostEvidence[]; hosts: Array<{ directory: string; files: File[]; profile: HostProfile }> } {
  const directories = snapshotDirectories(evidence.flatMap((found) => (found ? [found] : [])));
  const workspace: File[] = [];
  const workspaceEvidence: HostEvidence[] = [];
  const hosts = new Map<string, { files: File[]; evidence: HostEvidence[] }>();
  files.forEach((file, i) => {
    const directory = snapshotDirectoryOf(file.fileName, directories);
    const found = evidence[i];
    if (directory === undefined) {
      workspace.push(file);
      if (found) workspaceEvidence.push(found);
      return;
    }
    const host = hosts.get(directory) ?? { files: [], evidence: [] };
    host.files.push(file);
    if (found) host.evidence.push(found);
    hosts.set(directory, host);
  });
  return {
    workspace,
    workspaceEvidence,
    hosts: [...hosts].map(([directory, host]) => ({ directory, files: host.files, profile: hostProfile(host.evidence) })),
  };
}
