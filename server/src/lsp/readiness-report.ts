// The `mimLint/readinessReport` request behind "MIM Lint: Show Readiness Report": the readiness
// checklist of one workspace folder as markdown. Hardening sources and the inferred profile come from
// the workspace index; the MIM configs are read from disk (open documents count with their text);
// the folder's host settings override the inferred profile, as they do for diagnostics.
import { relative, sep } from 'node:path';
import { fileKindOf, profileFromSettings, unknownProfile } from '../engine/index';
import { formatReportMarkdown, lintWorkspace, profileWithFileNames, readinessReport, type WorkspaceFile } from '../engine/report/index';
import { toolVersion } from '../common/tool';
import type { MimLintSettings } from './settings';
import { readSource, type WorkspaceIndex } from './workspace-index';
import { workspaceFiles } from './walk';
import type { Glob } from './glob';
import { reportWithinBudget } from '../common/time-budget';
import { directoryOf } from '../engine/host/snapshot/hosts';
import { formatHostsMarkdown, hostsReport } from '../engine/report/host/index';

export interface ReadinessParts {
  folder: string;
  index: WorkspaceIndex;
  settings: MimLintSettings;
  excludes: Glob[];
  /** Open documents: their text wins over the disk. */
  openText(fileName: string): string | undefined;
  log(message: string): void;
}

export async function readinessMarkdown(parts: ReadinessParts, date: string): Promise<string> {
  const indexed = parts.index.folderSources(parts.folder) ?? { profile: unknownProfile(), hosts: [], files: [] };
  const files = new Map<string, string>();
  for (const file of indexed.files) {
    // The index keeps few texts (see IndexedSource): the others are read again for the report.
    const text = file.text ?? parts.openText(file.fileName) ?? (await readSource(file.fileName));
    if (text !== undefined) files.set(file.fileName, text);
  }
  for await (const path of workspaceFiles(parts.folder, parts.excludes, parts.log)) {
    if (fileKindOf(path) !== 'config') continue;
    const text = parts.openText(path) ?? (await readSource(path));
    if (text !== undefined) files.set(path, text);
  }
  const relativeName = (fileName: string) => relative(parts.folder, fileName).split(sep).join('/');
  const hosts = new Map((indexed.hosts ?? []).map((host) => [host.directory, host.profile]));
  // Files of a host snapshot folder are that server's: one section per host, before the checklist.
  const workspace: WorkspaceFile[] = [];
  const snapshots = new Map<string, WorkspaceFile[]>();
  for (const [fileName, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const file = { fileName: relativeName(fileName), text: parts.openText(fileName) ?? text };
    const directory = directoryOf(fileName);
    if (hosts.has(directory)) snapshots.set(directory, [...(snapshots.get(directory) ?? []), file]);
    else workspace.push(file);
  }
  const sections: string[] = [];
  if (snapshots.size > 0) {
    const all = [...snapshots.values()].flat();
    const report = reportWithinBudget(parts.folder, all, () =>
      hostsReport({
        workspace: parts.folder,
        date,
        version: toolVersion,
        hosts: [...snapshots].map(([directory, members]) => {
          // The folder's explicit settings win over what the snapshot says, as for diagnostics.
          const profile = profileWithFileNames(profileFromSettings(parts.settings.host, 'setting', hosts.get(directory)!), relativeName);
          return { folder: relativeName(directory) || '.', profile, files: members, findings: lintWorkspace(members, profile) };
        }),
      }),
    );
    sections.push(formatHostsMarkdown(report));
    if (workspace.length === 0) return sections.join('\n');
  }
  const profile = profileWithFileNames(profileFromSettings(parts.settings.host, 'setting', indexed.profile), relativeName);
  // It lints every file of the folder on the server's only thread: under the time budget, as any lint.
  const report = reportWithinBudget(parts.folder, workspace, () =>
    readinessReport({ workspace: parts.folder, files: workspace, profile, findings: lintWorkspace(workspace, profile), date, version: toolVersion }),
  );
  sections.push(formatReportMarkdown(report));
  return sections.join('\n');
}

