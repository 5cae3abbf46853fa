// Pass 2: %NAME% expansion with the variables set earlier in the file. Expanded characters point at
// the `%NAME%` reference they came from, so a finding on an expanded value still lands on the text the
// admin wrote. Values the reader cannot know (%1, %*, unset names, %VAR:~0,4%) stay as written and are
// marked unresolved.
import type { SourceChar } from './logical-lines';

export type Variables = Map<string, SourceChar[]>;

export function expandPercent(chars: readonly SourceChar[], variables: Variables, scriptDirectory: string): SourceChar[] {
  const out: SourceChar[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.ch !== '%' || c.literal) {
      out.push(c);
      continue;
    }
    const next = chars[i + 1];
    if (next?.ch === '%') {
      out.push({ ...c, end: next.end });
      i++;
      continue;
    }
    // %0 … %9, %*, %~dp0 and friends: batch parameters.
    const parameter = /^(\*|~[a-z]*\d|\d)/i.exec(charsText(chars, i + 1, i + 12));
    if (parameter) {
      const last = chars[i + parameter[0].length];
      const known = /^~dp0$/i.test(parameter[0]) ? scriptDirectory : undefined;
      pushValue(out, known ?? '%' + parameter[0], c.start, last.end, known === undefined);
      i += parameter[0].length;
      continue;
    }
    let close = i + 1;
    while (close < chars.length && chars[close].ch !== '%' && close - i < 256) close++;
    if (close >= chars.length || chars[close].ch !== '%') {
      out.push(c);
      continue;
    }
    const name = charsText(chars, i + 1, close);
    const value = variables.get(name.toUpperCase());
    const start = c.start;
    const end = chars[close].end;
    if (value && !name.includes(':')) {
      for (const v of value) out.push({ ch: v.ch, start, end, literal: v.literal, unresolved: v.unresolved });
    } else {
      pushValue(out, charsText(chars, i, close + 1), start, end, true);
    }
    i = close;
  }
  return out;
}

function pushValue(out: SourceChar[], value: string, start: number, end: number, unresolved: boolean): void {
  for (const ch of value) out.push({ ch, start, end, literal: false, unresolved });
}

export function charsText(chars: readonly SourceChar[], from = 0, to = chars.length): string {
  let s = '';
  for (let i = from; i < to && i < chars.length; i++) s += chars[i].ch;
  return s;
}
