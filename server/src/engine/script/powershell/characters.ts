// Character classes of the PowerShell tokenizer. PowerShell accepts the typographic quotes and dashes
// that word processors put into copied scripts, so a script pasted from a blog reads the same here.

export function isWhitespace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b)
  );
}

export function isNewline(code: number): boolean {
  return code === 10 || code === 13;
}

/** `'` and its typographic forms. */
export function isSingleQuote(code: number): boolean {
  return code === 39 || (code >= 0x2018 && code <= 0x201b);
}

/** `"` and its typographic forms. */
export function isDoubleQuote(code: number): boolean {
  return code === 34 || (code >= 0x201c && code <= 0x201e);
}

/** `-` and the en/em dashes PowerShell also takes as the parameter marker. */
export function isDash(code: number): boolean {
  return code === 45 || (code >= 0x2013 && code <= 0x2015);
}

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 0x7f && !isWhitespace(code) && !isSingleQuote(code) && !isDoubleQuote(code) && !isDash(code));
}

/** Characters of a plain variable name (`$Media`, `$_`). */
export function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 95;
}

/** Length of a line break at `i` (\r\n counts as one break), 0 when there is none. */
export function newlineLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 13) return text.charCodeAt(i + 1) === 10 ? 2 : 1;
  return code === 10 ? 1 : 0;
}

/** The character a backtick escape stands for (`` `n `` is a newline, `` `" `` a quote). */
export function backtickEscape(ch: string): string {
  switch (ch) {
    case '0':
      return '\0';
    case 'a':
      return '\x07';
    case 'b':
      return '\b';
    case 'e':
      return '\x1b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return ch;
  }
}
