// Values the reader can know without running the script: strings (as pieces that remember their
// source), flat arrays and simple hashtables, and the variables holding them in file order.
import type { Token } from '../model';

/** A run of a value's text. */
export interface Piece {
  text: string;
  start: number;
  end: number;
  /** The text is the source slice start..end character for character (no escape, no expansion). */
  exact: boolean;
  /** False for what only running the script would tell ($(…), unknown variables): `text` is then the source as written. */
  known: boolean;
}

export interface Scalar {
  kind: 'scalar';
  pieces: Piece[];
  /** Where the value was written (a literal with its quotes, or the variable reference). */
  start: number;
  end: number;
  quoted: boolean;
}

export interface ArrayValue {
  kind: 'array';
  items: Scalar[];
  start: number;
  end: number;
}

export interface HashEntry {
  /** Lower-cased key. */
  key: string;
  value: Value;
}

export interface HashValue {
  kind: 'hashtable';
  entries: HashEntry[];
  start: number;
  end: number;
}

export type Value = Scalar | ArrayValue | HashValue;

// Caps that keep self-referencing assignments (`$a = "$a$a"`, `$a += $a`) from growing without bound.
const maxTextLength = 16_384;
const maxPieces = 256;
export const maxArrayItems = 512;

export function textOf(scalar: Scalar): string {
  return scalar.pieces.length === 1 ? scalar.pieces[0].text : scalar.pieces.map((p) => p.text).join('');
}

export function isKnown(scalar: Scalar): boolean {
  return scalar.pieces.every((p) => p.known);
}

export function unknownScalar(start: number, end: number, source: string): Scalar {
  return { kind: 'scalar', pieces: [{ text: source, start, end, exact: true, known: false }], start, end, quoted: false };
}

export function knownScalar(text: string, start: number, end: number, exact: boolean, quoted = false): Scalar {
  return { kind: 'scalar', pieces: [{ text, start, end, exact, known: true }], start, end, quoted };
}

/** A scalar built from pieces, or undefined when it grew past the caps. */
export function scalarOf(pieces: Piece[], start: number, end: number, quoted: boolean): Scalar | undefined {
  if (pieces.length > maxPieces) return undefined;
  let length = 0;
  for (const piece of pieces) length += piece.text.length;
  if (length > maxTextLength) return undefined;
  return { kind: 'scalar', pieces, start, end, quoted };
}

/** PowerShell turns an array into a string by joining its items with spaces. */
export function scalarize(value: Value, source: () => string): Scalar {
  if (value.kind === 'scalar') return value;
  if (value.kind === 'hashtable') return unknownScalar(value.start, value.end, source());
  const pieces: Piece[] = [];
  value.items.forEach((item, index) => {
    if (index > 0) pieces.push({ text: ' ', start: item.start, end: item.start, exact: false, known: true });
    pieces.push(...item.pieces);
  });
  return scalarOf(pieces, value.start, value.end, false) ?? unknownScalar(value.start, value.end, source());
}

/** The value as used through a reference: its text, located at the reference (as the model asks). */
export function relocate(scalar: Scalar, start: number, end: number): Scalar {
  const pieces = scalar.pieces.map((p) => ({ text: p.text, start, end, exact: false, known: p.known }));
  return { kind: 'scalar', pieces, start, end, quoted: false };
}

export function tokenOf(scalar: Scalar): Token {
  return { text: textOf(scalar), start: scalar.start, end: scalar.end, resolved: isKnown(scalar), quoted: scalar.quoted };
}

/** One token for a parameter value: arrays joined with spaces, spanning their items. */
export function valueToken(value: Value, source: (start: number, end: number) => string): Token {
  if (value.kind === 'scalar') return tokenOf(value);
  const scalar = scalarize(value, () => source(value.start, value.end));
  return { ...tokenOf(scalar), start: value.start, end: value.end };
}

/** Flattened tokens: one per array item. */
export function valueTokens(value: Value, source: (start: number, end: number) => string): Token[] {
  if (value.kind === 'array') return value.items.map(tokenOf);
  return [valueToken(value, source)];
}

/** Variables in file order: the value of the last assignment before the use, or unknown. */
export class Variables {
  private readonly values = new Map<string, Value | 'unknown'>();

  constructor() {
    this.values.set('true', knownScalar('true', 0, 0, false));
    this.values.set('false', knownScalar('false', 0, 0, false));
    this.values.set('null', knownScalar('', 0, 0, false));
  }

  get(name: string): Value | undefined {
    const value = this.values.get(name);
    return value === 'unknown' ? undefined : value;
  }

  set(name: string, value: Value | undefined): void {
    if (name === 'null' || name === 'true' || name === 'false') return;
    this.values.set(name, value ?? 'unknown');
  }
}
