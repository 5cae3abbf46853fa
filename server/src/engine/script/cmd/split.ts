// Pass 3: one logical line into commands (at unquoted &, &&, ||, | and block parentheses) and each
// command into whitespace-separated words with quotes removed, as msiexec and reg parse them.
import type { Token } from '../model';
import type { SourceChar } from './logical-lines';

export interface RawCommand {
  /** The command's characters, separators and block parentheses excluded. */
  chars: SourceChar[];
  /** Block depth before the command. */
  depth: number;
}

/** Splits at command separators; `(` opening a block and `)` closing one also end a command. */
export function splitCommands(chars: readonly SourceChar[], depthBefore: number): { commands: RawCommand[]; depthAfter: number } {
  const commands: RawCommand[] = [];
  let depth = depthBefore;
  let current: SourceChar[] = [];
  let inQuote = false;
  const finish = () => {
    if (current.some((c) => c.ch.trim() !== '')) commands.push({ chars: current, depth });
    current = [];
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.ch === '"' && !c.literal) inQuote = !inQuote;
    const special = !inQuote && !c.literal;
    if (special && (c.ch === '&' || c.ch === '|')) {
      finish();
      if (chars[i + 1]?.ch === c.ch && !chars[i + 1].literal) i++;
      continue;
    }
    if (special && c.ch === '(' && atCommandStart(current)) {
      finish();
      depth++;
      continue;
    }
    if (special && c.ch === ')' && depth > 0) {
      finish();
      depth--;
      continue;
    }
    current.push(c);
  }
  finish();
  return { commands, depthAfter: depth };
}

/** True when `(` would open a block here: at the start, or after if-conditions / else / do. */
function atCommandStart(current: readonly SourceChar[]): boolean {
  const words = tokenize(current).map((t) => t.text.toLowerCase());
  if (words.length === 0) return true;
  const first = words[0].replace(/^@/, '');
  if (first === 'else' || first === 'if' || first === 'for') return true;
  return words[words.length - 1] === 'do' || words[words.length - 1] === 'else';
}

export function tokenize(chars: readonly SourceChar[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && isBlank(chars[i])) i++;
    if (i >= chars.length) break;
    let text = '';
    let inQuote = false;
    let quoted = false;
    let resolved = true;
    const start = chars[i].start;
    let end = chars[i].end;
    while (i < chars.length && (inQuote || !isBlank(chars[i]))) {
      const c = chars[i];
      if (c.ch === '"' && !c.literal) {
        inQuote = !inQuote;
        quoted = true;
      } else {
        text += c.ch;
      }
      if (c.unresolved) resolved = false;
      end = Math.max(end, c.end);
      i++;
    }
    tokens.push({ text, start, end, resolved, quoted });
  }
  return tokens;
}

function isBlank(c: SourceChar): boolean {
  return !c.literal && (c.ch === ' ' || c.ch === '\t');
}
