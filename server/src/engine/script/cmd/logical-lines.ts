// Pass 1 of reading a batch file: physical lines joined into logical lines at a trailing `^`, with
// each character kept next to the source range it came from. Carets outside quotes escape the next
// character (cmd's phase 2); quotes are kept, because the tokenizer needs them.
import { CharRun, literalFlag } from './char-run';

export interface LogicalLine {
  chars: CharRun;
  /** Offset of the first character of the first physical line. */
  start: number;
  /** Offset of the end of the last physical line's content (before its line break). */
  end: number;
  /** Leading whitespace of the first physical line. */
  indent: string;
}

/**
 * The logical lines in order. Every line reuses one buffer: a consumer must be done with a line's
 * `chars` (or copy them) before it asks for the next line.
 */
export function* logicalLines(text: string): Generator<LogicalLine> {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const chars = new CharRun(256);
  while (at < text.length) {
    const start = at;
    const lineFeed = text.indexOf('\n', at);
    chars.reset((lineFeed < 0 ? text.length : lineFeed) - at + 1);
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
            chars.push(text[at], at, at + 1, literalFlag);
            at++;
          }
          continue;
        }
        chars.push(next, at, at + 2, literalFlag);
        at += 2;
        continue;
      }
      chars.push(ch, at, at + 1, 0);
      at++;
    }
    let indentEnd = start;
    while (indentEnd < end && (text[indentEnd] === ' ' || text[indentEnd] === '\t')) indentEnd++;
    yield { chars, start, end, indent: text.slice(start, indentEnd) };
  }
}
