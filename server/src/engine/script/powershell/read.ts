// Reads a .ps1/.psm1 file into the script model without running anything: tokens, brackets, then
// statements in file order. Variables are assigned as statements are met (the last assignment before
// a use wins, control flow ignored), so each command sees the values written above it.
import type { ScriptCommand, ScriptComment, ScriptModel } from '../model';
import type { FlowNode, FlowProgram } from '../flow/model';
import { assignmentOf, commandsOfStatement, type StatementContext } from './commands';
import { dscPackageInstall, dscResourceOf } from './dsc';
import { blockUse, dependsOnOf, functionParts, ifParts, inDependencyOrder, resourceId, setScriptBlock, tryParts, wrap, type ResourceFlow } from './flow';
import { add, Evaluator, splitAt } from './evaluate';
import { isWhitespace } from './characters';
import { lex } from './lexer';
import { splitStatements } from './statements';
import { buildTree, isGroup, isToken, type Group, type Node } from './tree';
import { Variables } from './values';

export function readPowerShell(text: string): ScriptModel {
  const { tokens, comments } = lex(text);
  const reader = new StatementReader(text);
  const main = reader.block(buildTree(tokens), 0);
  const commands = reader.commands.sort((a, b) => a.start - b.start);
  return { language: 'powershell', commands, comments, code: codeRanges(text.length, comments), flow: { main, routines: reader.routines } };
}

/** A `foreach` over a literal list of at most this many items is read once per item, the variable bound. */
const maxUnrolled = 8;

class StatementReader {
  readonly commands: ScriptCommand[] = [];
  readonly routines: FlowProgram['routines'] = new Map();
  private readonly evaluator: Evaluator;
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.evaluator = new Evaluator(text, new Variables());
    this.lineStarts = lineStartsOf(text);
  }

  /** The statements of a block as flow, DSC resources in DependsOn order. */
  block(nodes: readonly Node[], depth: number): FlowNode[] {
    return inDependencyOrder(withContinuations(splitStatements(nodes)).map((statement) => this.statement(statement, depth)));
  }

  private statement(nodes: readonly Node[], depth: number): FlowNode[] | ResourceFlow {
    const context: StatementContext = { start: nodes[0].start, end: nodes[nodes.length - 1].end, indent: this.indentAt(nodes[0].start), depth };
    const resource = dscResourceOf(nodes, context, this.evaluator);
    if (resource) return this.resource(resource, nodes[2] as Group, context);
    const first = nodes[0];
    const keyword = isToken(first, 'word') ? first.text.toLowerCase() : '';
    switch (keyword) {
      case 'function':
      case 'filter':
      case 'workflow': {
        const parts = functionParts(nodes);
        if (parts) this.routines.set(parts.name, { body: this.block(parts.body.nodes, depth + 1), from: 0 });
        return [];
      }
      case 'if': {
        const { conditions, blocks, hasElse } = ifParts(nodes);
        const flow = conditions.flatMap((condition) => this.groupCommands(condition, context));
        flow.push({ kind: 'branch', arms: blocks.map((block) => this.block(block.nodes, depth + 1)), skip: !hasElse });
        return flow;
      }
      case 'switch': {
        const body = nodes[nodes.length - 1];
        const flow = nodes.filter((n) => isGroup(n, '(')).flatMap((n) => this.groupCommands(n as Group, context));
        if (!isGroup(body, '{')) return flow;
        const clauses = splitStatements(body.nodes);
        const arms = clauses.flatMap((clause) => {
          const action = clause[clause.length - 1];
          return isGroup(action, '{') ? [this.block(action.nodes, depth + 1)] : [];
        });
        // With a `default` clause some clause always runs.
        const hasDefault = clauses.some((clause) => isToken(clause[0], 'word') && clause[0].text.toLowerCase() === 'default');
        flow.push({ kind: 'branch', arms, skip: !hasDefault });
        return flow;
      }
      case 'foreach':
        return this.foreach(nodes, context);
      case 'for':
      case 'while':
      case 'do':
      case 'until': {
        const flow = nodes.filter((n) => isGroup(n, '(')).flatMap((n) => this.groupCommands(n as Group, context));
        const body = nodes.filter((n) => isGroup(n, '{')).flatMap((n) => this.block((n as Group).nodes, depth + 1));
        // `do { } while (…)` runs its body at least once.
        if (keyword === 'do') return [...body, { kind: 'loop', body }, ...flow];
        return [...flow, { kind: 'loop', body }];
      }
      case 'try': {
        const parts = tryParts(nodes);
        return [{
          kind: 'try',
          body: parts.body ? this.block(parts.body.nodes, depth + 1) : [],
          handlers: parts.handlers.map((handler) => this.block(handler.nodes, depth + 1)),
          final: parts.final ? this.block(parts.final.nodes, depth + 1) : [],
        }];
      }
      case 'configuration':
      case 'node':
      case 'begin':
      case 'process':
      case 'end':
        return nodes.filter((n) => isGroup(n, '{')).flatMap((n) => this.block((n as Group).nodes, depth + 1));
      case 'trap':
        return [];
    }
    // `$install = { … }`: a script block kept in a variable runs where `& $install` calls it.
    const assignment = assignmentOf(nodes);
    if (assignment?.name && assignment.operator === '=' && assignment.rhs.length === 1 && isGroup(assignment.rhs[0], '{')) {
      this.routines.set('$' + assignment.name, { body: this.block(assignment.rhs[0].nodes, depth + 1), from: 0 });
      this.evaluator.variables.set(assignment.name, undefined);
      return [];
    }
    const flow = this.commandsFlow(commandsOfStatement(nodes, context, this.evaluator));
    this.assign(nodes);
    flow.push(...this.nested(nodes, context));
    if (keyword === 'return') flow.push({ kind: 'return' });
    else if (keyword === 'exit') flow.push({ kind: 'exit' });
    else if (keyword === 'throw') flow.push({ kind: 'throw' });
    return flow;
  }

  private commandsFlow(commands: ScriptCommand[]): FlowNode[] {
    this.commands.push(...commands);
    return commands.map((command) => ({ kind: 'run', command }));
  }

  /** The commands a `(…)` / `$(…)` group runs. */
  private groupCommands(group: Group, context: StatementContext): FlowNode[] {
    const flow: FlowNode[] = [];
    for (const inner of splitStatements(group.nodes)) {
      flow.push(...this.commandsFlow(commandsOfStatement(inner, context, this.evaluator)));
      flow.push(...this.nested(inner, context));
    }
    return flow;
  }

  /** Groups inside a statement: script blocks are blocks one level deeper; (…) and $(…) may run commands. */
  private nested(nodes: readonly Node[], context: StatementContext): FlowNode[] {
    const flow: FlowNode[] = [];
    nodes.forEach((node, index) => {
      if (!isGroup(node)) return;
      if (node.open === '{') {
        flow.push(...wrap(blockUse(nodes, index), this.block(node.nodes, context.depth + 1)));
      } else if (node.open === '(' || node.open === '$(' || node.open === '@(') {
        flow.push(...this.groupCommands(node, context));
      } else {
        flow.push(...this.nested(node.nodes, context));
      }
    });
    return flow;
  }

  /** `foreach ($x in 'a', 'b') { … }` over a literal list: the body once per item with `$x` bound. */
  private foreach(nodes: readonly Node[], context: StatementContext): FlowNode[] {
    const header = nodes.find((n) => isGroup(n, '(')) as Group | undefined;
    const body = nodes.find((n) => isGroup(n, '{')) as Group | undefined;
    const flow = header ? this.groupCommands(header, context) : [];
    if (!body) return flow;
    const variable = header?.nodes.find((n) => isToken(n, 'variable'));
    const inAt = header ? header.nodes.findIndex((n) => isToken(n, 'word') && n.text.toLowerCase() === 'in') : -1;
    const items = header && inAt > 0 ? this.evaluator.expression(header.nodes.slice(inAt + 1)) : undefined;
    const list = items?.kind === 'array' ? items.items : items?.kind === 'scalar' ? [items] : [];
    if (isToken(variable, 'variable') && list.length > 0 && list.length <= maxUnrolled) {
      for (const item of list) {
        this.evaluator.variables.set(variable.text, item);
        flow.push(...this.block(body.nodes, context.depth + 1));
      }
      this.evaluator.variables.set(variable.text, undefined);
      return flow;
    }
    if (isToken(variable, 'variable')) this.evaluator.variables.set(variable.text, undefined);
    flow.push({ kind: 'loop', body: this.block(body.nodes, context.depth + 1) });
    return flow;
  }

  /** A DSC resource: its own command; a Script resource's SetScript; a Package resource's install. */
  private resource(resource: ScriptCommand, block: Group, context: StatementContext): ResourceFlow {
    this.commands.push(resource);
    const flow: FlowNode[] = [{ kind: 'run', command: resource }];
    const setScript = resource.name === 'dsc-script' ? setScriptBlock(block) : undefined;
    if (setScript) flow.push(...this.block(setScript.nodes, context.depth + 1));
    const install = resource.name === 'dsc-package' ? dscPackageInstall(resource) : undefined;
    if (install) flow.push(...this.commandsFlow([install]));
    return { id: resourceId(resource), dependsOn: dependsOnOf(resource), flow };
  }

  /** Assignments, `param(…)` defaults, and `foreach ($x in …)` (whose variable is then unknown). */
  private assign(nodes: readonly Node[]): void {
    const variables = this.evaluator.variables;
    let i = 0;
    while (isGroup(nodes[i], '[')) i++;
    const head = nodes[i];
    const keyword = isToken(head, 'word') ? head.text.toLowerCase() : '';
    const group = nodes[i + 1];
    if (keyword === 'param' && isGroup(group, '(')) {
      this.parameters(group.nodes);
      return;
    }
    const assignment = assignmentOf(nodes);
    if (!assignment?.name) return;
    const value = this.evaluator.expression(assignment.rhs);
    if (assignment.operator === '=') {
      variables.set(assignment.name, value);
    } else if (assignment.operator === '+=') {
      const before = variables.get(assignment.name);
      variables.set(assignment.name, before && value ? add(before, value) : undefined);
    } else {
      variables.set(assignment.name, undefined);
    }
  }

  /** `param([string] $Media = 'D:\MIM2016SP2', …)`: defaults count as assigned values. */
  private parameters(nodes: readonly Node[]): void {
    for (const entry of splitAt(nodes, (n) => isToken(n, 'comma'))) {
      const at = entry.findIndex((n) => isToken(n, 'variable'));
      const variable = entry[at];
      if (!isToken(variable, 'variable')) continue;
      const operator = entry[at + 1];
      const value = isToken(operator, 'assign') && operator.text === '=' ? this.evaluator.expression(entry.slice(at + 2)) : undefined;
      this.evaluator.variables.set(variable.text, value);
    }
  }

  /** The leading blanks of the line holding `offset` (a byte-order mark is not indentation). */
  private indentAt(offset: number): string {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    let from = starts[low];
    if (this.text.charCodeAt(from) === 0xfeff) from++;
    let to = from;
    while (to < offset && isWhitespace(this.text.charCodeAt(to))) to++;
    return this.text.slice(from, to);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) starts.push(i + 1);
  }
  return starts;
}

/** `}` and `else {` (or `catch {`, `finally {`) on separate lines are still one statement. */
function withContinuations(statements: Node[][]): Node[][] {
  const joined: Node[][] = [];
  for (const statement of statements) {
    const head = statement[0];
    const word = isToken(head, 'word') ? head.text.toLowerCase() : '';
    const previous = joined[joined.length - 1];
    const opener = previous && isToken(previous[0], 'word') ? previous[0].text.toLowerCase() : '';
    const continues = ((word === 'else' || word === 'elseif') && opener === 'if') || ((word === 'catch' || word === 'finally') && opener === 'try');
    if (continues) joined[joined.length - 1] = [...previous, ...statement];
    else joined.push(statement);
  }
  return joined;
}

/** Everything that is not a comment, in order. */
function codeRanges(length: number, comments: readonly ScriptComment[]): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const comment of comments) {
    if (comment.start > at) ranges.push({ start: at, end: comment.start });
    at = Math.max(at, comment.end);
  }
  if (length > at) ranges.push({ start: at, end: length });
  return ranges;
}
