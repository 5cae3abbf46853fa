// Reads the host snapshot fixtures (test/fixtures/snapshots/<host>-evidence/) as the CLI does: bytes
// decoded by their BOM, every file of a kind mim-lint reads, names relative to the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../../server/src/common/text-file';
import { fileKindOf, hostEvidence, lint, type Finding } from '../../../server/src/engine/index';
import { groupByHost } from '../../../server/src/engine/host/snapshot/hosts';
import type { HostProfile } from '../../../server/src/engine/profile';

export const snapshotsRoot = 'test/fixtures/snapshots';
export const snapshotHosts = ['mimapp01', 'mimsync02', 'mimsvc03', 'mimsvc04'] as const;

export interface SnapshotFile {
  fileName: string;
  text: string;
}

export function readSnapshot(host: string): SnapshotFile[] {
  const directory = `${snapshotsRoot}/${host}-evidence`;
  return readdirSync(directory)
    .sort()
    .filter((name) => fileKindOf(name) !== undefined)
    .map((name) => ({ fileName: `${directory}/${name}`, text: decodeText(readFileSync(join(process.cwd(), directory, name))).text }));
}

/** The profile groupByHost gives the folder, as the CLI and the language server do. */
export function snapshotProfile(files: readonly SnapshotFile[]): HostProfile {
  const split = groupByHost(files, files.map((file) => hostEvidence(file.text, file.fileName)));
  if (split.hosts.length !== 1 || split.workspace.length !== 0) throw new Error(`expected one host, got ${split.hosts.length} and ${split.workspace.length} other files`);
  return split.hosts[0].profile;
}

/** Every finding of every file, as [file name, rule, the exact text the range covers]. */
export function snapshotFindings(files: readonly SnapshotFile[], profile = snapshotProfile(files)): Array<[string, string, string]> {
  return files.flatMap((file) =>
    lint(file.text, file.fileName, { profile }).findings.map((finding: Finding): [string, string, string] => [
      file.fileName.slice(file.fileName.lastIndexOf('/') + 1),
      finding.ruleId,
      file.text.slice(finding.start, finding.end),
    ]),
  );
}
