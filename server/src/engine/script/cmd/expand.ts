// Pass 2: %NAME% expansion with the variables set earlier in the file. Expanded characters point at
// the `%NAME%` reference they came from, so a finding on an expanded value still lands on the text the
// admin wrote. Values the reader cannot know (%1, %*, unset names, %VAR:~0,4%) stay as written and are
// marked unresolved.
import { CharRun, unresolvedFlag } from './char-run';

export type Variables = Map<string, CharRun>;

/**
 * The longest value a variable keeps, as for PowerShell values: `set A=%A%%A%` doubles on every line,
 * and a 368-byte file reached 2.7 GB. A longer value is forgotten (later references stay unresolved).
 */
export const maxValueLength = 16_384;

/** `!NAME!` under `setlocal EnableDelayedExpansion`: the value at run time, read here in file order. */
export function expandDelayed(chars: CharRun, variables: Variables, out: CharRun): CharRun {
  if (chars.indexOf(33 /* ! */) < 0) return chars;
  out.reset(chars.length + 16);
  for (let i = 0; i < chars.length; i++) {
    const close = chars.code(i) === 33 && !chars.isLiteral(i) ? chars.indexOf(33, i + 1) : -1;
    const name = close > i + 1 && close - i < 256 ? chars.text(i + 1, close) : '';
    const value = name && !/[\s:%]/.test(name) ? variables.get(name.toUpperCase()) : undefined;
    if (!value || out.length + value.length > maxValueLength * 4) {
      out.pushFrom(chars, i);
      continue;
    }
    const start = chars.start(i);
    const end = chars.end(close);
    for (let v = 0; v < value.length; v++) out.pushCode(value.code(v), start, end, value.flags(v));
    i = close;
  }
  return out;
}

/** `out`: a buffer to reuse for the result (its content is replaced). */
export function expandPercent(chars: CharRun, variables: Variables, scriptDirectory: string, out = new CharRun(chars.length + 16)): CharRun {
  // Most lines reference no variable: nothing to copy.
  if (chars.indexOf(37 /* % */) < 0) return chars;
  out.reset(chars.length + 16);
  for (let i = 0; i < chars.length; i++) {
    if (chars.code(i) !== 37 || chars.isLiteral(i)) {
      out.pushFrom(chars, i);
      continue;
    }
    const start = chars.start(i);
    if (chars.code(i + 1) === 37) {
      out.push('%', start, chars.end(i + 1), chars.flags(i));
      i++;
      continue;
    }
    // %0 … %9, %*, %~dp0 and friends: batch parameters.
    const parameter = /^(\*|~[a-z]*\d|\d)/i.exec(chars.text(i + 1, i + 12));
    if (parameter) {
      const lastEnd = chars.end(i + parameter[0].length);
      const known = /^~dp0$/i.test(parameter[0]) ? scriptDirectory : undefined;
      pushValue(out, known ?? '%' + parameter[0], start, lastEnd, known === undefined);
      i += parameter[0].length;
      continue;
    }
    let close = i + 1;
    while (close < chars.length && chars.code(close) !== 37 && close - i < 256) close++;
    if (close >= chars.length || chars.code(close) !== 37) {
      out.pushFrom(chars, i);
      continue;
    }
    const name = chars.text(i + 1, close);
    const value = variables.get(name.toUpperCase());
    const end = chars.end(close);
    if (value && !name.includes(':')) {
      for (let v = 0; v < value.length; v++) out.pushCode(value.code(v), start, end, value.flags(v));
    } else {
      pushValue(out, chars.text(i, close + 1), start, end, true);
    }
    i = close;
  }
  return out;
}

function pushValue(out: CharRun, value: string, start: number, end: number, unresolved: boolean): void {
  for (const ch of value) out.push(ch, start, end, unresolved ? unresolvedFlag : 0);
}
