// What the script rules need, computed once per file: the commands in order as steps (registry
// writes, msiexec runs, calls of other scripts), with the TLS 1.1 client state before each step.
import type { HostProfile } from '../profile';
import type { RegistryWrite } from '../registry/model';
import { applyWrite, schannelTarget, stateFromHost, usable, type ProtocolState, type Tristate } from '../tls/schannel';
import type { Location } from '../types';
import { readMsiexec, type MsiInvocation } from './msiexec';
import type { ScriptCommand, ScriptModel } from './model';
import { registryWritesOf } from './registry-commands';

export type ScriptStep =
  | { kind: 'registry'; command: ScriptCommand; write: RegistryWrite; tls11Before: Tristate }
  | { kind: 'install'; command: ScriptCommand; invocation: MsiInvocation; tls11Before: Tristate }
  | { kind: 'call'; command: ScriptCommand; target: string; tls11Before: Tristate };

/** How another script in the workspace calls this one: with TLS 1.1 on, off or unknown around the call. */
export interface CallContext {
  tls11: Tristate;
  location: Location;
}

export interface ScriptFacts {
  model: ScriptModel;
  steps: ScriptStep[];
  installs: MsiInvocation[];
  /** The TLS 1.1 client state the script starts in, and why (host profile or callers). */
  tls11AtStart: Tristate;
  tls11Evidence: Location[];
  /** 'on' when the script leaves TLS 1.1 usable on the Client or the Server side. */
  tls11AtEnd: Tristate;
}

export function scriptFacts(model: ScriptModel, text: string, profile: HostProfile, callers: readonly CallContext[] = []): ScriptFacts {
  const start = startingState(profile, callers);
  let state: ProtocolState = stateFromHost(start.tls11);
  // The Server side only matters for what the script leaves behind (MIM202).
  let serverState: ProtocolState = stateFromHost(start.tls11);
  const steps: ScriptStep[] = [];
  const installs: MsiInvocation[] = [];
  for (const command of model.commands) {
    const tls11Before = usable(state);
    if (command.name === 'msiexec') {
      const invocation = readMsiexec(command, text);
      installs.push(invocation);
      steps.push({ kind: 'install', command, invocation, tls11Before });
      continue;
    }
    const target = calledScript(command);
    if (target) {
      steps.push({ kind: 'call', command, target, tls11Before });
      continue;
    }
    for (const write of registryWritesOf(command)) {
      steps.push({ kind: 'registry', command, write, tls11Before: usable(state) });
      const target = schannelTarget(write);
      if (target?.protocol !== 'TLS 1.1') continue;
      if (target.side === 'Client') state = applyWrite(state, write);
      else serverState = applyWrite(serverState, write);
    }
  }
  const atEnd: Tristate = usable(state) === 'on' || usable(serverState) === 'on' ? 'on' : usable(state);
  return { model, steps, installs, tls11AtStart: start.tls11, tls11Evidence: start.evidence, tls11AtEnd: atEnd };
}

/** A caller that keeps TLS 1.1 on around the call is the documented workaround: it wins. */
function startingState(profile: HostProfile, callers: readonly CallContext[]): { tls11: Tristate; evidence: Location[] } {
  const enabling = callers.filter((c) => c.tls11 === 'on');
  if (enabling.length > 0) return { tls11: 'on', evidence: enabling.map((c) => c.location) };
  const disabling = callers.filter((c) => c.tls11 === 'off');
  if (disabling.length > 0 && disabling.length === callers.length) return { tls11: 'off', evidence: disabling.map((c) => c.location) };
  const host = profile.tls12Only;
  const tls11: Tristate = host.value === 'on' ? 'off' : host.value === 'off' ? 'on' : 'unknown';
  return { tls11, evidence: host.evidence };
}

/** `call "%~dp0install.cmd"` or a batch file run directly: the path of the script it runs. */
function calledScript(command: ScriptCommand): string | undefined {
  if (command.name === 'call') return command.args[0]?.resolved ? command.args[0].text : undefined;
  return command.nameToken.resolved && /\.(cmd|bat)$/i.test(command.nameToken.text) ? command.nameToken.text : undefined;
}

/** A key for comparing script paths the way Windows does: separators unified, case ignored. */
export function scriptPathKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/{2,}/g, '/').toLowerCase();
}
