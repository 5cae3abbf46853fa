// The characters of a logical batch line, each next to the source range it came from, stored in
// growable typed arrays: one object per character made large scripts spend most of their time in the
// garbage collector (measured: a line of 1 MB took 1.7 s; plain arrays of numbers were slower still).

/** Escaped with `^`: never a separator, quote or block delimiter. */
export const literalFlag = 1;
/** Came from something the reader cannot know (%1, an unset variable). */
export const unresolvedFlag = 2;

export class CharRun {
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private flagBits: Uint8Array;
  private size = 0;

  /** `capacity`: the expected length, so that a long line is not copied over and over as it grows. */
  constructor(capacity = 64) {
    const n = Math.max(16, capacity);
    this.codes = new Uint16Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.flagBits = new Uint8Array(n);
  }

  get length(): number {
    return this.size;
  }

  /** Empties the run for reuse (one buffer serves every line of a file). */
  reset(capacity: number): void {
    this.size = 0;
    while (this.codes.length < capacity) this.grow();
  }

  push(ch: string, start: number, end: number, flags: number): void {
    this.pushCode(ch.charCodeAt(0), start, end, flags);
  }

  pushCode(code: number, start: number, end: number, flags: number): void {
    if (this.size === this.codes.length) this.grow();
    const i = this.size++;
    this.codes[i] = code;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flagBits[i] = flags;
  }

  /** Appends character `i` of `other`. */
  pushFrom(other: CharRun, i: number): void {
    this.pushCode(other.codes[i], other.starts[i], other.ends[i], other.flagBits[i]);
  }

  /** The character at `i` ('' past the end). */
  ch(i: number): string {
    return i < this.size ? String.fromCharCode(this.codes[i]) : '';
  }

  code(i: number): number {
    return i < this.size ? this.codes[i] : -1;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  flags(i: number): number {
    return this.flagBits[i];
  }

  isLiteral(i: number): boolean {
    return (this.flagBits[i] & literalFlag) !== 0;
  }

  indexOf(code: number, from = 0): number {
    for (let i = from; i < this.size; i++) if (this.codes[i] === code) return i;
    return -1;
  }

  /** The text of characters [from, to) that `keep` accepts, in order. */
  textWhere(from: number, to: number, keep: (i: number) => boolean): string {
    const picked = new Uint16Array(Math.max(0, to - from));
    let n = 0;
    for (let i = from; i < to; i++) if (keep(i)) picked[n++] = this.codes[i];
    return fromCodes(picked, 0, n);
  }

  text(from = 0, to = this.size): string {
    return fromCodes(this.codes, Math.max(0, from), Math.min(to, this.size));
  }

  slice(from: number, to = this.size): CharRun {
    const run = new CharRun(to - from);
    for (let i = from; i < to && i < this.size; i++) run.pushFrom(this, i);
    return run;
  }

  private grow(): void {
    const capacity = this.codes.length * 2;
    const codes = new Uint16Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.ends = ends;
    const flagBits = new Uint8Array(capacity);
    flagBits.set(this.flagBits);
    this.flagBits = flagBits;
  }
}

function fromCodes(codes: Uint16Array, from: number, to: number): string {
  // Short runs (most words) by a plain loop, which is faster than apply for them; long ones in slices,
  // within the argument limit of apply.
  if (to - from <= 16) {
    let text = '';
    for (let i = from; i < to; i++) text += String.fromCharCode(codes[i]);
    return text;
  }
  let text = '';
  for (let at = from; at < to; at += 8192) {
    text += String.fromCharCode.apply(null, codes.subarray(at, Math.min(to, at + 8192)) as unknown as number[]);
  }
  return text;
}
