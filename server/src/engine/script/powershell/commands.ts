// Pass 4: one statement's pipelines into commands. `$p = Start-Process …` runs Start-Process,
// `a | b` runs both, `& "…\msiexec.exe" …` runs msiexec. Start-Process of a known program is reported
// as that program (`via: 'start-process'`) with the arguments the program receives; a cmdlet gets its
// parameters by name, splatted hashtables included.
import type { ScriptCommand, Token } from '../model';
import { argumentUnits, bind, isCommonSwitch, type Unit, type ValueUnit } from './arguments';
import { nativeArgument, splitArgumentItem, splitCommandLine } from './command-line';
import { splitAt, type Evaluator } from './evaluate';
import type { LexToken } from './lexer';
import { isCmdletName, isStartProcessSwitch, programName, startProcessParameter } from './program-names';
import { keywords } from './statements';
import { isGroup, isToken, type Node } from './tree';
import { knownScalar, scalarize, tokenOf, unknownScalar, valueToken, valueTokens, type Scalar, type Value } from './values';

/** Where a command's statement is: every command found in it (nested ones too) shares this. */
export interface StatementContext {
  start: number;
  end: number;
  indent: string;
  depth: number;
}

export interface Assignment {
  /** Lower-cased variable name; undefined when a property or index is assigned (`$x.Y = …`). */
  name: string | undefined;
  operator: string;
  rhs: Node[];
}

/** `[type] $name = …`, `$name += …`, `$x.Prop = …`. */
export function assignmentOf(nodes: readonly Node[]): Assignment | undefined {
  let i = 0;
  while (isGroup(nodes[i], '[')) i++;
  const variable = nodes[i];
  if (!isToken(variable, 'variable')) return undefined;
  let member = false;
  for (i++; i < nodes.length && !isToken(nodes[i], 'assign'); i++) {
    const node = nodes[i];
    const glued = !node.spaceBefore && (isGroup(node, '[') || (isToken(node, 'word') && node.text.startsWith('.')));
    if (!glued) return undefined;
    member = true;
  }
  const operator = nodes[i];
  if (!isToken(operator, 'assign')) return undefined;
  return { name: member ? undefined : variable.text, operator: operator.text, rhs: nodes.slice(i + 1) };
}

export function commandsOfStatement(nodes: readonly Node[], context: StatementContext, evaluator: Evaluator): ScriptCommand[] {
  let body = nodes;
  const first = body[0];
  if (isToken(first, 'word') && keywords.has(first.text.toLowerCase())) {
    const keyword = first.text.toLowerCase();
    if (keyword !== 'return' && keyword !== 'throw' && keyword !== 'exit') return [];
    body = body.slice(1);
  }
  body = assignmentOf(body)?.rhs ?? body;
  const commands: ScriptCommand[] = [];
  for (const element of splitAt(body, (n) => isToken(n, 'pipe') || isToken(n, 'chain'))) {
    const command = commandOf(element, context, evaluator);
    if (command) commands.push(command);
  }
  return commands;
}

function commandOf(element: readonly Node[], context: StatementContext, evaluator: Evaluator): ScriptCommand | undefined {
  const first = element[0];
  let via: string | undefined;
  let nameAt = 0;
  if (isToken(first, 'call')) {
    via = first.text;
    nameAt = 1;
  } else if (!isToken(first, 'word') || !isCommandWord(first.text)) {
    return undefined;
  }
  // `& { … }` runs a script block: its statements are read as a block of their own.
  if (nameAt >= element.length || isGroup(element[nameAt], '{')) return undefined;
  let argsAt = nameAt + 1;
  while (argsAt < element.length && !element[argsAt].spaceBefore && !isToken(element[argsAt], 'comma')) argsAt++;
  const nameScalar = scalarize(evaluator.argument(element.slice(nameAt, argsAt)), () => '');
  const nameToken = tokenOf(nameScalar);
  const invoked = {
    name: programName(nameToken.text),
    nameToken,
    units: argumentUnits(element.slice(argsAt)),
    via,
    start: first.start,
    end: element[element.length - 1].end,
  };
  if (invoked.name === 'start-process') return startProcess(invoked, context, evaluator);
  if (invoked.name === 'msiexec') {
    return finish(invoked, context, { args: programArguments(invoked.units, evaluator), named: {}, positional: [] });
  }
  return finish(invoked, context, bindCommand(invoked.units, isCmdletName(invoked.name), isCommonSwitch, evaluator));
}

/** A statement's first word runs a command unless it is an operator, a number or a keyword. */
function isCommandWord(word: string): boolean {
  return /^[\p{L}_.\\%?]/u.test(word) && !keywords.has(word.toLowerCase());
}

interface Invoked {
  name: string;
  nameToken: Token;
  units: Unit[];
  via: string | undefined;
  start: number;
  end: number;
}

interface Bound {
  args: Token[];
  named: Record<string, Token>;
  positional: Token[];
}

function finish(invoked: Invoked, context: StatementContext, bound: Bound): ScriptCommand {
  return {
    name: invoked.name,
    nameToken: invoked.nameToken,
    ...bound,
    ...(invoked.via === undefined ? {} : { via: invoked.via }),
    start: invoked.start,
    end: invoked.end,
    statementStart: context.start,
    statementEnd: context.end,
    indent: context.indent,
    depth: context.depth,
  };
}

/** Named values after binding, splatted hashtables included; `undefined` value for a switch. */
interface NamedValue {
  value: Value | undefined;
  /** The `-Name` token, for a switch's range. */
  parameter: LexToken | undefined;
  start: number;
  end: number;
}

interface Parameters {
  named: Map<string, NamedValue>;
  positional: Value[];
}

function parametersOf(units: Unit[], isSwitch: (name: string) => boolean, evaluator: Evaluator): Parameters {
  const binding = bind(units, isSwitch);
  const named = new Map<string, NamedValue>();
  for (const [name, { parameter, value }] of binding.named) {
    named.set(name, { value: value && unitValue(value, evaluator), parameter: parameter.token, start: parameter.start, end: value?.end ?? parameter.end });
  }
  const positional = binding.positional.map((unit) => unitValue(unit, evaluator));
  for (const unit of units) {
    if (unit.kind !== 'splat') continue;
    const splatted = evaluator.variables.get(unit.token.text);
    if (splatted?.kind === 'hashtable') {
      for (const entry of splatted.entries) {
        if (!named.has(entry.key)) named.set(entry.key, { value: entry.value, parameter: undefined, start: entry.value.start, end: entry.value.end });
      }
    } else if (splatted?.kind === 'array') {
      positional.push(...splatted.items);
    }
  }
  return { named, positional };
}

function bindCommand(units: Unit[], cmdlet: boolean, isSwitch: (name: string) => boolean, evaluator: Evaluator): Bound {
  const { named, positional } = parametersOf(units, isSwitch, evaluator);
  const source = (start: number, end: number) => evaluator.source(start, end);
  const namedTokens: Record<string, Token> = {};
  for (const [name, entry] of named) {
    // The names come from the script: `__proto__` would set the prototype instead of a key.
    if (name !== '__proto__') namedTokens[name] = entry.value ? valueToken(entry.value, source) : switchToken(entry);
  }
  const args = cmdlet ? cmdletArguments(units, evaluator) : programArguments(units, evaluator);
  return { args, named: namedTokens, positional: positional.map((value) => valueToken(value, source)) };
}

function switchToken(entry: NamedValue): Token {
  return { text: 'true', start: entry.start, end: entry.end, resolved: true, quoted: false };
}

function unitValue(unit: ValueUnit, evaluator: Evaluator): Value {
  if (unit.items.length === 1) return evaluator.argument(unit.items[0]);
  const items: Scalar[] = [];
  for (const item of unit.items) {
    const value = evaluator.argument(item);
    if (value.kind === 'array') items.push(...value.items);
    else items.push(scalarize(value, () => evaluator.source(value.start, value.end)));
  }
  return { kind: 'array', items, start: unit.start, end: unit.end };
}

/** A cmdlet's arguments in order: parameter names as written, values flattened. */
function cmdletArguments(units: Unit[], evaluator: Evaluator): Token[] {
  const source = (start: number, end: number) => evaluator.source(start, end);
  const args: Token[] = [];
  for (const unit of units) {
    if (unit.kind === 'parameter') args.push({ text: unit.token.text, start: unit.start, end: unit.end, resolved: true, quoted: false });
    else if (unit.kind === 'value') args.push(...valueTokens(unitValue(unit, evaluator), source));
    else if (unit.kind === 'splat') args.push(...splatTokens(unit.token, evaluator));
  }
  return args;
}

/** What a program called directly receives: each argument (array items separately), split where it holds quotes. */
function programArguments(units: Unit[], evaluator: Evaluator): Token[] {
  const args: Token[] = [];
  for (const unit of units) {
    if (unit.kind === 'parameter') args.push({ text: unit.token.text, start: unit.start, end: unit.end, resolved: true, quoted: false });
    else if (unit.kind === 'value') {
      const value = unitValue(unit, evaluator);
      const items = value.kind === 'array' ? value.items : [scalarize(value, () => evaluator.source(value.start, value.end))];
      for (const item of items) args.push(...nativeArgument(item));
    } else if (unit.kind === 'verbatim') {
      args.push(...splitCommandLine(knownScalar(unit.token.text, unit.start, unit.end, true)));
    } else if (unit.kind === 'splat') args.push(...splatTokens(unit.token, evaluator));
  }
  return args;
}

function splatTokens(token: LexToken, evaluator: Evaluator): Token[] {
  const splatted = evaluator.variables.get(token.text);
  const source = (start: number, end: number) => evaluator.source(start, end);
  if (splatted?.kind === 'array') return splatted.items.map(tokenOf);
  if (splatted?.kind === 'hashtable') return splatted.entries.map((entry) => valueToken(entry.value, source));
  return [];
}

/** `Start-Process <program> [-ArgumentList] …`: reported as the program when its name is known. */
function startProcess(invoked: Invoked, context: StatementContext, evaluator: Evaluator): ScriptCommand {
  const generic = bindCommand(invoked.units, true, isStartProcessSwitch, evaluator);
  const { named, positional } = parametersOf(invoked.units, isStartProcessSwitch, evaluator);
  let filePath: Value | undefined;
  let argumentList: Value | undefined;
  for (const [name, entry] of named) {
    const parameter = startProcessParameter(name);
    if (parameter === 'filepath') filePath = entry.value;
    else if (parameter === 'argumentlist') argumentList = entry.value;
  }
  let next = 0;
  if (!filePath) filePath = positional[next++];
  if (!argumentList) argumentList = positional[next];
  const program = filePath && scalarize(filePath, () => '');
  const programToken = program && tokenOf(program);
  if (!program || !programToken || !knowsFileName(program)) return finish(invoked, context, generic);
  return finish(
    { ...invoked, name: programName(programToken.text), nameToken: programToken, via: 'start-process' },
    context,
    { ...generic, args: argumentListTokens(argumentList, evaluator) },
  );
}

/** The program's file name is known even when its folder is not (`"$env:SystemRoot\System32\msiexec.exe"`). */
function knowsFileName(program: Scalar): boolean {
  const last = program.pieces[program.pieces.length - 1];
  if (!last?.known) return false;
  return program.pieces.every((p) => p.known) ? last.text !== '' : /[\\/][^\\/]+$/.test(last.text);
}

function argumentListTokens(value: Value | undefined, evaluator: Evaluator): Token[] {
  if (!value) return [];
  if (value.kind === 'array') return value.items.flatMap(splitArgumentItem);
  if (value.kind === 'hashtable') return [tokenOf(unknownScalar(value.start, value.end, evaluator.source(value.start, value.end)))];
  return splitCommandLine(value);
}
