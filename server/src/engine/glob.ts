// Globs for `files.exclude` and `.mimlintrc.json` `ignore` (`**/node_modules`, `archive/*.config`,
// `{a,b{c,d}}`, `[abc]`, `install-?.cmd`), matched case-insensitively against relative paths with
// forward slashes. Pure: the CLI, the language server and the engine's project config all use it.
//
// Not a regular expression: a glob such as `*a*a*a*a*a*a*a*a*a*a*a*a*b` compiles to a regex that
// backtracks exponentially (picomatch 4.0.7's takes over a second on 30 characters and grows about
// tenfold every 4 more). Here braces are expanded first (bounded), and each alternative is matched
// segment by segment with the two-pointer wildcard algorithm, which never goes back further than the
// last `*` (or `**`): O(pattern × text) at worst.

/** A pattern that cannot be used; the message says why, in words for a config file's user. */
export class GlobError extends Error {}

export interface Glob {
  readonly source: string;
  /** Whether the relative path (forward slashes), or a folder above it, matches. */
  test(relativePath: string): boolean;
}

/** Longer patterns, or more brace alternatives, are refused: no real exclude needs them. */
const maxPatternLength = 1000;
const maxAlternatives = 64;

type CharToken = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; char: string } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };
/** One path segment's pattern, or `**`: any number of segments, none included. */
type SegmentPattern = { kind: 'globstar' } | { kind: 'segment'; tokens: CharToken[]; literal?: string };

/** Compiles `glob`, or throws a GlobError that says what is wrong with it. */
export function compileGlob(glob: string): Glob {
  if (glob.length > maxPatternLength) throw new GlobError(`it is longer than ${maxPatternLength} characters`);
  if (glob.startsWith('!')) throw new GlobError('negated patterns ("!…") are not supported');
  // An empty alternative (`{,x}` alone) would match every path: it matches none instead.
  const alternatives = expandBraces(glob)
    .filter((alternative) => alternative.split('/').some((segment) => segment !== ''))
    .map(compileAlternative);
  if (alternatives.length === 0) throw new GlobError('it names no file or folder');
  return {
    source: glob,
    test(relativePath: string): boolean {
      const segments = segmentsOf(relativePath);
      return alternatives.some((pattern) => matchSequence(pattern, segments, matchSegment));
    },
  };
}

/** The last path split, kept because every glob of a list tests the same path in turn. */
let lastPath: string | undefined;
let lastSegments: ReadonlyArray<ArrayLike<string>> = [];

function segmentsOf(relativePath: string): ReadonlyArray<ArrayLike<string>> {
  if (relativePath !== lastPath) {
    lastSegments = relativePath.toLowerCase().split('/').filter((segment) => segment !== '').map(characters);
    lastPath = relativePath;
  }
  return lastSegments;
}

/** Whether one of `globs` matches the relative path. */
export function excludedBy(globs: readonly Glob[], relativePath: string): boolean {
  return globs.some((glob) => glob.test(relativePath));
}

/** `a{b,c{d,e}}f` → abf, acdf, acef. An unclosed `{` is an error; a `}` without `{` is a character. */
function expandBraces(glob: string, offset = 0): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  const parts: string[] = [];
  let depth = 0;
  let partStart = open + 1;
  const partStarts: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === ',' && depth === 1) {
      parts.push(glob.slice(partStart, i));
      partStarts.push(partStart);
      partStart = i + 1;
    } else if (c === '}' && --depth === 0) {
      parts.push(glob.slice(partStart, i));
      partStarts.push(partStart);
      const prefix = glob.slice(0, open);
      const rest = expandBraces(glob.slice(i + 1), offset + i + 1);
      const expanded: string[] = [];
      for (const [n, part] of parts.entries()) {
        for (const inner of expandBraces(part, offset + partStarts[n])) {
          for (const tail of rest) {
            if (expanded.length === maxAlternatives) throw new GlobError(`its braces give more than ${maxAlternatives} alternatives`);
            expanded.push(prefix + inner + tail);
          }
        }
      }
      return expanded;
    }
  }
  throw new GlobError(`the "{" at character ${offset + open + 1} is never closed`);
}

function compileAlternative(glob: string): SegmentPattern[] {
  const segments: SegmentPattern[] = glob
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment === '**' ? { kind: 'globstar' } : compileNamePattern(segment)));
  // A pattern that matches a folder excludes everything below it.
  if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
  return segments;
}

/** A name without wildcards (`node_modules`) is compared as a whole string, the common case made cheap. */
function compileNamePattern(segment: string): SegmentPattern {
  const tokens = compileSegment(segment);
  const literal = tokens.every((token) => token.kind === 'char') ? segment.toLowerCase() : undefined;
  return { kind: 'segment', tokens, literal };
}

function compileSegment(segment: string): CharToken[] {
  const tokens: CharToken[] = [];
  const chars = Array.from(segment.toLowerCase());
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') {
      // `**` inside a segment (`a**b`) is a plain `*`; consecutive stars are one.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') i = compileClass(chars, i, tokens);
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]`, with `]` first taken literally; returns the index of the `]`. */
function compileClass(chars: string[], open: number, tokens: CharToken[]): number {
  let i = open + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  for (let first = true; i < chars.length && (first || chars[i] !== ']'); i++, first = false) {
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
      ranges.push([chars[i], chars[i + 2]]);
      i += 2;
    } else ranges.push([chars[i], chars[i]]);
  }
  if (i >= chars.length) {
    const rest = chars.slice(open);
    throw new GlobError(`the "[" of "${rest.slice(0, 20).join('')}${rest.length > 20 ? '…' : ''}" is never closed`);
  }
  tokens.push({ kind: 'class', negated, ranges });
  return i;
}

/**
 * The two-pointer wildcard match, generic over what a "star" and a "one" are: characters within a
 * segment, segments within a path. Elements other than the star match exactly one item, so on a
 * mismatch only the last star needs to take one more item: O(pattern × items).
 */
function matchSequence<P extends { kind: string }, T>(pattern: readonly P[], items: ArrayLike<T>, matchOne: (p: P, item: T) => boolean): boolean {
  const isStar = (p: P) => p.kind === 'star' || p.kind === 'globstar';
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < items.length) {
    if (p < pattern.length && isStar(pattern[p])) {
      starP = p++;
      starI = i;
    } else if (p < pattern.length && matchOne(pattern[p], items[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

function matchSegment(pattern: SegmentPattern, segment: ArrayLike<string>): boolean {
  if (pattern.kind !== 'segment') return false;
  if (pattern.literal !== undefined && typeof segment === 'string') return pattern.literal === segment;
  return matchSequence(pattern.tokens, segment, matchChar);
}

/** A segment's characters: the string itself (indexable) unless a surrogate pair must count as one for `?`. */
function characters(segment: string): ArrayLike<string> {
  return /[\uD800-\uDFFF]/.test(segment) ? Array.from(segment) : segment;
}

function matchChar(token: CharToken, char: string): boolean {
  switch (token.kind) {
    case 'one':
      return true;
    case 'char':
      return token.char === char;
    case 'class': {
      // Path and pattern are lower case; `[A-Z]` became `[a-z]`, and an upper-case range still matches.
      const upper = char.toUpperCase();
      const inClass = token.ranges.some(([from, to]) => (from <= char && char <= to) || (from <= upper && upper <= to));
      return inClass !== token.negated;
    }
    default:
      return false;
  }
}
