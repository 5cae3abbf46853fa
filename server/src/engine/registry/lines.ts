// Line scanning shared by the .reg and .inf readers: lines break at \r\n, \n or a lone \r (as in
// SourceText), a leading BOM is skipped, and each line's content is trimmed of spaces and tabs.

export interface ScannedLine {
  /** Offset of the first non-blank character (the line's end when it is blank). */
  start: number;
  /** Offset after the last non-blank character. */
  end: number;
  /** Offset of the next line (after this line's break), or the text's length. */
  next: number;
}

export function scanLines(text: string): ScannedLine[] {
  const lines: ScannedLine[] = [];
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = lineStart; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13 && c !== -1) continue;
    const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : c === -1 ? i : i + 1;
    lines.push(trimmed(text, lineStart, i, next));
    if (c === -1) break;
    lineStart = next;
    i = next - 1;
  }
  return lines;
}

function trimmed(text: string, from: number, to: number, next: number): ScannedLine {
  let start = from;
  let end = to;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end, next };
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Skips spaces and tabs from `at`, not past `end`. */
export function skipBlanks(text: string, at: number, end: number): number {
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at;
}
