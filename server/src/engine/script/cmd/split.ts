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
  /** What came before the command on its line: the line start, `&`, `&&`, `||`, `|`, a block's `(` or `)`. */
  separator: Separator;
  /** The command ends with a `(` that opens a block (`if exist x (`, `) else (`). */
  opens: boolean;
}

export type Separator = 'line' | '&' | '&&' | '||' | '|' | '(' | ')';

/** Splits at command separators; `(` opening a block and `)` closing one also end a command. */
export function splitCommands(chars: CharRun, depthBefore: number): { commands: RawCommand[]; depthAfter: number } {
  const commands: RawCommand[] = [];
  let depth = depthBefore;
  let from = 0;
  let inQuote = false;
  // Where the command's first and latest words are, kept up to date as characters go by, so a `(`
  // can tell whether it opens a block without re-reading the command.
  let words = 0;
  let inWord = false;
  let firstStart = 0;
  let firstEnd = -1;
  let lastStart = 0;
  let separator: Separator = 'line';
  let forSetEnd = -1;
  const finish = (to: number, next: number, after: Separator, opens = false) => {
    if (words > 0) commands.push({ chars, from, to, depth, separator, opens });
    else if (opens) commands.push({ chars, from: to, to, depth, separator, opens });
    separator = after;
    from = next;
    words = 0;
    inWord = false;
    firstEnd = -1;
  };
  for (let i = 0; i < chars.length; i++) {
    const code = chars.code(i);
    const literal = chars.isLiteral(i);
    if (code === 34 /* " */ && !literal) inQuote = !inQuote;
    const special = !inQuote && !literal;
    if (special && (code === 38 /* & */ || code === 124 /* | */)) {
      const doubled = chars.code(i + 1) === code && !chars.isLiteral(i + 1);
      finish(i, doubled ? i + 2 : i + 1, code === 38 ? (doubled ? '&&' : '&') : doubled ? '||' : '|');
      if (doubled) i++;
      continue;
    }
    if (special && code === 40 /* ( */ && i > forSetEnd) {
      const first = words === 0 ? '' : word(chars, firstStart, firstEnd < 0 ? i : firstEnd);
      const last = words === 0 ? '' : word(chars, lastStart, i);
      // `for %%V in (a b) do …`: the parentheses hold the set, not a block.
      if (first.replace(/^@/, '') === 'for' && last === 'in') forSetEnd = setEnd(chars, i);
      else if (opensBlock(words, first, last)) {
        finish(i, i + 1, '(', true);
        depth++;
        continue;
      }
    }
    if (special && code === 41 /* ) */ && depth > 0 && i > forSetEnd) {
      finish(i, i + 1, ')');
      depth--;
      continue;
    }
    const blank = !literal && (code === 32 || code === 9);
    if (blank) {
      if (inWord && words === 1 && firstEnd < 0) firstEnd = i;
      inWord = false;
    } else if (!inWord) {
      words++;
      lastStart = i;
      if (words === 1) firstStart = i;
      inWord = true;
    }
  }
  finish(chars.length, chars.length, 'line');
  return { commands, depthAfter: depth };
}

/** A word (up to where the `(` is), lower-cased, without quotes, at most 8 characters: enough for if/for/do/else. */
function word(chars: CharRun, start: number, end: number): string {
  return chars.text(start, Math.min(end, start + 10)).replace(/"/g, '').trimEnd().toLowerCase().slice(0, 8);
}

/** The `)` that ends a `for` set opened at `open` (outside quotes), or the line's end. */
function setEnd(chars: CharRun, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < chars.length; i++) {
    const code = chars.code(i);
    if (code === 34 && !chars.isLiteral(i)) quoted = !quoted;
    else if (code === 41 && !quoted && !chars.isLiteral(i)) return i;
  }
  return chars.length;
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
