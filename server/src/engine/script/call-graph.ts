// Who calls whom across a workspace's scripts. A called script starts in its caller's state at the
// call; when the caller is itself called (a wrapper of a wrapper), its calls are worked out again
// from its own callers, a few levels deep: call cycles end there.
import type { CallContext } from './facts';
import { scriptPathKey } from './facts';

/** A script that runs another script: the target's path and the TLS 1.1 client state at the call. */
export interface ScriptCall {
  target: string;
  context: CallContext;
}

/** How many wrappers deep a caller's state is carried. */
export const maxCallChain = 4;

/** Files each call under its target's key; linear in the number of calls (lists are extended in place). */
export function addCallers(callers: Map<string, CallContext[]>, calls: readonly ScriptCall[]): void {
  for (const call of calls) {
    const key = scriptPathKey(call.target);
    const list = callers.get(key);
    if (list) list.push(call.context);
    else callers.set(key, [call.context]);
  }
}

/**
 * The callers of every script, given each calling script's calls as read alone (`calls`, by file
 * name) and a way to read them again as called (`callsWhenCalled`, undefined when that fails).
 */
export function propagateCallers(
  calls: ReadonlyMap<string, readonly ScriptCall[]>,
  callsWhenCalled: (fileName: string, callers: readonly CallContext[]) => readonly ScriptCall[] | undefined,
): Map<string, CallContext[]> {
  const current = new Map(calls);
  let callers = collect(current);
  for (let round = 0; round < maxCallChain; round++) {
    let changed = false;
    for (const [fileName, made] of current) {
      const own = made.length > 0 ? callers.get(scriptPathKey(fileName)) : undefined;
      if (!own) continue;
      const again = callsWhenCalled(fileName, own);
      if (!again || sameCalls(again, made)) continue;
      current.set(fileName, again);
      changed = true;
    }
    if (!changed) break;
    callers = collect(current);
  }
  return callers;
}

function collect(calls: ReadonlyMap<string, readonly ScriptCall[]>): Map<string, CallContext[]> {
  const callers = new Map<string, CallContext[]>();
  for (const made of calls.values()) addCallers(callers, made);
  return callers;
}

function sameCalls(a: readonly ScriptCall[], b: readonly ScriptCall[]): boolean {
  return a.length === b.length && a.every((call, i) => call.target === b[i].target && call.context.tls11 === b[i].context.tls11);
}
