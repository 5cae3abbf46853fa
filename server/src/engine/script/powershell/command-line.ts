// How a Windows program (msiexec, reg …) splits the command line PowerShell builds for it: blanks
// outside double quotes separate arguments, quotes are removed, `""` inside quotes is one quote, so
// `PROPERTY="value with spaces"` is one argument `PROPERTY=value with spaces`. Each argument keeps the
// source range of the characters it came from (its quotes included); what is unknown stays whole.
import type { Token } from '../model';
import { tokenOf, type Piece, type Scalar } from './values';

/** One character (or one opaque unknown run) of a value, with its source. */
interface Atom {
  text: string;
  start: number;
  end: number;
  known: boolean;
}

function atomsOf(scalar: Scalar): Atom[] {
  const atoms: Atom[] = [];
  for (const piece of scalar.pieces) pushAtoms(atoms, piece);
  return atoms;
}

function pushAtoms(atoms: Atom[], piece: Piece): void {
  if (!piece.known) {
    atoms.push({ text: piece.text, start: piece.start, end: piece.end, known: false });
    return;
  }
  for (let k = 0; k < piece.text.length; k++) {
    const start = piece.exact ? piece.start + k : piece.start;
    const end = piece.exact ? start + 1 : piece.end;
    atoms.push({ text: piece.text[k], start, end, known: true });
  }
}

const isBlank = (atom: Atom) => atom.known && (atom.text === ' ' || atom.text === '\t' || atom.text === '\r' || atom.text === '\n');
const isQuote = (atom: Atom | undefined) => atom !== undefined && atom.known && atom.text === '"';

/** Splits a value as a program splits its command line. */
export function splitCommandLine(scalar: Scalar): Token[] {
  const atoms = atomsOf(scalar);
  const tokens: Token[] = [];
  let i = 0;
  while (i < atoms.length) {
    while (i < atoms.length && isBlank(atoms[i])) i++;
    if (i >= atoms.length) break;
    const text: string[] = [];
    let start = atoms[i].start;
    let end = atoms[i].end;
    let resolved = true;
    let quoted = false;
    let inQuotes = false;
    while (i < atoms.length && (inQuotes || !isBlank(atoms[i]))) {
      const atom = atoms[i];
      start = Math.min(start, atom.start);
      end = Math.max(end, atom.end);
      if (isQuote(atom)) {
        quoted = true;
        if (inQuotes && isQuote(atoms[i + 1])) {
          text.push('"');
          end = Math.max(end, atoms[i + 1].end);
          i += 2;
          continue;
        }
        inQuotes = !inQuotes;
      } else {
        text.push(atom.text);
        if (!atom.known) resolved = false;
      }
      i++;
    }
    tokens.push({ text: text.join(''), start, end, resolved, quoted });
  }
  return tokens;
}

/**
 * Start-Process joins -ArgumentList items with blanks and the program splits the result again: an item
 * normally gives one argument, which keeps the item's own range (its PowerShell quotes included).
 */
export function splitArgumentItem(item: Scalar): Token[] {
  const tokens = splitCommandLine(item);
  if (tokens.length !== 1) return tokens;
  return [{ ...tokens[0], start: item.start, end: item.end, quoted: tokens[0].quoted || item.quoted }];
}

/**
 * An argument PowerShell passes to a native program directly: a value without quotes arrives as one
 * argument (PowerShell quotes it when it has blanks); embedded quotes are read by the program.
 */
export function nativeArgument(item: Scalar): Token[] {
  if (!item.pieces.some((p) => p.known && p.text.includes('"'))) return [tokenOf(item)];
  return splitArgumentItem(item);
}
