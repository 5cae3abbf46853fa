// What the script rules need, computed once per file: each command as a step (registry writes,
// msiexec runs, calls of other scripts) with the TLS 1.1 Client state the paths reaching it agree on,
// worked out by the interpreter (flow/interpret.ts) in the order the script runs, not in text order.
import type { HostProfile } from '../profile';
import type { RegistryWrite } from '../registry/model';
import type { Tristate } from '../tls/schannel';
import type { Location } from '../types';
import { readMsiexec, type MsiInvocation } from './msiexec';
import type { ScriptCommand, ScriptModel } from './model';
import { registryWritesOf } from './registry-commands';
import { calledScript, resolvePath } from './flow/called-script';
import { Interpreter } from './flow/interpret';
import { afterWrite, anyState, join, leavesTls11On, startState, verdict, type FlowState, type PathVerdict } from './flow/state';

interface StepBase {
  command: ScriptCommand;
  /** TLS 1.1 Client before the step on every path that reaches it; 'mixed' when off on some paths only. */
  tls11Before: PathVerdict;
  /** False for code no path runs (after `exit`, a label nothing reaches). */
  reached: boolean;
  /** When the step first runs, relative to the others (run order, not text order); Infinity when never. */
  runOrder: number;
  /** Offsets of the commands that last wrote TLS 1.1 Client on the paths here (-1: the state the script started in). */
  tls11SetBy: readonly number[];
  /** Every (Enabled, DisabledByDefault) combination of TLS 1.1 Client some path here may have (flow/state.ts); 0 when unreached. */
  tls11Paths: number;
}

export type ScriptStep =
  | (StepBase & { kind: 'registry'; write: RegistryWrite })
  | (StepBase & { kind: 'install'; invocation: MsiInvocation })
  | (StepBase & { kind: 'call'; target: string });

/** How another script in the workspace calls this one: with TLS 1.1 on, off or unknown around the call. */
export interface CallContext {
  tls11: PathVerdict;
  location: Location;
}

export interface ScriptFacts {
  model: ScriptModel;
  /** In text order. */
  steps: ScriptStep[];
  installs: MsiInvocation[];
  /** The TLS 1.1 client state the script starts in, and why (host profile or callers). */
  tls11AtStart: Tristate;
  tls11Evidence: Location[];
  /** Whether that start state comes from the scripts that call this one or from the host profile. */
  tls11StartFrom: 'callers' | 'host';
  /** 'on' when every way the script ends leaves TLS 1.1 usable on the Client or the Server side. */
  tls11AtEnd: Tristate;
  /** Some path was too long or too deep to follow to its end. */
  incomplete: boolean;
  /** Flow nodes the interpreter visited (bounded by its budget). */
  flowSteps: number;
}

/** Node visits per file: far above what a real script needs, low enough to end hostile input quickly. */
const stepBudget = 2_000_000;

export function scriptFacts(model: ScriptModel, text: string, profile: HostProfile, callers: readonly CallContext[] = [], fileName = ''): ScriptFacts {
  const start = startingState(profile, callers);
  const before = new Map<ScriptCommand, FlowState>();
  const order = new Map<ScriptCommand, number>();
  const writes = new Map<ScriptCommand, RegistryWrite[]>();
  const writesOf = (command: ScriptCommand) => {
    let found = writes.get(command);
    if (!found) writes.set(command, (found = registryWritesOf(command)));
    return found;
  };
  const routines = model.flow.routines;
  const interpreter = new Interpreter(
    model.flow,
    {
      run(command, state) {
        before.set(command, join(before.get(command), state)!);
        if (!order.has(command)) order.set(command, order.size);
        if (model.language === 'powershell' && changesTlsUnseen(command, routines)) return { ...anyState(), clientWriters: [command.start] };
        let after = state;
        for (const write of writesOf(command)) after = afterWrite(after, write, command.start);
        return after;
      },
      routineOf: (command) => (model.language === 'powershell' && routines.has(command.name) ? command.name : undefined),
    },
    stepBudget,
  );
  const initial = startState(start.tls11);
  // A function or subroutine that nothing calls does not run (facts §9.1).
  const end = interpreter.runMain(initial);

  const steps: ScriptStep[] = [];
  const installs: MsiInvocation[] = [];
  for (const command of model.commands) {
    const state = before.get(command);
    const base = {
      command,
      reached: state !== undefined,
      runOrder: order.get(command) ?? Infinity,
      tls11Before: state ? verdict(state.client) : 'unknown',
      tls11SetBy: state?.clientWriters ?? [],
      tls11Paths: state?.client ?? 0,
    } satisfies StepBase;
    if (command.name === 'msiexec') {
      const invocation = readMsiexec(command, text);
      installs.push(invocation);
      steps.push({ ...base, kind: 'install', invocation });
      continue;
    }
    const target = calledScript(command, fileName);
    if (target) {
      steps.push({ ...base, kind: 'call', target });
      continue;
    }
    for (const write of writesOf(command)) steps.push({ ...base, kind: 'registry', write });
  }
  const atEnd: Tristate = end === undefined ? 'unknown' : leavesTls11On(end) ? 'on' : verdict(end.client) === 'off' ? 'off' : 'unknown';
  return { model, steps, installs, tls11AtStart: start.tls11, tls11Evidence: start.evidence, tls11StartFrom: start.from, tls11AtEnd: atEnd, incomplete: interpreter.incomplete, flowSteps: interpreter.steps };
}

/**
 * A function this file does not define (dot-sourced from a helper file, or from a module) whose name
 * says it changes TLS (`Enable-Tls11`, `Set-SchannelProtocols`): what it leaves is unknown.
 */
function changesTlsUnseen(command: ScriptCommand, routines: ReadonlyMap<string, unknown>): boolean {
  const name = command.name;
  return /^[a-z]+-[\w-]+$/.test(name) && !routines.has(name) && /tls|ssl|schannel|protocol|harden/.test(name) && !/ciphersuite|ecccurve/.test(name);
}

/** A caller that keeps TLS 1.1 on around the call is the documented workaround: it wins. */
function startingState(profile: HostProfile, callers: readonly CallContext[]): { tls11: Tristate; evidence: Location[]; from: 'callers' | 'host' } {
  const enabling = callers.filter((c) => c.tls11 === 'on');
  if (enabling.length > 0) return { tls11: 'on', evidence: enabling.map((c) => c.location), from: 'callers' };
  const disabling = callers.filter((c) => c.tls11 === 'off');
  if (disabling.length > 0 && disabling.length === callers.length) return { tls11: 'off', evidence: disabling.map((c) => c.location), from: 'callers' };
  const host = profile.tls12Only;
  const tls11: Tristate = host.value === 'on' ? 'off' : host.value === 'off' ? 'on' : 'unknown';
  return { tls11, evidence: host.evidence, from: 'host' };
}

/** A key for comparing script paths the way Windows does: `.` and `..` collapsed, separators unified, case ignored. */
export function scriptPathKey(path: string): string {
  return resolvePath(path, '').replace(/\\/g, '/').replace(/\/{2,}/g, '/').toLowerCase();
}
