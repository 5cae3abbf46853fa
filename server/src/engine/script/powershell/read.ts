// Reads a .ps1/.psm1 file into the script model without running anything: tokens, brackets, then
// statements in file order. Variables are assigned as statements are met (the last assignment before
// a use wins, control flow ignored), so each command sees the values written above it.
import type { ScriptCommand, ScriptComment, ScriptModel } from '../model';
import { assignmentOf, commandsOfStatement, type StatementContext } from './commands';
import { dscResourceOf } from './dsc';
import { add, Evaluator, splitAt } from './evaluate';
import { isWhitespace } from './characters';
import { lex } from './lexer';
import { splitStatements } from './statements';
import { buildTree, isGroup, isToken, type Node } from './tree';
import { Variables } from './values';

export function readPowerShell(text: string): ScriptModel {
  const { tokens, comments } = lex(text);
  const reader = new StatementReader(text);
  reader.block(buildTree(tokens), 0);
  const commands = reader.commands.sort((a, b) => a.start - b.start);
  return { language: 'powershell', commands, comments, code: codeRanges(text.length, comments), flow: { main: commands.map((command) => ({ kind: 'run', command })), routines: new Map() } };
}

class StatementReader {
  readonly commands: ScriptCommand[] = [];
  private readonly evaluator: Evaluator;
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.evaluator = new Evaluator(text, new Variables());
    this.lineStarts = lineStartsOf(text);
  }

  block(nodes: readonly Node[], depth: number): void {
    for (const statement of splitStatements(nodes)) this.statement(statement, depth);
  }

  private statement(nodes: readonly Node[], depth: number): void {
    const context: StatementContext = { start: nodes[0].start, end: nodes[nodes.length - 1].end, indent: this.indentAt(nodes[0].start), depth };
    const resource = dscResourceOf(nodes, context, this.evaluator);
    if (resource) {
      this.commands.push(resource);
      return;
    }
    this.commands.push(...commandsOfStatement(nodes, context, this.evaluator));
    this.assign(nodes);
    this.nested(nodes, context);
  }

  /** Groups inside a statement: script blocks are blocks one level deeper; (…) and $(…) may run commands. */
  private nested(nodes: readonly Node[], context: StatementContext): void {
    for (const node of nodes) {
      if (!isGroup(node)) continue;
      if (node.open === '{') {
        this.block(node.nodes, context.depth + 1);
      } else if (node.open === '(' || node.open === '$(' || node.open === '@(') {
        for (const inner of splitStatements(node.nodes)) {
          this.commands.push(...commandsOfStatement(inner, context, this.evaluator));
          this.nested(inner, context);
        }
      } else {
        this.nested(node.nodes, context);
      }
    }
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
    if (keyword === 'foreach' && isGroup(group, '(')) {
      const loopVariable = group.nodes.find((n) => isToken(n, 'variable'));
      if (isToken(loopVariable, 'variable')) variables.set(loopVariable.text, undefined);
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
