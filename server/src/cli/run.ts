// The whole command line, from argv to exit code, with output going through `io` so that nothing here
// touches process globals. Failures become one line on stderr and exit code 2, never a stack trace.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectConfigFileName, starterConfigText } from '../engine/config/starter-config';
import { parseArguments } from './args';
import { FileAccessError, UsageError } from './errors';
import { helpText } from './help';
import { lintFiles } from './lint-files';
import { printConfig } from './print-config';
import { countBySeverity, errorsOnly } from './report';
import { streamedOutput, writeOutputFile } from './output';
import type { FixFileSystem } from './replace-file';
import { runReport } from './report-command';
import { toolName, toolVersion } from '../common/tool';
import { collectorScript } from '../collector/index';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  /** One line, without its newline. */
  stderr(line: string): void;
  /** Today, as YYYY-MM-DD, for the readiness report (tests fix it). */
  today?(): string;
  /** Where files are read and fixes written: the real file system unless a test injects faults. */
  fileSystem?: FixFileSystem;
  /** Colour when neither --color nor --no-color is given: stdout is a terminal, NO_COLOR/FORCE_COLOR. */
  colorByDefault?: boolean;
  /** Standard input, for --stdin. */
  readStdin?(): Uint8Array;
}

export const exitCodes = { clean: 0, errorsFound: 1, failure: 2 } as const;

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
    if (options.command === 'collector') {
      // The batch file as shipped, CRLF line ends included: redirect it to a .cmd file.
      io.stdout(collectorScript);
      return exitCodes.clean;
    }
    if (options.command === 'report') {
      // The report is a document, not a verdict: it exits 0 whatever it says.
      const report = runReport(options, io.cwd, io.today?.() ?? new Date().toISOString().slice(0, 10));
      for (const warning of report.warnings) io.stderr(`${toolName}: warning: ${warning}`);
      io.stdout(report.output);
      return exitCodes.clean;
    }
    if (options.command === 'init') return writeStarterConfig(io);
    if (options.printConfig !== undefined) {
      io.stdout(printConfig(options, io.cwd));
      return exitCodes.clean;
    }
    const stdin = options.stdin ? (io.readStdin ?? (() => new Uint8Array()))() : undefined;
    // Colour only for a person at a terminal: never in a file, whatever the terminal.
    const color = options.color ?? (options.outputFile === undefined && io.colorByDefault === true);
    const output = streamedOutput(options, color, io.cwd);
    // As ESLint: warnings count even under --quiet, which only hides them.
    const counts = countBySeverity([]);
    const outcome = lintFiles(options, io.cwd, undefined, io.fileSystem, undefined, stdin, (file) => {
      for (const finding of file.findings) counts[finding.severity]++;
      output.add(options.quiet ? errorsOnly(file) : file);
    });
    for (const warning of outcome.warnings) io.stderr(`${toolName}: warning: ${warning}`);
    const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
    const exitCode = outcome.incomplete
      ? exitCodes.failure
      : counts.error > 0 || tooManyWarnings
        ? exitCodes.errorsFound
        : exitCodes.clean;
    const pieces = output.finish(outcome.report, { exitCode, warnings: outcome.warnings, incomplete: outcome.incomplete });
    if (options.outputFile === undefined) for (const piece of pieces) io.stdout(piece);
    else writeOutputFile(resolve(io.cwd, options.outputFile), options.outputFile, pieces);
    if (tooManyWarnings && exitCode === exitCodes.errorsFound && counts.error === 0) {
      io.stderr(`${toolName}: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings} allows`);
    }
    return exitCode;
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

/** `mim-lint init`: the starter .mimlintrc.json in the working directory, never over an existing one. */
function writeStarterConfig(io: CliIo): number {
  const path = join(io.cwd, projectConfigFileName);
  if (existsSync(path)) throw new FileAccessError(`${projectConfigFileName} already exists here; it was left as it is`);
  writeOutputFile(path, projectConfigFileName, [starterConfigText]);
  io.stdout(`Created ${projectConfigFileName}: set the host and the rules there (see ${toolName} --help).\n`);
  return exitCodes.clean;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
