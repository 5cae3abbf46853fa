// The report, built while files are linted: each file is rendered to text in the chosen format as it
// finishes (its text, tree and findings can then go), and the pieces are written at the end, when the
// exit code and host profiles that frame them are known. --fix is unchanged: a file is fixed, then
// linted, then reported.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CliOptions } from './args';
import { FileAccessError, reason } from './errors';
import { fixDiff } from './formats/fix-diff';
import { streamedJson } from './formats/json';
import { streamedSarif, type SarifRunInfo } from './formats/sarif';
import { streamedStylish } from './formats/stylish';
import type { FileReport, LintReport } from './report';

export interface StreamedOutput {
  add(file: FileReport): void;
  /** `report` without its files (they were added): the pieces of the whole output, in order. */
  finish(report: LintReport, info: SarifRunInfo): Iterable<string>;
}

export function streamedOutput(options: CliOptions, color: boolean, cwd: string): StreamedOutput {
  if (options.format === 'json') return streamedJson();
  if (options.format === 'sarif') return streamedSarif(cwd);
  const stylish = streamedStylish(color);
  // --fix-dry-run: the diffs of what --fix would write, then the findings that would remain.
  const diffs: string[] = [];
  return {
    add: (file) => {
      if (options.fixDryRun) diffs.push(fixDiff(file));
      stylish.add(file);
    },
    finish: () => [...diffs, stylish.finish()],
  };
}

/** Writes the pieces to `absolute` (as the user gave it: `asGiven`), or fails with one line. */
export function writeOutputFile(absolute: string, asGiven: string, pieces: Iterable<string>): void {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'w');
    for (const piece of pieces) writeSync(fd, piece);
  } catch (error) {
    // Not opened: run the pieces out anyway, so that a spilled report removes its temporary file.
    if (fd === undefined) for (const piece of pieces) void piece;
    throw new FileAccessError(`cannot write ${asGiven}: ${reason(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
