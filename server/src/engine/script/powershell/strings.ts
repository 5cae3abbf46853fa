// String literals: '…' (no expansion, '' escapes a quote), "…" (backtick escapes, $name, ${name} and
// $(…) inside), and the here-strings @'…'@ and @"…"@ whose closing marker starts a line. Each literal
// becomes parts that remember where every run of text came from, so tokens cut out of a string later
// still point at the characters the admin wrote.
import { backtickEscape, isDoubleQuote, isNameChar, isNewline, isSingleQuote, isWhitespace, newlineLength } from './characters';

export type StringPart =
  /** Literal text; `exact` when it is the source slice start..end character for character. */
  | { kind: 'text'; text: string; start: number; end: number; exact: boolean }
  /** `$name` or `${name}`; `name` is lower-cased without a scope prefix. */
  | { kind: 'variable'; name: string; start: number; end: number }
  /** `$(…)`: only known by running the script. */
  | { kind: 'subexpression'; start: number; end: number };

export interface ScannedString {
  parts: StringPart[];
  /** Offset after the closing quote (or the end of the text when the string is not closed). */
  end: number;
}

/** Appends literal text, merging it into the previous part when both are exact neighbours. */
export function pushText(parts: StringPart[], text: string, start: number, end: number, exact: boolean): void {
  if (text.length === 0 && start === end) return;
  const last = parts[parts.length - 1];
  if (exact && last?.kind === 'text' && last.exact && last.end === start) {
    last.text += text;
    last.end = end;
    return;
  }
  parts.push({ kind: 'text', text, start, end, exact });
}

/** `'…'` starting at the opening quote. */
export function scanSingleQuoted(text: string, open: number): ScannedString {
  const parts: StringPart[] = [];
  let runStart = open + 1;
  let i = runStart;
  while (i < text.length) {
    if (isSingleQuote(text.charCodeAt(i))) {
      pushText(parts, text.slice(runStart, i), runStart, i, true);
      if (isSingleQuote(text.charCodeAt(i + 1))) {
        pushText(parts, text[i + 1], i, i + 2, false);
        i += 2;
        runStart = i;
        continue;
      }
      return { parts, end: i + 1 };
    }
    i++;
  }
  pushText(parts, text.slice(runStart), runStart, text.length, true);
  return { parts, end: text.length };
}

/** `"…"` starting at the opening quote. */
export function scanDoubleQuoted(text: string, open: number): ScannedString {
  return scanExpandable(text, open + 1, text.length, true);
}

/** True when `@` at `at` opens a here-string: the quote is followed only by blanks up to the line end. */
export function opensHereString(text: string, at: number): boolean {
  const quote = text.charCodeAt(at + 1);
  if (!isSingleQuote(quote) && !isDoubleQuote(quote)) return false;
  let i = at + 2;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i >= text.length || isNewline(text.charCodeAt(i));
}

/** `@'…'@` or `@"…"@` starting at `@`; the content runs from the line after the opener to the line break before the closer. */
export function scanHereString(text: string, at: number): ScannedString {
  const expandable = isDoubleQuote(text.charCodeAt(at + 1));
  let i = at + 2;
  while (i < text.length && !isNewline(text.charCodeAt(i))) i++;
  const contentStart = i + newlineLength(text, i);
  i = contentStart;
  while (i < text.length) {
    const breakLength = newlineLength(text, i);
    if (breakLength === 0) {
      i++;
      continue;
    }
    const next = i + breakLength;
    const quote = text.charCodeAt(next);
    if (text.charCodeAt(next + 1) === 64 /* @ */ && (expandable ? isDoubleQuote(quote) : isSingleQuote(quote))) {
      const contentEnd = Math.max(contentStart, i);
      return { parts: hereContent(text, contentStart, contentEnd, expandable), end: next + 2 };
    }
    i = next;
  }
  return { parts: hereContent(text, contentStart, text.length, expandable), end: text.length };
}

function hereContent(text: string, start: number, end: number, expandable: boolean): StringPart[] {
  if (expandable) return scanExpandable(text, start, end, false).parts;
  const parts: StringPart[] = [];
  pushText(parts, text.slice(start, end), start, end, true);
  return parts;
}

/**
 * The inside of an expandable string from `from` up to `limit`. A "…" string (`quoted`) ends at an
 * unescaped quote; `""` inside it is one quote. Here-string content has no closing quote.
 */
function scanExpandable(text: string, from: number, limit: number, quoted: boolean): ScannedString {
  const parts: StringPart[] = [];
  let runStart = from;
  let i = from;
  const flush = (at: number) => {
    pushText(parts, text.slice(runStart, at), runStart, at, true);
  };
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (quoted && isDoubleQuote(code)) {
      flush(i);
      if (i + 1 < limit && isDoubleQuote(text.charCodeAt(i + 1))) {
        pushText(parts, text[i + 1], i, i + 2, false);
        i += 2;
        runStart = i;
        continue;
      }
      return { parts, end: i + 1 };
    }
    if (code === 96 /* ` */ && i + 1 < limit) {
      flush(i);
      pushText(parts, backtickEscape(text[i + 1]), i, i + 2, false);
      i += 2;
      runStart = i;
      continue;
    }
    if (code === 36 /* $ */) {
      const reference = scanDollar(text, i, limit);
      if (reference) {
        flush(i);
        parts.push(reference);
        i = reference.end;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  flush(limit);
  return { parts, end: limit };
}

/** What `$` at `at` starts inside an expandable string, or undefined when it is a literal `$`. */
function scanDollar(text: string, at: number, limit: number): StringPart | undefined {
  const next = text.charCodeAt(at + 1);
  if (next === 40 /* ( */) return { kind: 'subexpression', start: at, end: skipSubexpression(text, at + 2, limit) };
  if (next === 123 /* { */) {
    const braced = scanBracedName(text, at + 2, limit);
    return { kind: 'variable', name: normaliseVariableName(braced.name), start: at, end: braced.end };
  }
  const nameEnd = scanVariableName(text, at + 1, limit);
  if (nameEnd === at + 1) return undefined;
  return { kind: 'variable', name: normaliseVariableName(text.slice(at + 1, nameEnd)), start: at, end: nameEnd };
}

/** End of a plain variable name starting at `from`: `Media`, `env:Path`, `_`, or one of `$?^`. */
export function scanVariableName(text: string, from: number, limit: number): number {
  const first = text.charCodeAt(from);
  if (from < limit && (first === 36 || first === 63 || first === 94)) return from + 1;
  let i = from;
  while (i < limit && isNameChar(text.charCodeAt(i))) i++;
  // A scope or drive qualifier (`env:`, `script:`) only when a name follows it.
  if (i > from && text.charCodeAt(i) === 58 /* : */ && i + 1 < limit && isNameChar(text.charCodeAt(i + 1))) {
    i++;
    while (i < limit && isNameChar(text.charCodeAt(i))) i++;
  }
  return i;
}

/** `${…}` from after the brace: the name up to `}` (a backtick escapes the next character). */
export function scanBracedName(text: string, from: number, limit: number): { name: string; end: number } {
  let name = '';
  let i = from;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (code === 125 /* } */) return { name, end: i + 1 };
    if (code === 96 && i + 1 < limit) {
      name += text[i + 1];
      i += 2;
      continue;
    }
    name += text[i];
    i++;
  }
  return { name, end: limit };
}

const scopePrefix = /^(?:script|global|local|private|using):/;

/** Variable names are case-insensitive; `$script:x` and `$x` name the same value for a script read top to bottom. */
export function normaliseVariableName(name: string): string {
  return name.toLowerCase().replace(scopePrefix, '');
}

/**
 * End of `$(…)` whose content starts at `from`: nested parentheses, '…' and "…" strings (with their
 * own `$(…)`) are skipped with an explicit stack, so deeply nested input cannot overflow the call stack.
 */
export function skipSubexpression(text: string, from: number, limit: number): number {
  // Each entry is the parenthesis depth of a code frame, or -1 for a "…" string frame.
  const frames: number[] = [1];
  let i = from;
  while (i < limit) {
    const code = text.charCodeAt(i);
    const top = frames.length - 1;
    if (frames[top] === -1) {
      if (code === 96) i += 2;
      else if (isDoubleQuote(code)) {
        if (i + 1 < limit && isDoubleQuote(text.charCodeAt(i + 1))) i += 2;
        else {
          frames.pop();
          i++;
        }
      } else if (code === 36 && text.charCodeAt(i + 1) === 40) {
        frames.push(1);
        i += 2;
      } else i++;
      continue;
    }
    if (isSingleQuote(code)) {
      i = skipSingleQuoted(text, i + 1, limit);
      continue;
    }
    if (isDoubleQuote(code)) frames.push(-1);
    else if (code === 96) i++;
    else if (code === 40) frames[top]++;
    else if (code === 41 && --frames[top] === 0) {
      frames.pop();
      if (frames.length === 0) return i + 1;
    }
    i++;
  }
  return Math.min(i, limit);
}

/** Offset after the '…' string whose content starts at `from`, never past `limit`. */
function skipSingleQuoted(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    if (isSingleQuote(text.charCodeAt(i))) {
      if (i + 1 < limit && isSingleQuote(text.charCodeAt(i + 1))) i += 2;
      else return i + 1;
    } else i++;
  }
  return limit;
}
