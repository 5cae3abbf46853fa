// What one run of the CLI found: the input of every output format. Formats only render this; they
// never read files or lint.
import type { Finding, HostProfile, Position, Severity, SourceText } from '../engine/index';
import type { TextEncodingName } from '../common/text-file';

export interface FileReport {
  /** Relative to the working directory, with the platform's separators: what stylish and json print. */
  displayPath: string;
  absolutePath: string;
  encoding: TextEncodingName;
  bom: boolean;
  /** The text the findings refer to (after --fix, the fixed text). */
  source: SourceText;
  findings: readonly Finding[];
  /** How many fixes --fix applied to this file (0 without --fix); with --fix-dry-run, would apply. */
  fixesApplied: number;
  /** --fix-dry-run: the text as read, when fixes would change it (`source` holds the fixed text). */
  originalText?: string;
  /** The host profile the file was linted with (its workspace's). */
  profile: HostProfile;
}

/** A directory tree (or a file) named on the command line, and the host profile found for it. */
export interface WorkspaceReport {
  displayPath: string;
  profile: HostProfile;
}

export interface LintReport {
  /** The profile of the first workspace (every workspace's is in `workspaces`). */
  profile: HostProfile;
  workspaces: readonly WorkspaceReport[];
  files: readonly FileReport[];
  /** The working directory that display paths and SARIF URIs are relative to. */
  cwd: string;
}

/** 1-based line and column (UTF-16 units) of both ends of a finding, as editors and SARIF count. */
export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function zeroBasedRange(source: SourceText, finding: Finding): { start: Position; end: Position } {
  return { start: source.positionAt(finding.start), end: source.positionAt(finding.end) };
}

export function oneBasedRange(source: SourceText, finding: Finding): OneBasedRange {
  const { start, end } = zeroBasedRange(source, finding);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A related place (evidence) for output: 1-based line and column when they are known. */
export interface RelatedPlace {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

/** Related places in the same file get positions from its text; others keep the line the engine recorded. */
export function relatedPlaces(file: FileReport, finding: Finding): RelatedPlace[] {
  return (finding.related ?? []).map((location) => {
    if (location.file === file.displayPath) {
      const start = file.source.positionAt(location.start);
      return { file: location.file, message: location.message, line: start.line + 1, column: start.character + 1 };
    }
    return { file: location.file, message: location.message, ...(location.line === undefined ? {} : { line: location.line + 1 }) };
  });
}

/** Whether `mim-lint --fix` would fix the finding: it has a preferred fix. */
export function isFixable(finding: Finding): boolean {
  return finding.fixes?.some((fix) => fix.preferred === true) ?? false;
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(files: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const finding of file.findings) counts[finding.severity]++;
  return counts;
}

/** `--quiet`: error-level findings only; the file stays listed, so JSON still tells "clean" from "not linted". */
export function errorsOnly(file: FileReport): FileReport {
  return { ...file, findings: file.findings.filter((finding) => finding.severity === 'error') };
}
