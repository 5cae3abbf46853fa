// Applying fixes to text: the CLI's --fix, fix-all in the editor and the tests share this.
import { lint, type LintOptions } from './lint';
import type { Finding, TextEdit } from './types';

/** Applies non-overlapping edits (positions refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Two edits conflict when their ranges overlap, or when both start at the same offset (their order would be ambiguous). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** The preferred fixes of `findings` that can be applied together, first come first served. */
export function compatiblePreferredEdits(findings: readonly Finding[]): { edits: TextEdit[]; count: number } {
  const chosen: TextEdit[] = [];
  let count = 0;
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.preferred);
    if (!fix) continue;
    if (fix.edits.some((edit) => chosen.some((other) => conflicts(edit, other)))) continue;
    for (const edit of fix.edits) chosen.push(edit);
    count++;
  }
  return { edits: chosen, count };
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  /** What is left after the last pass. */
  remaining: Finding[];
}

/** Applies preferred fixes pass after pass until none applies (at most `maxPasses`). */
export function fixAll(text: string, fileName: string, options: LintOptions = {}, maxPasses = 10): FixAllResult {
  let current = text;
  let applied = 0;
  let findings = lint(current, fileName, options).findings;
  for (let pass = 0; pass < maxPasses; pass++) {
    const { edits, count } = compatiblePreferredEdits(findings);
    if (count === 0) break;
    current = applyEdits(current, edits);
    applied += count;
    findings = lint(current, fileName, options).findings;
  }
  return { text: current, applied, remaining: findings };
}
