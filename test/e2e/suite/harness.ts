// A tiny test runner for the extension host, instead of mocha: tests run one after another, each with a
// time limit; a failure is a thrown error. The summary line ("N passed, N failed") is the format CI reads,
// and run() rejects when anything failed, which makes the workbench exit non-zero.
import * as vscode from 'vscode';

interface TestCase {
  name: string;
  body: () => Promise<void>;
}

const tests: TestCase[] = [];

export function test(name: string, body: () => Promise<void>): void {
  tests.push({ name, body });
}

const perTestLimitMs = 30_000;

export async function runAll(): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  for (const { name, body } of tests) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        body(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${perTestLimitMs / 1000}s`)), perTestLimitMs);
        }),
      ]);
      passed++;
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(name);
      console.log(`  FAIL ${name} (${Date.now() - started} ms)\n${indent(message)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log(`\ne2e: ${passed} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`e2e tests failed: ${failures.join('; ')}`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `       ${line}`)
    .join('\n');
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}:\n  expected ${e}\n  actual   ${a}`);
}

/**
 * Like assertEqual for whole file texts, but the failure names the first line that differs (1-based)
 * and shows both versions of it, line endings visible, instead of two long strings.
 */
export function assertText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  let line = 0;
  while (actualLines[line] === expectedLines[line]) line++;
  throw new Error(
    `${what}: differs from line ${line + 1} on (${expectedLines.length} lines expected, ${actualLines.length} there):\n` +
      `  expected ${JSON.stringify(expectedLines[line] ?? '<end of text>')}\n` +
      `  actual   ${JSON.stringify(actualLines[line] ?? '<end of text>')}`,
  );
}

/** mim-lint's diagnostics for a document (other extensions' are ignored). */
export function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mim-lint');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return String(code);
}

const severityNames = ['error', 'warning', 'info', 'hint'];

/** One line per finding (1-based start-end, code, severity), sorted, for comparisons and failure messages. */
export function describe(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${codeOf(d)} ${severityNames[d.severity]}`;
    })
    .sort();
}

/**
 * Resolves with the document's mim-lint diagnostics as soon as `accept` holds for them, checking now and
 * on every onDidChangeDiagnostics event for the document. Bounded: on timeout it rejects with what it was
 * waiting for and what the diagnostics are.
 */
export function waitForFindings(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  const now = findings(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const current = findings(uri);
      if (!accept(current)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const current = describe(findings(uri));
      reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what} in ${uri.path}; mim-lint findings now: ${JSON.stringify(current)}`));
    }, timeoutMs);
  });
}

/** Whether diagnostics are exactly `expected` (as printed by describe()), in any order. */
export function isExactly(expected: string[]): (diagnostics: vscode.Diagnostic[]) => boolean {
  const wanted = JSON.stringify([...expected].sort());
  return (diagnostics) => JSON.stringify(describe(diagnostics)) === wanted;
}

/** Waits until the document's findings are exactly `expected` (as printed by describe()). */
export function waitForExactly(uri: vscode.Uri, expected: string[], what: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForFindings(uri, isExactly(expected), `${what}: ${JSON.stringify([...expected].sort())}`, timeoutMs);
}

/**
 * Resolves when the document's text is `expected`, checking now and on every change of it (edits the
 * server sends through workspace/applyEdit arrive after the command that asked for them returns).
 * Bounded: on timeout it rejects with both texts.
 */
export function waitForText(document: vscode.TextDocument, expected: string, what: string, timeoutMs = 15_000): Promise<void> {
  if (document.getText() === expected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document || document.getText() !== expected) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      try {
        assertText(document.getText(), expected, `timed out after ${timeoutMs / 1000}s waiting for ${what} in ${document.uri.path}`);
        resolve(); // the text arrived just now
      } catch (error) {
        reject(error);
      }
    }, timeoutMs);
  });
}
