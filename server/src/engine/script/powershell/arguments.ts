// Command arguments as PowerShell binds them: nodes glued together without blanks form one argument
// (`$Media\setup.msi`, `-Name:'x'`), commas make arrays, `-Name` is a parameter, and a parameter takes
// the next argument as its value unless it is a switch.
import { isDash, isLetter } from './characters';
import type { LexToken } from './lexer';
import { isGroup, isToken, type Node } from './tree';

export type Unit =
  /** `-Name` or `-Name:`; `name` lower-cased without the dash and colon. */
  | { kind: 'parameter'; name: string; colon: boolean; token: LexToken; start: number; end: number }
  /** One argument: `items` holds one glued node run per array item (more than one when written with commas). */
  | { kind: 'value'; items: Node[][]; start: number; end: number }
  | { kind: 'splat'; token: LexToken; start: number; end: number }
  | { kind: 'verbatim'; token: LexToken; start: number; end: number }
  /** `> file`, `2>&1`: not an argument of the program. */
  | { kind: 'redirect'; start: number; end: number };

export type ValueUnit = Extract<Unit, { kind: 'value' }>;
export type ParameterUnit = Extract<Unit, { kind: 'parameter' }>;

export function isParameterWord(node: Node | undefined): node is LexToken & { kind: 'word' } {
  return isToken(node, 'word') && node.text.length > 1 && isDash(node.text.charCodeAt(0)) && isLetter(node.text.charCodeAt(1));
}

export function argumentUnits(nodes: readonly Node[]): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  const skipNewlines = () => {
    while (isToken(nodes[i], 'newline')) i++;
  };
  /** The nodes glued to nodes[i] (no blank between them). */
  const glued = (): Node[] => {
    const run: Node[] = [nodes[i++]];
    while (i < nodes.length && !nodes[i].spaceBefore && gluable(nodes[i])) run.push(nodes[i++]);
    return run;
  };
  while (i < nodes.length) {
    const node = nodes[i];
    if (isToken(node, 'newline') || isToken(node, 'comma')) {
      i++;
    } else if (isParameterWord(node)) {
      const cut = node.text.indexOf(':');
      const colon = cut > 0;
      const name = node.text.slice(1, colon ? cut : undefined).toLowerCase();
      i++;
      // `-Value:0` is one word: its value is the part after the colon.
      if (colon && cut < node.text.length - 1) {
        const value = afterColon(node, cut);
        const parameter = { ...node, text: node.text.slice(0, cut + 1), end: Math.max(node.start + cut + 1, value.start) };
        units.push({ kind: 'parameter', name, colon, token: parameter, start: parameter.start, end: parameter.end });
        units.push({ kind: 'value', items: [[value]], start: value.start, end: value.end });
      } else {
        units.push({ kind: 'parameter', name, colon, token: node, start: node.start, end: node.end });
      }
    } else if (isToken(node, 'splat') || isToken(node, 'verbatim')) {
      units.push({ kind: node.kind, token: node, start: node.start, end: node.end });
      i++;
    } else if (isToken(node, 'redirect')) {
      i++;
      let end = node.end;
      if (!node.text.includes('&') && i < nodes.length && gluable(nodes[i])) end = glued().at(-1)!.end;
      units.push({ kind: 'redirect', start: node.start, end });
    } else if (gluable(node)) {
      const items = [glued()];
      for (;;) {
        const save = i;
        skipNewlines();
        if (!isToken(nodes[i], 'comma')) {
          i = save;
          break;
        }
        i++;
        skipNewlines();
        if (i >= nodes.length || !gluable(nodes[i])) break;
        items.push(glued());
      }
      units.push({ kind: 'value', items, start: items[0][0].start, end: items.at(-1)!.at(-1)!.end });
    } else {
      i++;
    }
  }
  return units;
}

function afterColon(word: LexToken, cut: number): LexToken {
  const text = word.text.slice(cut + 1);
  const exact = word.parts === undefined;
  const start = exact ? word.start + cut + 1 : word.start;
  return { ...word, spaceBefore: false, start, text, parts: [{ kind: 'text', text, start, end: word.end, exact }] };
}

function gluable(node: Node): boolean {
  if (isGroup(node)) return true;
  return node.kind === 'word' || node.kind === 'string' || node.kind === 'variable';
}

export interface Binding {
  named: Map<string, { parameter: ParameterUnit; value: ValueUnit | undefined }>;
  positional: ValueUnit[];
  /** All units in order, as bound. */
  units: Unit[];
}

/** Binds parameters to values; `isSwitch` says which parameter names take no value. */
export function bind(units: Unit[], isSwitch: (name: string) => boolean): Binding {
  const named: Binding['named'] = new Map();
  const positional: ValueUnit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.kind === 'value') {
      positional.push(unit);
      continue;
    }
    if (unit.kind !== 'parameter') continue;
    const next = units[i + 1];
    let value: ValueUnit | undefined;
    if (next?.kind === 'value' && (unit.colon || !isSwitch(unit.name))) {
      value = next;
      i++;
    }
    if (!named.has(unit.name)) named.set(unit.name, { parameter: unit, value });
  }
  return { named, positional, units };
}

/** Switch parameters of the cmdlets install scripts use: they never take the next argument. */
const commonSwitches = new Set([
  'force',
  'wait',
  'passthru',
  'nonewwindow',
  'loaduserprofile',
  'usenewenvironment',
  'recurse',
  'whatif',
  'confirm',
  'verbose',
  'debug',
  'asjob',
  'resolve',
  'append',
  'noclobber',
  'notypeinformation',
  'raw',
  'trustservercertificate',
  'encryptconnection',
  'includesqlusererrors',
  'abortonerror',
  'disablevariables',
  'disablecommands',
  'ignoreprovidercontext',
  'suppressprovidercontextwarning',
  'alternatesignaturealgorithm',
  'smimecapabilities',
]);

export function isCommonSwitch(name: string): boolean {
  return commonSwitches.has(name);
}

/** The named entry whose name is an unambiguous prefix of `fullName` (or one of its aliases). */
export function namedFor<T>(named: Map<string, T>, fullName: string, aliases: readonly string[] = []): T | undefined {
  for (const [name, entry] of named) {
    if (name.length > 0 && (fullName.startsWith(name) || aliases.includes(name))) return entry;
  }
  return undefined;
}
