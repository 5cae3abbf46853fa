// Pass 1 of reading a batch file: physical lines joined into logical lines at a trailing `^`, with
// each character kept next to the source range it came from. Carets outside quotes escape the next
// character (cmd's phase 2); quotes are kept, because the tokenizer needs them.

export interface SourceChar {
  ch: string;
  /** Source range this character stands for (an expanded variable: the whole `%NAME%`). */
  start: number;
  end: number;
  /** Escaped with `^`: never a separator, quote or block delimiter. */
  literal: boolean;
  /** Came from something the reader cannot know (%1, an unset variable). */
  unresolved?: boolean;
}

export interface LogicalLine {
  chars: SourceChar[];
  /** Offset of the first character of the first physical line. */
  start: number;
  /** Offset of the end of the last physical line's content (before its line break). */
  end: number;
  /** Leading whitespace of the first physical line. */
  indent: string;
}

export function* logicalLines(text: string): Generator<LogicalLine> {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const start = at;
    const chars: SourceChar[] = [];
    let inQuote = false;
    let end = text.length;
    while (at < text.length) {
      const ch = text[at];
      if (ch === '\r' || ch === '\n') {
        end = at;
        at += ch === '\r' && text[at + 1] === '\n' ? 2 : 1;
        break;
      }
      if (ch === '"') inQuote = !inQuote;
      if (ch === '^' && !inQuote && at + 1 < text.length) {
        const next = text[at + 1];
        if (next === '\r' || next === '\n') {
          // Continuation: the line break disappears and the next line's first character is literal.
          at += next === '\r' && text[at + 2] === '\n' ? 3 : 2;
          if (at < text.length && text[at] !== '\r' && text[at] !== '\n') {
            chars.push({ ch: text[at], start: at, end: at + 1, literal: true });
            at++;
          }
          continue;
        }
        chars.push({ ch: next, start: at, end: at + 2, literal: true });
        at += 2;
        continue;
      }
      chars.push({ ch, start: at, end: at + 1, literal: false });
      at++;
    }
    let indentEnd = start;
    while (indentEnd < end && (text[indentEnd] === ' ' || text[indentEnd] === '\t')) indentEnd++;
    yield { chars, start, end, indent: text.slice(start, indentEnd) };
  }
}
