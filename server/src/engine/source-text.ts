// The one place that knows about lines, columns, line endings and indentation. Every range the engine
// reports is a pair of UTF-16 offsets; this class turns them into LSP-style positions (0-based line,
// UTF-16 character) and tells fixes which line ending and indentation unit the file uses.

export interface Position {
  line: number;
  character: number;
}

export class SourceText {
  readonly text: string;
  readonly fileName: string;
  private lineStartsCache: number[] | undefined;
  private eolCache: string | undefined;
  private indentCache: string | undefined;

  constructor(text: string, fileName: string) {
    this.text = text;
    this.fileName = fileName;
  }

  /** Offsets at which each line starts. A line ends at \n, \r\n or a lone \r, as in LSP. */
  get lineStarts(): number[] {
    if (!this.lineStartsCache) this.lineStartsCache = computeLineStarts(this.text);
    return this.lineStartsCache;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineEnd = this.lineEndOffset(position.line);
    return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    const starts = this.lineStarts;
    let end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEndOffset(line));
  }

  /** The file's own line ending: the first one it uses, CRLF when it has none (Windows files). */
  get eol(): string {
    if (this.eolCache === undefined) {
      const match = /\r\n|\n|\r/.exec(this.text);
      this.eolCache = match ? match[0] : '\r\n';
    }
    return this.eolCache;
  }

  /** The file's indentation unit: a tab, or the smallest step of spaces between indented lines. */
  get indentUnit(): string {
    // The first 64 KB show a file's style; scanning all of a large file on every keystroke would not.
    if (this.indentCache === undefined) this.indentCache = detectIndentUnit(this.text.length > 65536 ? this.text.slice(0, 65536) : this.text);
    return this.indentCache;
  }

  /** The whitespace that starts the line holding `offset`. */
  indentationAt(offset: number): string {
    const line = this.positionAt(offset).line;
    return /^[ \t]*/.exec(this.lineText(line))![0];
  }

  /** True when only spaces or tabs stand between the start of the line and `offset`. */
  isFirstOnLine(offset: number): boolean {
    const start = this.lineStarts[this.positionAt(offset).line];
    return /^[ \t]*$/.test(this.text.slice(start, offset));
  }
}

function detectIndentUnit(text: string): string {
  let tabLines = 0;
  let spaceLines = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const match of text.matchAll(/^([ \t]*)\S/gm)) {
    const indent = match[1];
    if (indent.startsWith('\t')) {
      tabLines++;
      continue;
    }
    const width = indent.length;
    if (width > 0) spaceLines++;
    const step = Math.abs(width - previous);
    if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = width;
  }
  if (tabLines > spaceLines) return '\t';
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return ' '.repeat(best || 2);
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Fast path (almost every file): no lone \r, so each line break ends in \n and indexOf finds it.
  if (!/\r(?!\n)/.test(text)) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
