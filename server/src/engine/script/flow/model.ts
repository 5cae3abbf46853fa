// The control flow both script readers produce (one model, two readers): commands in the order they
// can run, with the branches, loops, jumps and subroutines that decide which run. The interpreter
// (interpret.ts) walks it; nothing here is executed.
import type { ScriptCommand } from '../model';

export type FlowNode =
  /** A command: a registry write, an install, a call of another script, or a function call (PowerShell). */
  | { kind: 'run'; command: ScriptCommand }
  /** `call :label` (cmd): runs the script from the label until `exit /b`, `goto :eof` or the end. */
  | { kind: 'call'; routine: string; command: ScriptCommand }
  /** One of the arms runs; with `skip`, possibly none (an `if` without `else`, `a && b`). */
  | { kind: 'branch'; arms: FlowNode[][]; skip: boolean }
  /** The body runs zero or more times. */
  | { kind: 'loop'; body: FlowNode[] }
  /** `try`: a handler may run after any command of the body; `final` always runs. */
  | { kind: 'try'; body: FlowNode[]; handlers: FlowNode[][]; final: FlowNode[] }
  | { kind: 'label'; name: string }
  | { kind: 'goto'; label: string }
  /** Leaves the subroutine or function (`exit /b`, `goto :eof`, `return`). */
  | { kind: 'return' }
  /** Leaves the script (`exit`). */
  | { kind: 'exit' }
  /** `throw`: leaves to the nearest `catch`, or ends the script. */
  | { kind: 'throw' };

export interface FlowProgram {
  main: FlowNode[];
  /**
   * Named code that runs where it is called: PowerShell functions (by lower-case name) and cmd labels
   * (by lower-case name with its colon), each as the sequence it starts in and the index it starts at.
   */
  routines: Map<string, { body: FlowNode[]; from: number }>;
}

