// "Line" as a suppression directive means it: the logical line of the file's own language. A cmd `^`
// continuation, a PowerShell backtick continuation (or a string, here-string or <# #> comment that
// spans lines), a .reg hex value continued with `\`, and an XML tag, comment, CDATA section or
// declaration that spans lines are each one logical line. A directive above such a statement covers
// all of its physical lines, and a directive inserted above it never lands inside it (which would
// break a continuation, change a string, or make the XML malformed).
import { logicalLines as cmdLogicalLines } from '../script/cmd/logical-lines';
import { lex } from '../script/powershell/lexer';
import type { SourceText } from '../source-text';
import type { FileKind } from '../types';

export interface LogicalLine {
  /** Offset of the start of the first physical line (before its indentation). */
  start: number;
  /** Offset of the end of the last physical line's content (before its line break). */
  end: number;
  firstLine: number;
  lastLine: number;
}

export class LogicalLines {
  readonly lines: LogicalLine[];
  /** Physical line number → index into `lines`. */
  private readonly byPhysical: number[];

  constructor(readonly source: SourceText, kind: FileKind) {
    const joins = joinedBreaks(source, kind);
    this.lines = [];
    this.byPhysical = [];
    let first = 0;
    for (let line = 0; line < source.lineCount; line++) {
      this.byPhysical.push(this.lines.length);
      if (line + 1 < source.lineCount && joins.has(line)) continue;
      this.lines.push({ start: source.lineStarts[first], end: source.lineEndOffset(line), firstLine: first, lastLine: line });
      first = line + 1;
    }
  }

  /** Index of the logical line that holds `offset`. */
  indexAt(offset: number): number {
    return this.byPhysical[this.source.positionAt(offset).line];
  }

  at(offset: number): LogicalLine {
    return this.lines[this.indexAt(offset)];
  }

  /** The logical line's text between its first and last non-blank character (empty for a blank line). */
  contentRange(index: number): { start: number; end: number } {
    const { start, end } = this.lines[index];
    const text = this.source.text;
    let from = start;
    let to = end;
    while (from < to && isBlank(text.charCodeAt(from))) from++;
    while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
    return { start: from, end: to };
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff;
}

/** Physical line numbers whose line break does not end a logical line. */
function joinedBreaks(source: SourceText, kind: FileKind): Set<number> {
  const joins = new Set<number>();
  const join = (start: number, end: number) => {
    const last = source.positionAt(end).line;
    for (let line = source.positionAt(start).line; line < last; line++) joins.add(line);
  };
  const text = source.text;
  if (kind === 'config') {
    for (const span of xmlMarkupSpans(text)) join(span.start, span.end);
  } else if (kind === 'cmd') {
    for (const line of cmdLogicalLines(text)) join(line.start, line.end);
  } else if (kind === 'powershell') {
    // The lexer emits a newline token exactly where a statement line ends: not after a backtick,
    // not inside a string, here-string or block comment.
    const breaks = new Set<number>();
    for (const token of lex(text).tokens) if (token.kind === 'newline') breaks.add(token.start);
    for (let line = 0; line + 1 < source.lineCount; line++) if (!breaks.has(source.lineEndOffset(line))) joins.add(line);
  } else if (kind === 'reg') {
    for (let line = 0; line + 1 < source.lineCount; line++) {
      const content = source.lineText(line).trim();
      if (content.endsWith('\\') && content[0] !== '[' && content[0] !== ';') joins.add(line);
    }
  }
  return joins;
}

/**
 * The markup of an XML text that must stay whole: tags (with quoted attribute values), comments, CDATA
 * sections, processing instructions and the DOCTYPE with its internal subset. Lenient: an unterminated
 * construct runs to the end of the text, so a directive is never placed inside it.
 */
export function xmlMarkupSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const through = (close: string, from: number) => {
    const at = text.indexOf(close, from);
    return at < 0 ? text.length : at + close.length;
  };
  let at = text.indexOf('<');
  while (at >= 0 && at < text.length) {
    let end: number;
    if (text.startsWith('<!--', at)) end = through('-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) end = through(']]>', at + 9);
    else if (text.startsWith('<?', at)) end = through('?>', at + 2);
    else end = tagEnd(text, at, text.startsWith('<!', at));
    spans.push({ start: at, end });
    at = text.indexOf('<', end);
  }
  return spans;
}

/** After the `>` that closes a tag (or a declaration, whose `[…]` subset may hold `>`), skipping quoted text. */
function tagEnd(text: string, start: number, declaration: boolean): number {
  let quote = '';
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (declaration && ch === '[') depth++;
    else if (declaration && ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '>' && depth === 0) return i + 1;
  }
  return text.length;
}
