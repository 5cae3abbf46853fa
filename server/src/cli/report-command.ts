// `mim-lint report [dir]`: the readiness checklist of a folder, as markdown or JSON on stdout. The
// folder is linted exactly as `mim-lint <dir>` lints it (same files, inferred profile, flags), but
// paths are relative to the folder, so the report's links work from inside it.
import { statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { formatReportMarkdown, profileWithFileNames, readinessReport, type ReadinessReport } from '../engine/report/index';
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
  const files = outcome.report.files.map((file) => ({ fileName: toName(file.displayPath), text: file.source.text }));
  const report: ReadinessReport = reportWithinBudget(given, files, () =>
    readinessReport({
      workspace: given,
      date,
      version: toolVersion,
      profile: profileWithFileNames(outcome.report.profile, toName),
      files,
      findings: outcome.report.files.map((file) => ({ fileName: toName(file.displayPath), findings: file.findings })),
    }),
  );
  const output = options.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatReportMarkdown(report);
  return { output, warnings: outcome.warnings };
}

