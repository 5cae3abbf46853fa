// A small abstract interpreter over a script's control flow: it carries the TLS 1.1 state along every
// path, joins it where paths meet (after a branch, at a label, at a loop's head) and runs subroutines
// and functions where they are called. The state space is finite, so loops and gotos reach a fixed
// point; calls deeper than `maxDepth` (recursion) and runs longer than the step budget end early.
import type { ScriptCommand } from '../model';
import type { FlowNode, FlowProgram } from './model';
import { anyState, join, sameState, stateKey, type FlowState } from './state';

/** How the code left a block: by its end, a return, an exit, a throw, or gotos to labels outside it. */
export interface Outcome {
  next?: FlowState;
  ret?: FlowState;
  exit?: FlowState;
  thrown?: FlowState;
  gotos?: Map<string, FlowState>;
}

export interface Effects {
  /** A command runs in `state`: the state after it. */
  run(command: ScriptCommand, state: FlowState): FlowState;
  /** The routine a command calls, if it calls one (PowerShell functions are called by name). */
  routineOf(command: ScriptCommand): string | undefined;
}

export const maxDepth = 16;

export class Interpreter {
  /** Nodes visited so far (the budget bounds it). */
  steps = 0;
  /** Some path was cut short (too deep, or the step budget ran out). */
  incomplete = false;
  private readonly memo = new Map<string, Outcome>();
  private readonly active = new Set<string>();
  private readonly labels = new WeakMap<FlowNode[], Map<string, number>>();
  /** Where a `catch` may start: every state inside the innermost `try` body. */
  private readonly catchSinks: Array<FlowState | undefined> = [];
  readonly entered = new Set<string>();

  constructor(
    private readonly program: FlowProgram,
    private readonly effects: Effects,
    private readonly budget: number,
  ) {}

  /** Runs the main code from `state`; the states the script can end in, joined. */
  runMain(state: FlowState): FlowState | undefined {
    return ending(this.sequence(this.program.main, 0, state, 0));
  }

  /** Runs a routine no path called (a library function, a label nothing jumps to) as an entry of its own. */
  runRoutine(name: string, state: FlowState): void {
    this.call(name, state, 0);
  }

  private sequence(seq: FlowNode[], from: number, state: FlowState, depth: number): Outcome {
    const labels = this.labelsOf(seq);
    const result: Outcome = {};
    if (labels.size === 0) {
      let current: FlowState | undefined = state;
      for (let i = from; i < seq.length && current; i++) current = this.merge(result, this.node(seq[i], current, depth));
      result.next = join(result.next, current);
      return result;
    }
    // With labels: a worklist of entry points, each label's state joined over every way in.
    const entries = new Map<number, FlowState>([[from, state]]);
    const queue = [from];
    while (queue.length > 0) {
      const start = queue.shift()!;
      let current: FlowState | undefined = entries.get(start);
      for (let i = start; i < seq.length && current; i++) {
        const node = seq[i];
        if (node.kind === 'label' && i !== start) {
          const joined = join(entries.get(i), current)!;
          if (sameState(joined, entries.get(i))) {
            current = undefined;
            break;
          }
          entries.set(i, joined);
          current = joined;
          continue;
        }
        const outcome = this.node(node, current, depth);
        current = outcome.next;
        for (const [label, target] of outcome.gotos ?? []) {
          const at = labels.get(label);
          if (at === undefined) {
            result.gotos = addGoto(result.gotos, label, target);
            continue;
          }
          const joined = join(entries.get(at), target)!;
          if (sameState(joined, entries.get(at))) continue;
          entries.set(at, joined);
          queue.push(at);
        }
        this.merge(result, { ...outcome, next: undefined, gotos: undefined });
      }
      result.next = join(result.next, current);
    }
    return result;
  }

  /** Adds an outcome's ways out (other than `next`) to `result`; returns `next`. */
  private merge(result: Outcome, outcome: Outcome): FlowState | undefined {
    result.ret = join(result.ret, outcome.ret);
    result.exit = join(result.exit, outcome.exit);
    result.thrown = join(result.thrown, outcome.thrown);
    for (const [label, state] of outcome.gotos ?? []) result.gotos = addGoto(result.gotos, label, state);
    return outcome.next;
  }

  private node(node: FlowNode, state: FlowState, depth: number): Outcome {
    if (++this.steps > this.budget) {
      this.incomplete = true;
      return {};
    }
    switch (node.kind) {
      case 'run': {
        const routine = this.effects.routineOf(node.command);
        if (routine !== undefined && this.program.routines.has(routine)) return this.callFrom(node.command, routine, state, depth);
        const after = this.effects.run(node.command, state);
        this.sink(state, after);
        return { next: after };
      }
      case 'call':
        // `call :missing` is an error cmd reports; the script goes on.
        if (!this.program.routines.has(node.routine)) return { next: this.effects.run(node.command, state) };
        return this.callFrom(node.command, node.routine, state, depth);
      case 'branch': {
        const result: Outcome = {};
        for (const arm of node.arms) result.next = join(result.next, this.merge(result, this.sequence(arm, 0, state, depth)));
        if (node.skip) result.next = join(result.next, state);
        return result;
      }
      case 'loop':
        return this.loop(node.body, state, depth);
      case 'try':
        return this.tryNode(node, state, depth);
      case 'label':
        return { next: state };
      case 'goto':
        return { gotos: new Map([[node.label, state]]) };
      case 'return':
        return { ret: state };
      case 'exit':
        return { exit: state };
      case 'throw':
        return { thrown: state };
    }
  }

  private callFrom(command: ScriptCommand, routine: string, state: FlowState, depth: number): Outcome {
    const after = this.effects.run(command, state);
    return this.call(routine, after, depth + 1);
  }

  /** A call returns at its end or its `return`; an `exit` or `throw` inside leaves the caller too. */
  private call(name: string, state: FlowState, depth: number): Outcome {
    const routine = this.program.routines.get(name)!;
    this.entered.add(name);
    const key = `${name}\u0000${stateKey(state)}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (depth > maxDepth || this.active.has(key)) {
      // Recursion, or a chain of calls too deep to follow: what it leaves is unknown.
      this.incomplete ||= depth > maxDepth;
      return { next: anyState() };
    }
    this.active.add(key);
    const outcome = this.sequence(routine.body, routine.from, state, depth);
    this.active.delete(key);
    const result: Outcome = { next: join(outcome.next, outcome.ret), exit: outcome.exit, thrown: outcome.thrown };
    this.memo.set(key, result);
    return result;
  }

  /** Zero or more runs of the body: its entry state grows until it stops changing. */
  private loop(body: FlowNode[], state: FlowState, depth: number): Outcome {
    const result: Outcome = {};
    let entry = state;
    for (let round = 0; round < 64; round++) {
      const outcome = this.sequence(body, 0, entry, depth);
      this.merge(result, outcome);
      const next = join(entry, outcome.next)!;
      if (sameState(next, entry)) break;
      entry = next;
    }
    result.next = entry;
    return result;
  }

  private tryNode(node: Extract<FlowNode, { kind: 'try' }>, state: FlowState, depth: number): Outcome {
    this.catchSinks.push(state);
    const body = this.sequence(node.body, 0, state, depth);
    const caught = join(this.catchSinks.pop(), body.thrown);
    const afterHandlers: Outcome = { next: body.next, ret: body.ret, exit: body.exit, gotos: body.gotos };
    if (node.handlers.length === 0) afterHandlers.thrown = body.thrown;
    else if (caught) {
      for (const handler of node.handlers) {
        afterHandlers.next = join(afterHandlers.next, this.merge(afterHandlers, this.sequence(handler, 0, caught, depth)));
      }
    }
    if (node.final.length === 0) return afterHandlers;
    // `finally` runs on every way out of the try, and that way out continues after it.
    const result: Outcome = {};
    const through = (state: FlowState | undefined, set: (after: FlowState | undefined) => void) => {
      if (!state) return;
      const final = this.sequence(node.final, 0, state, depth);
      set(this.merge(result, final));
    };
    through(afterHandlers.next, (s) => (result.next = join(result.next, s)));
    through(afterHandlers.ret, (s) => (result.ret = join(result.ret, s)));
    through(afterHandlers.exit, (s) => (result.exit = join(result.exit, s)));
    through(afterHandlers.thrown, (s) => (result.thrown = join(result.thrown, s)));
    for (const [label, target] of afterHandlers.gotos ?? []) through(target, (s) => s && (result.gotos = addGoto(result.gotos, label, s)));
    return result;
  }

  /** Inside a `try` any command may fail: its `catch` may start from the state before or after it. */
  private sink(before: FlowState, after: FlowState): void {
    const top = this.catchSinks.length - 1;
    if (top >= 0) this.catchSinks[top] = join(join(this.catchSinks[top], before), after);
  }

  private labelsOf(seq: FlowNode[]): Map<string, number> {
    let labels = this.labels.get(seq);
    if (!labels) {
      labels = new Map();
      seq.forEach((node, i) => {
        if (node.kind === 'label' && !labels!.has(node.name)) labels!.set(node.name, i);
      });
      this.labels.set(seq, labels);
    }
    return labels;
  }
}

function addGoto(gotos: Map<string, FlowState> | undefined, label: string, state: FlowState): Map<string, FlowState> {
  const map = gotos ?? new Map<string, FlowState>();
  map.set(label, join(map.get(label), state)!);
  return map;
}

/** Every way a script can end: by its end, `exit`, `exit /b`/`return` at the top, or an uncaught `throw`. */
function ending(outcome: Outcome): FlowState | undefined {
  return join(join(join(outcome.next, outcome.ret), outcome.exit), outcome.thrown);
}
