// The control flow of a batch file, built from its commands in file order: `if`/`else` and `for`
// (whose body is the rest of the line or a parenthesised block), `&&`/`||` (the next command may not
// run), labels, `goto`, `call :label`, `exit /b` and `exit`. Labels are entry points of the top level
// only, as cmd looks them up in the file, not in blocks.
import type { ScriptCommand } from '../model';
import type { FlowNode, FlowProgram } from '../flow/model';
import type { Separator } from './split';

/** `for-each`: a `for` over a literal set, whose commands are read once per item (see for-loops.ts). */
export type Prefix = 'if' | 'else' | 'for' | 'for-each';

/** Blocks nested deeper than this are read as a plain sequence: hostile input must not overflow the stack. */
const maxNesting = 64;

/** One command as split from its line, with what precedes it and whether a block follows. */
export interface CmdItem {
  prefixes: Prefix[];
  /** Undefined when the line holds only prefixes and a `(`: `if exist x (`. */
  command: ScriptCommand | undefined;
  /** The command once per item of the literal set of the `for` loops it is in. */
  variants?: ScriptCommand[];
  separator: Separator;
  depth: number;
  opens: boolean;
}

export function cmdFlow(items: readonly CmdItem[]): FlowProgram {
  const builder = new Builder(items);
  const main = builder.sequence(0);
  // A `)` without its `(` leaves items at a lower depth: read them as top level too.
  while (builder.at < items.length) main.push(...builder.sequence(items[builder.at].depth));
  const routines: FlowProgram['routines'] = new Map();
  main.forEach((node, from) => {
    if (node.kind === 'label' && !routines.has(':' + node.name)) routines.set(':' + node.name, { body: main, from });
  });
  return { main, routines };
}

class Builder {
  at = 0;
  constructor(private readonly items: readonly CmdItem[]) {}

  /** Statements at `depth` until the block closes (an item at a lower depth) or the file ends. */
  sequence(depth: number): FlowNode[] {
    const nodes: FlowNode[] = [];
    while (this.at < this.items.length && this.items[this.at].depth >= depth) {
      if (this.items[this.at].depth > depth) {
        nodes.push(...(depth >= maxNesting ? this.chain(this.items[this.at].depth) : this.sequence(this.items[this.at].depth)));
        continue;
      }
      nodes.push(...this.chain(depth));
    }
    return nodes;
  }

  /** One item and the rest of its line joined by `&`, `&&`, `||`, `|`. */
  private chain(depth: number): FlowNode[] {
    const nodes = this.unit(depth);
    while (this.continuesLine(depth)) {
      const separator = this.items[this.at].separator;
      const next = this.unit(depth);
      // After `&&` or `||` the command runs only on success or failure.
      nodes.push(...(separator === '&&' || separator === '||' ? [{ kind: 'branch', arms: [next], skip: true } as FlowNode] : next));
    }
    return nodes;
  }

  private continuesLine(depth: number): boolean {
    const item = this.items[this.at];
    return item !== undefined && item.depth === depth && item.separator !== 'line' && item.separator !== '(' && item.prefixes[0] !== 'else';
  }

  private unit(depth: number, skipPrefixes = 0): FlowNode[] {
    const item = this.items[this.at];
    const prefix = item.prefixes[skipPrefixes];
    if (prefix === 'else') return this.unit(depth, skipPrefixes + 1);
    if (prefix === 'if' || prefix === 'for' || prefix === 'for-each') {
      // The body is the rest of the statement: the command, its block, and what `&` joins to it.
      const body = this.unit(depth, skipPrefixes + 1);
      while (this.continuesLine(depth)) body.push(...this.chainTail(depth));
      if (prefix === 'for') return [{ kind: 'loop', body }];
      // Over a literal set the body runs, each command once per item (its variants).
      if (prefix === 'for-each') return body;
      const arms = [body];
      const next = this.items[this.at];
      const hasElse = next !== undefined && next.depth === depth && next.prefixes[0] === 'else';
      if (hasElse) arms.push(this.chain(depth));
      return [{ kind: 'branch', arms, skip: !hasElse }];
    }
    this.at++;
    const nodes = (item.variants ?? (item.command ? [item.command] : [])).flatMap(nodeOf);
    if (item.opens && depth < maxNesting) nodes.push(...this.sequence(depth + 1));
    return nodes;
  }

  private chainTail(depth: number): FlowNode[] {
    const separator = this.items[this.at].separator;
    const next = this.unit(depth);
    return separator === '&&' || separator === '||' ? [{ kind: 'branch', arms: [next], skip: true }] : next;
  }
}

/** A command as a flow node: labels, jumps, `call :label`, or a command that runs. */
function nodeOf(command: ScriptCommand): FlowNode[] {
  const name = command.name;
  const first = command.args[0]?.text.toLowerCase() ?? '';
  if (name.startsWith(':')) return [{ kind: 'label', name: labelName(name) }];
  if (name === 'goto') {
    const label = labelName(first);
    return [label === 'eof' ? { kind: 'return' } : { kind: 'goto', label }];
  }
  if (name === 'call' && first.startsWith(':')) return [{ kind: 'call', routine: ':' + labelName(first), command }];
  if (name === 'exit') return [{ kind: 'run', command }, command.args.some((a) => a.text.toLowerCase() === '/b') ? { kind: 'return' } : { kind: 'exit' }];
  return [{ kind: 'run', command }];
}

/** `:Install`, `:install  rest`, `install` → `install` (cmd compares labels case-insensitively). */
function labelName(text: string): string {
  return text.replace(/^:/, '').split(/[\s:+]/)[0].toLowerCase();
}
