// Pass 1: PowerShell text into a flat list of tokens and the comments. The same rules serve command
// and expression mode: a bareword keeps `=`, `:`, `.` and `\` (so `ACCEPT_EULA=1` and `HKLM:\SOFTWARE`
// stay whole) and stops at blanks, separators, brackets, quotes and `$`, which start tokens of their
// own that the command reader glues back together when nothing separates them. Backtick + line break
// is a continuation and counts as a blank.
import type { ScriptComment } from '../model';
import { isDash, isDoubleQuote, isNameChar, isNewline, isSingleQuote, isWhitespace, newlineLength, backtickEscape } from './characters';
import {
  normaliseVariableName,
  opensHereString,
  pushText,
  scanBracedName,
  scanDoubleQuoted,
  scanHereString,
  scanSingleQuoted,
  scanVariableName,
  type StringPart,
} from './strings';

export type TokenKind =
  | 'word'
  | 'string'
  | 'variable'
  | 'splat'
  | 'newline'
  | 'semicolon'
  | 'pipe'
  | 'chain'
  | 'comma'
  | 'assign'
  | 'call'
  | 'redirect'
  | 'verbatim'
  | 'open'
  | 'close';

export interface LexToken {
  kind: TokenKind;
  start: number;
  end: number;
  /** Blank, line start or continuation right before the token: it does not glue to the previous one. */
  spaceBefore: boolean;
  /**
   * word: the text after backtick escapes; variable/splat: the name, lower-cased, scope removed;
   * open/close: the bracket (`(`, `@(`, `$(`, `@{`, `{`, `[`, `)`, `}`, `]`); verbatim: the raw rest of
   * the line after `--%`; others: the source text.
   */
  text: string;
  /** string, and a word with backtick escapes: the value with the source of each run (a plain word's text is its source). */
  parts?: StringPart[];
}

export interface Lexed {
  tokens: LexToken[];
  comments: ScriptComment[];
}

export function lex(text: string): Lexed {
  const tokens: LexToken[] = [];
  const comments: ScriptComment[] = [];
  let i = 0;
  let spaceBefore = true;
  // Inside `[…]` (types, attributes, indexes) `[` and `]` end a word; elsewhere they are part of it.
  let openBrackets = 0;
  const push = (kind: TokenKind, start: number, end: number, tokenText: string, parts?: StringPart[]) => {
    tokens.push({ kind, start, end, spaceBefore, text: tokenText, parts });
    spaceBefore = false;
    i = end;
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isWhitespace(code)) {
      i++;
      spaceBefore = true;
    } else if (code === 96 /* ` */ && (isNewline(next) || i + 1 >= text.length)) {
      i += 1 + newlineLength(text, i + 1);
      spaceBefore = true;
    } else if (isNewline(code)) {
      push('newline', i, i + newlineLength(text, i), '\n');
      spaceBefore = true;
    } else if (code === 35 /* # */) {
      let end = i;
      while (end < text.length && !isNewline(text.charCodeAt(end))) end++;
      comments.push({ start: i, end, text: text.slice(i + 1, end) });
      i = end;
      spaceBefore = true;
    } else if (code === 60 /* < */ && next === 35) {
      const close = text.indexOf('#>', i + 2);
      const end = close < 0 ? text.length : close + 2;
      comments.push({ start: i, end, text: text.slice(i + 2, close < 0 ? end : close) });
      i = end;
      spaceBefore = true;
    } else if (code === 59 /* ; */) push('semicolon', i, i + 1, ';');
    else if (code === 124 /* | */) push(next === 124 ? 'chain' : 'pipe', i, next === 124 ? i + 2 : i + 1, next === 124 ? '||' : '|');
    else if (code === 38 /* & */) push(next === 38 ? 'chain' : 'call', i, next === 38 ? i + 2 : i + 1, next === 38 ? '&&' : '&');
    else if (code === 44 /* , */) push('comma', i, i + 1, ',');
    else if (code === 40 || code === 123 || code === 91) {
      if (code === 91) openBrackets++;
      push('open', i, i + 1, text[i]);
    } else if (code === 41 || code === 125 || code === 93) {
      if (code === 93) openBrackets = Math.max(0, openBrackets - 1);
      push('close', i, i + 1, text[i]);
    }
    else if (code === 61 /* = */) push('assign', i, i + 1, '=');
    else if ((code === 43 || isDash(code) || code === 42 || code === 47 || code === 37) && next === 61 && spaceBefore) {
      push('assign', i, i + 2, text.slice(i, i + 2));
    } else if (code === 46 /* . */ && (isWhitespace(next) || i + 1 >= text.length) && spaceBefore) push('call', i, i + 1, '.');
    else if (code === 64 /* @ */) lexAt();
    else if (code === 36 /* $ */) lexDollar();
    else if (isSingleQuote(code)) {
      const scanned = scanSingleQuoted(text, i);
      push('string', i, scanned.end, '', scanned.parts);
    } else if (isDoubleQuote(code)) {
      const scanned = scanDoubleQuoted(text, i);
      push('string', i, scanned.end, '', scanned.parts);
    } else if (redirectionLength(text, i) > 0) push('redirect', i, i + redirectionLength(text, i), text.slice(i, i + redirectionLength(text, i)));
    else lexWord();
  }
  return { tokens, comments };

  function lexAt(): void {
    const next = text.charCodeAt(i + 1);
    if (next === 40 || next === 123) push('open', i, i + 2, text.slice(i, i + 2));
    else if (opensHereString(text, i)) {
      const scanned = scanHereString(text, i);
      push('string', i, scanned.end, '', scanned.parts);
    } else if (isNameChar(next)) {
      const end = scanVariableName(text, i + 1, text.length);
      push('splat', i, end, normaliseVariableName(text.slice(i + 1, end)));
    } else lexWord();
  }

  function lexDollar(): void {
    const next = text.charCodeAt(i + 1);
    if (next === 40) push('open', i, i + 2, '$(');
    else if (next === 123) {
      const braced = scanBracedName(text, i + 2, text.length);
      push('variable', i, braced.end, normaliseVariableName(braced.name));
    } else {
      const end = scanVariableName(text, i + 1, text.length);
      if (end > i + 1) push('variable', i, end, normaliseVariableName(text.slice(i + 1, end)));
      else lexWord();
    }
  }

  function lexWord(): void {
    const start = i;
    let j = i;
    // Most words have no escape: one slice, one part.
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === 96 || (j > start && (endsWord(code) || ((code === 93 || code === 91) && openBrackets > 0)))) break;
      j++;
    }
    if (j < text.length && text.charCodeAt(j) === 96) {
      lexEscapedWord(start);
      return;
    }
    const word = text.slice(start, j);
    push('word', start, j, word);
    if (word === '--%') lexVerbatim();
  }

  function lexEscapedWord(start: number): void {
    const parts: StringPart[] = [];
    let runStart = start;
    let j = start;
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === 96 /* ` */) {
        if (j + 1 >= text.length || isNewline(text.charCodeAt(j + 1))) break;
        pushText(parts, text.slice(runStart, j), runStart, j, true);
        pushText(parts, backtickEscape(text[j + 1]), j, j + 2, false);
        j += 2;
        runStart = j;
        continue;
      }
      if (j > start && (endsWord(code) || ((code === 93 /* ] */ || code === 91) /* [ */ && openBrackets > 0))) break;
      j++;
    }
    pushText(parts, text.slice(runStart, j), runStart, j, true);
    const word = parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
    push('word', start, j, word, parts);
  }

  /** `--%` passes the rest of the line to the program untouched. */
  function lexVerbatim(): void {
    let from = i;
    while (from < text.length && isWhitespace(text.charCodeAt(from))) from++;
    let end = from;
    while (end < text.length && !isNewline(text.charCodeAt(end))) end++;
    if (end > from) {
      spaceBefore = true;
      push('verbatim', from, end, text.slice(from, end));
    }
  }
}

function endsWord(code: number): boolean {
  return (
    isWhitespace(code) ||
    isNewline(code) ||
    code === 59 || // ;
    code === 124 || // |
    code === 38 || // &
    code === 44 || // ,
    code === 40 || // (
    code === 41 || // )
    code === 123 || // {
    code === 125 || // }
    code === 36 || // $
    code === 62 || // >
    isSingleQuote(code) ||
    isDoubleQuote(code)
  );
}

/** `>`, `>>`, `2>`, `2>&1`, `*>` … at `i`, or 0. */
function redirectionLength(text: string, i: number): number {
  let j = i;
  const first = text.charCodeAt(j);
  if (first === 42 || (first >= 49 && first <= 54)) j++;
  if (text.charCodeAt(j) !== 62) return 0;
  j++;
  if (text.charCodeAt(j) === 62) j++;
  else if (text.charCodeAt(j) === 38 && text.charCodeAt(j + 1) >= 49 && text.charCodeAt(j + 1) <= 54) j += 2;
  return j - i;
}
