// What a registry file leaves behind when applied top to bottom: later writes win over earlier ones, and
// deleting a key (or any key above it) clears its values. The registry rules ask this, never the raw
// write list: per value, the line whose write is in effect; per SCHANNEL protocol and side, its state.
import { schannelTarget, usable, type ProtocolState, type Side, type Tristate } from '../tls/schannel';
import type { RegistryBlock, RegistryFacts, RegistryValueLine } from './facts';
import type { RegistryWrite } from './model';

export const olderProtocols = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'] as const;
export const sides: readonly Side[] = ['Client', 'Server'];

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Index of the last write that deleted this key. */
  deletedAt: number;
}

interface Touch {
  index: number;
  line?: RegistryValueLine;
}

const valueId = (hive: string, path: string, name: string) => `${hive}\u0000${path.toLowerCase()}\u0000${name.toLowerCase()}`;
const keyId = (hive: string, path: string) => `${hive}\u0000${path.toLowerCase()}`;

/** One SCHANNEL protocol on one side, as the file leaves it. */
export interface SideState {
  protocol: string;
  side: Side;
  state: ProtocolState;
  usable: Tristate;
  /** The lines whose writes are in effect for Enabled and DisabledByDefault. */
  enabled?: RegistryValueLine;
  disabledByDefault?: RegistryValueLine;
  /** The key, or a key above it, is deleted after the file last wrote it. */
  deleted: boolean;
  /** The key's blocks that are still in effect (not followed by a deletion), in file order. */
  blocks: RegistryBlock[];
}

const histories = new WeakMap<RegistryFacts, RegistryHistory>();

/** The history of a file's writes, built once per file however many rules ask. */
export function historyOf(facts: RegistryFacts): RegistryHistory {
  let history = histories.get(facts);
  if (!history) {
    history = new RegistryHistory(facts);
    histories.set(facts, history);
  }
  return history;
}

export class RegistryHistory {
  readonly facts: RegistryFacts;
  private readonly root: TrieNode = { children: new Map(), deletedAt: -1 };
  private readonly values = new Map<string, Touch>();
  private readonly keys = new Map<string, number>();
  private readonly blocksByStart = new Map<number, RegistryBlock>();
  private readonly sideStates = new Map<string, SideState>();

  constructor(facts: RegistryFacts) {
    this.facts = facts;
    for (const block of facts.blocks) this.blocksByStart.set(block.start, block);
    const lines = new Map<RegistryWrite, RegistryValueLine>();
    for (const line of facts.values ?? []) lines.set(line.write, line);
    const targets: Array<{ write: RegistryWrite; index: number; protocol: string; side: Side }> = [];
    facts.writes.forEach((write, index) => {
      if (write.operation === 'delete-key') this.node(write.hive, write.path).deletedAt = index;
      else this.keys.set(keyId(write.hive, write.path), index);
      if (write.operation === 'set-value' || write.operation === 'delete-value') {
        const line = write.operation === 'set-value' ? lines.get(write) : undefined;
        this.values.set(valueId(write.hive, write.path, write.valueName ?? ''), { index, line });
      }
      const target = schannelTarget(write);
      if (target) targets.push({ write, index, ...target });
    });
    for (const { write, index, protocol, side } of targets) {
      const id = `${protocol}|${side}`;
      const entry = this.sideStates.get(id) ?? this.emptySide(protocol, side);
      this.sideStates.set(id, entry);
      const enabled = this.value(write.hive, write.path, 'Enabled');
      const disabledByDefault = this.value(write.hive, write.path, 'DisabledByDefault');
      // Several spellings of one protocol key (TLS 1.2, tls 1.2): the latest write in effect wins.
      if (enabled && (!entry.enabled || this.indexOf(enabled) > this.indexOf(entry.enabled))) entry.enabled = enabled;
      if (disabledByDefault && (!entry.disabledByDefault || this.indexOf(disabledByDefault) > this.indexOf(entry.disabledByDefault))) entry.disabledByDefault = disabledByDefault;
      const block = this.blocksByStart.get(write.start);
      if (write.operation === 'create-key' && block && !this.deletedAfter(write.hive, write.path, index)) entry.blocks.push(block);
      entry.deleted = this.keyDeleted(write.hive, write.path);
    }
    for (const entry of this.sideStates.values()) {
      entry.state = { enabled: numericFlag(entry.enabled), disabledByDefault: numericFlag(entry.disabledByDefault) };
      entry.usable = usable(entry.state);
      if (entry.enabled || entry.disabledByDefault) entry.deleted = false;
    }
  }

  /** The line whose write sets `name` under the key at the end of the file; undefined when unset or deleted. */
  value(hive: string, path: string, name: string): RegistryValueLine | undefined {
    const touch = this.values.get(valueId(hive, path, name));
    if (!touch?.line || this.deletedAfter(hive, path, touch.index)) return undefined;
    return touch.line;
  }

  /** The key (or one above it) was deleted after the file last created it or wrote to it. */
  keyDeleted(hive: string, path: string): boolean {
    return this.deletedAfter(hive, path, this.keys.get(keyId(hive, path)) ?? -1);
  }

  side(protocol: string, side: Side): SideState {
    return this.sideStates.get(`${protocol}|${side}`) ?? this.emptySide(protocol, side);
  }

  /** The protocols the file writes to, in order of first appearance. */
  protocols(): string[] {
    return [...new Set([...this.sideStates.values()].map((entry) => entry.protocol))];
  }

  /** SSL 3.0, TLS 1.0 and TLS 1.1 are all disabled (or disabled by default) on this side. */
  hardened(side: Side): boolean {
    return olderProtocols.every((protocol) => this.side(protocol, side).usable === 'off');
  }

  /** A TLS 1.2-only hardening: some side has SSL 3.0, TLS 1.0 and TLS 1.1 off. */
  tls12OnlyHardening(): boolean {
    return sides.some((side) => this.hardened(side));
  }

  /** The block a write of the key line belongs to, or the block of a value line. */
  blockAt(start: number): RegistryBlock | undefined {
    return this.blocksByStart.get(start);
  }

  private indexOf(line: RegistryValueLine): number {
    return this.values.get(valueId(line.write.hive, line.write.path, line.write.valueName ?? ''))?.index ?? -1;
  }

  private emptySide(protocol: string, side: Side): SideState {
    return { protocol, side, state: { enabled: undefined, disabledByDefault: undefined }, usable: 'unknown', deleted: false, blocks: [] };
  }

  private node(hive: string, path: string): TrieNode {
    let node = this.child(this.root, hive, true)!;
    for (const segment of segments(path)) node = this.child(node, segment, true)!;
    return node;
  }

  private child(node: TrieNode, name: string, create: boolean): TrieNode | undefined {
    let child = node.children.get(name);
    if (!child && create) {
      child = { children: new Map(), deletedAt: -1 };
      node.children.set(name, child);
    }
    return child;
  }

  /** A delete-key of this key or of one above it comes after write `index`. */
  private deletedAfter(hive: string, path: string, index: number): boolean {
    let node = this.child(this.root, hive, false);
    if (node && node.deletedAt > index) return true;
    for (const segment of segments(path)) {
      if (!node) return false;
      node = this.child(node, segment, false);
      if (node && node.deletedAt > index) return true;
    }
    return false;
  }
}

function segments(path: string): string[] {
  return path === '' ? [] : path.toLowerCase().split('\\');
}

function numericFlag(line: RegistryValueLine | undefined): boolean | undefined {
  const data = line?.write.data;
  return typeof data === 'number' ? data !== 0 : undefined;
}

/** HKLM\SOFTWARE\[WOW6432Node\]Microsoft\.NETFramework[\…] */
export function isNetFrameworkKey(write: Pick<RegistryWrite, 'hive' | 'path'>): boolean {
  return write.hive === 'HKLM' && /^SOFTWARE\\(?:WOW6432Node\\)?Microsoft\\\.NETFramework(?:\\|$)/i.test(write.path);
}

export const netfx35Keys = ['SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727', 'SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727'] as const;

/** How the file leaves a protocol side, in words for messages. */
export function describeSide(entry: Pick<SideState, 'state'>): string {
  const { enabled, disabledByDefault } = entry.state;
  if (enabled === false) return 'disabled (Enabled=0)';
  if (disabledByDefault === true) return 'disabled by default (DisabledByDefault=1)';
  if (enabled === true) return 'enabled';
  if (disabledByDefault === false) return 'not disabled by default (DisabledByDefault=0)';
  return 'set';
}
