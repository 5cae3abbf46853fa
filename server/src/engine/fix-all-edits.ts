// Fix-all for an editor: the same fixAll as `mim-lint --fix` (preferred fixes only, non-overlapping,
// pass after pass until stable), returned as a minimal set of edits against the text the editor holds.
// Replacing the whole document would move the cursor, fold state and undo stops for untouched text,
// so the fixed text is diffed line by line and each changed run is trimmed to its changed characters.
import { fixAll, type FixAllResult } from './fixes';
import type { LintOptions } from './lint';
import type { TextEdit } from './types';

export interface FixAllEdits {
  edits: TextEdit[];
  /** How many fixes fixAll applied. */
  applied: number;
  result: FixAllResult;
}

export function fixAllEdits(text: string, fileName: string, options: LintOptions = {}): FixAllEdits {
  const result = fixAll(text, fileName, options);
  return { edits: minimalEdits(text, result.text), applied: result.applied, result };
}

/** Beyond this many changed lines the diff gives up on line hunks and returns one edit (prefix/suffix trimmed). */
const maxChangedLines = 2000;

/** Non-overlapping edits, in order, that turn `before` into `after`; none when they are equal. */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = diffLines(a.lines, b.lines);
  if (!hunks) return [trimmedEdit(before, after, 0, before.length, 0, after.length)];
  return hunks.map((hunk) =>
    trimmedEdit(before, after, a.starts[hunk.aStart], a.starts[hunk.aEnd], b.starts[hunk.bStart], b.starts[hunk.bEnd]),
  );
}

/** Lines with their line breaks, and the offset each starts at (plus the text's length at the end). */
function splitLines(text: string): { lines: string[]; starts: number[] } {
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1] + line.length);
  return { lines, starts };
}

/** The edit replacing before[aStart, aEnd) by after[bStart, bEnd), without their common prefix and suffix. */
function trimmedEdit(before: string, after: string, aStart: number, aEnd: number, bStart: number, bEnd: number): TextEdit {
  while (aStart < aEnd && bStart < bEnd && before[aStart] === after[bStart]) {
    aStart++;
    bStart++;
  }
  while (aEnd > aStart && bEnd > bStart && before[aEnd - 1] === after[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  return { start: aStart, end: aEnd, newText: after.slice(bStart, bEnd) };
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Myers' O((N+M)·D) diff of two line lists: the runs that differ, or undefined when D is too large. */
function diffLines(a: readonly string[], b: readonly string[]): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxChangedLines);
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return undefined;
  // Walk back through the trace: each round added one deleted or inserted line after a run of equal ones.
  const moves: Array<{ deleted: boolean; x: number; y: number } | undefined> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      moves.push(undefined);
      x--;
      y--;
    }
    if (d > 0) moves.push({ deleted: x === previousX + 1, x: previousX, y: previousY });
    x = previousX;
    y = previousY;
  }
  moves.reverse();
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (const move of moves) {
    if (!move) {
      if (current) hunks.push(current);
      current = undefined;
      continue;
    }
    current ??= { aStart: move.x, aEnd: move.x, bStart: move.y, bEnd: move.y };
    if (move.deleted) current.aEnd = move.x + 1;
    else current.bEnd = move.y + 1;
  }
  if (current) hunks.push(current);
  return hunks;
}
