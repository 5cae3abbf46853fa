// The whole command line, from argv to exit code, with output going through `io` so that nothing here
// touches process globals. Failures become one line on stderr and exit code 2, never a stack trace.
import { parseArguments } from './args';
import { FileAccessError, UsageError } from './errors';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { helpText } from './help';
import { lintFiles } from './lint-files';
import { hasErrors, type LintReport } from './report';
import type { FixFileSystem } from './replace-file';
import { runReport } from './report-command';
import { toolName, toolVersion } from '../common/tool';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  /** One line, without its newline. */
  stderr(line: string): void;
  /** Today, as YYYY-MM-DD, for the readiness report (tests fix it). */
  today?(): string;
  /** Where files are read and fixes written: the real file system unless a test injects faults. */
  fileSystem?: FixFileSystem;
}

export const exitCodes = { clean: 0, errorsFound: 1, failure: 2 } as const;

const formatters: Record<string, (report: LintReport) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
};

export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const options = parseArguments(argv);
    if (options.help) {
      io.stdout(helpText);
      return exitCodes.clean;
    }
    if (options.version) {
      io.stdout(`${toolVersion}\n`);
      return exitCodes.clean;
    }
    if (options.command === 'report') {
      // The report is a document, not a verdict: it exits 0 whatever it says.
      const report = runReport(options, io.cwd, io.today?.() ?? new Date().toISOString().slice(0, 10));
      for (const warning of report.warnings) io.stderr(`${toolName}: warning: ${warning}`);
      io.stdout(report.output);
      return exitCodes.clean;
    }
    const outcome = lintFiles(options, io.cwd, undefined, io.fileSystem);
    for (const warning of outcome.warnings) io.stderr(`${toolName}: warning: ${warning}`);
    io.stdout(formatters[options.format](outcome.report));
    if (outcome.incomplete) return exitCodes.failure;
    return hasErrors(outcome.report) ? exitCodes.errorsFound : exitCodes.clean;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${toolName}: ${error.message} (see ${toolName} --help)`);
    } else if (error instanceof FileAccessError) {
      io.stderr(`${toolName}: ${error.message}`);
    } else {
      io.stderr(`${toolName}: internal error: ${oneLine(error)}`);
    }
    return exitCodes.failure;
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
