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
  const indexed = parts.index.folderSources(parts.folder) ?? { profile: unknownProfile(), files: [] };
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
  const workspace: WorkspaceFile[] = [...files].map(([fileName, text]) => ({ fileName: relativeName(fileName), text: parts.openText(fileName) ?? text }));
  workspace.sort((a, b) => a.fileName.localeCompare(b.fileName));
  const profile = profileWithFileNames(profileFromSettings(parts.settings.host, 'setting', indexed.profile), relativeName);
  // It lints every file of the folder on the server's only thread: under the time budget, as any lint.
  const report = reportWithinBudget(parts.folder, workspace, () =>
    readinessReport({ workspace: parts.folder, files: workspace, profile, findings: lintWorkspace(workspace, profile), date, version: toolVersion }),
  );
  return formatReportMarkdown(report);
}

