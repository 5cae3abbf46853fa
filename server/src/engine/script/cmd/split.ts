// Pass 3: one logical line into commands (at unquoted &, &&, ||, | and block parentheses) and each
// command into whitespace-separated words with quotes removed, as msiexec and reg parse them.
import type { Token } from '../model';
import { type CharRun, unresolvedFlag } from './char-run';

export interface RawCommand {
  /** The line's characters; the command is [from, to) of them (separators and block parentheses lie outside). */
  chars: CharRun;
  from: number;
  to: number;
  /** Block depth before the command. */
  depth: number;
}

/** Splits at command separators; `(` opening a block and `)` closing one also end a command. */
export function splitCommands(chars: CharRun, depthBefore: number): { commands: RawCommand[]; depthAfter: number } {
  const commands: RawCommand[] = [];
  let depth = depthBefore;
  let from = 0;
  let inQuote = false;
  // What a `(` needs to know, kept up to date as characters arrive (no re-tokenizing per parenthesis).
  let words = 0;
  let inWord = false;
  let firstWord = '';
  let lastWord = '';
  // Commands are contiguous runs of the line, so a command is a range, never a copy.
  const finish = (to: number, next: number) => {
    if (words > 0) commands.push({ chars, from, to, depth });
    from = next;
    words = 0;
    inWord = false;
    firstWord = '';
    lastWord = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars.ch(i);
    const literal = chars.isLiteral(i);
    if (ch === '"' && !literal) inQuote = !inQuote;
    const special = !inQuote && !literal;
    if (special && (ch === '&' || ch === '|')) {
      const doubled = chars.ch(i + 1) === ch && !chars.isLiteral(i + 1);
      finish(i, doubled ? i + 2 : i + 1);
      if (doubled) i++;
      continue;
    }
    if (special && ch === '(' && opensBlock(words, firstWord, lastWord)) {
      finish(i, i + 1);
      depth++;
      continue;
    }
    if (special && ch === ')' && depth > 0) {
      finish(i, i + 1);
      depth--;
      continue;
    }
    const blank = !literal && (ch === ' ' || ch === '\t');
    if (blank) {
      inWord = false;
    } else {
      if (!inWord) {
        words++;
        lastWord = '';
        inWord = true;
      }
      if (ch !== '"') {
        if (lastWord.length < 8) lastWord += ch.toLowerCase();
        if (words === 1 && firstWord.length < 8) firstWord += ch.toLowerCase();
      }
    }
  }
  finish(chars.length, chars.length);
  return { commands, depthAfter: depth };
}

/** `(` opens a block at the start, or after if-conditions / else / do. */
function opensBlock(words: number, firstWord: string, lastWord: string): boolean {
  if (words === 0) return true;
  const first = firstWord.replace(/^@/, '');
  if (first === 'else' || first === 'if' || first === 'for') return true;
  return lastWord === 'do' || lastWord === 'else';
}

export function tokenize(chars: CharRun, from = 0, to = chars.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isBlank(chars, i)) i++;
    if (i >= to) break;
    const first = i;
    let inQuote = false;
    let quoted = false;
    let resolved = true;
    const start = chars.start(i);
    let end = chars.end(i);
    while (i < to && (inQuote || !isBlank(chars, i))) {
      if (chars.code(i) === 34 /* " */ && !chars.isLiteral(i)) {
        inQuote = !inQuote;
        quoted = true;
      }
      if ((chars.flags(i) & unresolvedFlag) !== 0) resolved = false;
      if (chars.end(i) > end) end = chars.end(i);
      i++;
    }
    // The word without its (unescaped) quotes.
    const text = quoted ? chars.textWhere(first, i, (j) => chars.code(j) !== 34 || chars.isLiteral(j)) : chars.text(first, i);
    tokens.push({ text, start, end, resolved, quoted });
  }
  return tokens;
}

function isBlank(chars: CharRun, i: number): boolean {
  const code = chars.code(i);
  return (code === 32 || code === 9) && !chars.isLiteral(i);
}
