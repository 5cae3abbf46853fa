// Shared by the CLI tests: run the bundled CLI as a user would, in a temporary directory of files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SourceText, type Finding } from '../../server/src/engine/index';

/** npm test runs from the repository root, and esbuild has built dist/cli.js before the tests run. */
export const cliPath = join(process.cwd(), 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

import { makeTempDir } from '../temp-dir';

export { makeTempDir };

/** A copy of examples/ in a fresh temp directory, for runs that may write (--fix, -o, init). */
export function exampleCopy(): string {
  const dir = makeTempDir();
  cpSync(join(process.cwd(), 'examples'), dir, { recursive: true });
  return dir;
}

/** Writes files (text as UTF-8, or raw bytes) below `root`, creating directories as needed. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** The config file the MIM Service reads: the FIPS rules apply to it by name. */
export const serviceConfigName = 'Microsoft.ResourceManagement.Service.exe.config';

/** 1-based line and UTF-16 column of `offset`, computed without the engine's SourceText. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The JSON output's view of one finding, derived from what the engine reports. */
export function expectedJsonFinding(text: string, fileName: string, finding: Finding) {
  const source = new SourceText(text, fileName);
  const start = lineAndColumn(text, finding.start);
  const end = lineAndColumn(text, finding.end);
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    range: { start: source.positionAt(finding.start), end: source.positionAt(finding.end) },
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** True when the output has no stack-trace frame ("    at fn (file:line:col)"). */
export function hasNoStackTrace(output: string): boolean {
  return !/^\s+at .+[:(]/m.test(output);
}
