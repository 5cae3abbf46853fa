// `mim-lint report [dir]`: the readiness checklist of a folder, as markdown or JSON on stdout. The
// folder is linted exactly as `mim-lint <dir>` lints it (same files, inferred profile, flags), but
// paths are relative to the folder, so the report's links work from inside it.
import { statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { formatReportMarkdown, profileWithFileNames, readinessReport, type ReadinessReport, type WorkspaceFile } from '../engine/report/index';
import { formatHostsMarkdown, hostsReport, type HostsReport } from '../engine/report/host/index';
import { directoryOf } from '../engine/host/snapshot/hosts';
import type { FileReport } from './report';
import type { CliOptions } from './args';
import { FileAccessError, reason } from './errors';
import { lintFiles } from './lint-files';
import { reportWithinBudget } from '../common/time-budget';
import { toolVersion } from '../common/tool';

export interface ReportOutcome {
  output: string;
  warnings: string[];
}

export function runReport(options: CliOptions, cwd: string, date: string): ReportOutcome {
  const given = options.paths[0] ?? '.';
  const absolute = resolve(cwd, given);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch (error) {
    throw new FileAccessError(`cannot read ${given}: ${reason(error)}`);
  }
  // A single file is reported as a workspace of one, with the path relative to its folder.
  const root = isDirectory ? absolute : dirname(absolute);
  const outcome = lintFiles({ ...options, fix: false, paths: [isDirectory ? '.' : basename(absolute)] }, root);
  const toName = (displayPath: string) => displayPath.split(sep).join('/');
  const named = (file: FileReport): WorkspaceFile => ({ fileName: toName(file.displayPath), text: file.source.text });
  const findingsOf = (file: FileReport) => ({ fileName: toName(file.displayPath), findings: file.findings });
  // Files of a host snapshot were linted with that host's profile (it carries the host's inventory):
  // one section per snapshot folder. The other files make the workspace checklist, as before.
  const snapshots = new Map<string, FileReport[]>();
  const ordinary: FileReport[] = [];
  for (const file of outcome.report.files) {
    if (!file.profile.host) ordinary.push(file);
    else snapshots.set(directoryOf(toName(file.displayPath)), [...(snapshots.get(directoryOf(toName(file.displayPath))) ?? []), file]);
  }
  const hosts: HostsReport | undefined =
    snapshots.size === 0
      ? undefined
      : reportWithinBudget(given, [...snapshots.values()].flat().map(named), () =>
          hostsReport({
            workspace: given,
            date,
            version: toolVersion,
            hosts: [...snapshots].map(([directory, members]) => ({
              folder: directory || basename(root),
              profile: profileWithFileNames(members[0].profile, toName),
              files: members.map(named),
              findings: members.map(findingsOf),
            })),
          }),
        );
  const workspaceProfile = outcome.report.workspaces.find((workspace) => !workspace.profile.host)?.profile ?? outcome.report.profile;
  const files = ordinary.map(named);
  const report: ReadinessReport | undefined =
    hosts && files.length === 0
      ? undefined
      : reportWithinBudget(given, files, () =>
          readinessReport({
            workspace: given,
            date,
            version: toolVersion,
            profile: profileWithFileNames(workspaceProfile, toName),
            files,
            findings: ordinary.map(findingsOf),
          }),
        );
  const output =
    options.format === 'json'
      ? JSON.stringify(hosts ? { hosts, workspace: report } : report, null, 2) + '\n'
      : [hosts && formatHostsMarkdown(hosts), report && formatReportMarkdown(report)].filter((part) => part).join('\n');
  return { output, warnings: outcome.warnings };
}

