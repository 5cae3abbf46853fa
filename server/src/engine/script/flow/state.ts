// The abstract state the interpreter carries along every path: for TLS 1.1 Client and Server, the set
// of (Enabled, DisabledByDefault) combinations some path may have left (each value on, off or
// unknown: 9 combinations, one bit each), and which commands last wrote the Client side. Where paths
// meet the sets are joined (union), so a state says both what holds on every path and on some path.
import type { RegistryWrite } from '../../registry/model';
import { applyWrite, isTls11ProtocolKey, schannelTarget, stateFromHost, usable, type ProtocolState, type Tristate } from '../../tls/schannel';

export interface FlowState {
  client: number;
  server: number;
  /** Offsets of the commands that last wrote TLS 1.1 Client on some path (-1: the state the script started in). */
  clientWriters: readonly number[];
}

/** What the paths reaching a point say about a side: all agree, or TLS 1.1 is off on some but not all. */
export type PathVerdict = Tristate | 'mixed';

const values = [true, false, undefined] as const;
const maxWriters = 4;

function indexOf(state: ProtocolState): number {
  return values.indexOf(state.enabled) * 3 + values.indexOf(state.disabledByDefault);
}

function stateAt(index: number): ProtocolState {
  return { enabled: values[Math.floor(index / 3)], disabledByDefault: values[index % 3] };
}

export function startState(tls11: Tristate): FlowState {
  const bit = 1 << indexOf(stateFromHost(tls11));
  return { client: bit, server: bit, clientWriters: [-1] };
}

/** Every combination: after something the interpreter cannot follow (a call too deep). */
export function anyState(): FlowState {
  return { client: everyCombination, server: everyCombination, clientWriters: [-1] };
}

/** The mask of anyState: nothing is known about the side. */
export const everyCombination = 0x1ff;

export function join(a: FlowState | undefined, b: FlowState | undefined): FlowState | undefined {
  if (!a) return b;
  if (!b || a === b) return a;
  const writers = a.clientWriters === b.clientWriters ? a.clientWriters : mergeWriters(a.clientWriters, b.clientWriters);
  return { client: a.client | b.client, server: a.server | b.server, clientWriters: writers };
}

function mergeWriters(a: readonly number[], b: readonly number[]): readonly number[] {
  const merged = [...new Set([...a, ...b])].sort((x, y) => x - y);
  return merged.length > maxWriters ? merged.slice(merged.length - maxWriters) : merged;
}

export function sameState(a: FlowState | undefined, b: FlowState | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.client !== b.client || a.server !== b.server || a.clientWriters.length !== b.clientWriters.length) return false;
  return a.clientWriters.every((w, i) => w === b.clientWriters[i]);
}

/** A key for memoising a subroutine's outcome per entry state. */
export function stateKey(state: FlowState): string {
  return `${state.client}.${state.server}.${state.clientWriters.join(',')}`;
}

const applied = new Map<number, number>();

function applyToMask(mask: number, write: RegistryWrite): number {
  let result = 0;
  for (let i = 0; i < 9; i++) {
    if ((mask & (1 << i)) === 0) continue;
    result |= 1 << indexOf(applyWrite(stateAt(i), write));
  }
  return result;
}

/** The state after a registry write: only TLS 1.1 writes change it. */
export function afterWrite(state: FlowState, write: RegistryWrite, at: number): FlowState {
  // Removing the `TLS 1.1` key removes its Client and Server subkeys.
  if (write.operation === 'delete-key' && isTls11ProtocolKey(write)) {
    const client = afterWrite(state, { ...write, path: write.path + '\\Client' }, at);
    return afterWrite(client, { ...write, path: write.path + '\\Server' }, at);
  }
  const target = schannelTarget(write);
  if (target?.protocol !== 'TLS 1.1') return state;
  if (target.side === 'Server') return { ...state, server: cached(state.server, write) };
  return { ...state, client: cached(state.client, write), clientWriters: [at] };
}

const operations = ['set-value', 'delete-value', 'create-key', 'delete-key'];

/** The write's effect on a mask, memoised by a number made of everything the effect depends on. */
function cached(mask: number, write: RegistryWrite): number {
  const name = write.valueName?.toLowerCase();
  const nameCode = name === 'enabled' ? 0 : name === 'disabledbydefault' ? 1 : 2;
  const dataCode = typeof write.data === 'number' ? (write.data !== 0 ? 0 : 1) : write.data === undefined ? 2 : 3;
  const key = ((mask * 4 + operations.indexOf(write.operation)) * 3 + nameCode) * 4 + dataCode;
  let result = applied.get(key);
  if (result === undefined) {
    result = applyToMask(mask, write);
    applied.set(key, result);
  }
  return result;
}

const verdicts = new Map<number, PathVerdict>();

/** Whether a side is usable on every path ('on'/'off'/'unknown'), or off on some paths only ('mixed'). */
export function verdict(mask: number): PathVerdict {
  let known = verdicts.get(mask);
  if (known === undefined) verdicts.set(mask, (known = computeVerdict(mask)));
  return known;
}

/** Which usable-states (on, off, unknown) some path reaching a point leaves a side in. */
export function statesOnPaths(mask: number): { on: boolean; off: boolean; unknown: boolean } {
  const found = { on: false, off: false, unknown: false };
  for (let i = 0; i < 9; i++) if ((mask & (1 << i)) !== 0) found[usable(stateAt(i))] = true;
  return found;
}

function computeVerdict(mask: number): PathVerdict {
  const { on, off, unknown } = statesOnPaths(mask);
  if (off) return on || unknown ? 'mixed' : 'off';
  if (on && !unknown) return 'on';
  return 'unknown';
}

/** TLS 1.1 usable on every path on the Client or on the Server side (what a script leaves behind). */
export function leavesTls11On(state: FlowState): boolean {
  return verdict(state.client) === 'on' || verdict(state.server) === 'on';
}
