// The shapes of PowerShell statements that decide what runs: keyword statements (if/elseif/else,
// switch, loops, try/catch/finally, function definitions), script blocks passed to commands (run
// once by `&`/`.`/Invoke-Command, per item by ForEach-Object, maybe by anything else), and DSC
// resources ordered by DependsOn. The reader (read.ts) turns them into flow nodes.
import type { ScriptCommand } from '../model';
import type { FlowNode } from '../flow/model';
import { isGroup, isToken, type Group, type Node } from './tree';

export type BlockUse = 'inline' | 'loop' | 'maybe';

/** How a `{ … }` found in a command statement runs: decided by what it is passed to. */
export function blockUse(nodes: readonly Node[], index: number): BlockUse {
  const before = nodes[index - 1];
  if (isToken(before, 'call')) return 'inline';
  const command = commandWordBefore(nodes, index);
  if (command === 'foreach-object' || command === '%' || command === 'foreach') return 'loop';
  if (command === 'invoke-command' || command === 'icm') return 'inline';
  return 'maybe';
}

/** The command word of the pipeline element that holds node `index`. */
function commandWordBefore(nodes: readonly Node[], index: number): string {
  let start = index;
  while (start > 0 && !isToken(nodes[start - 1], 'pipe') && !isToken(nodes[start - 1], 'assign') && !isToken(nodes[start - 1], 'chain')) start--;
  const head = nodes[start];
  return isToken(head, 'word') ? head.text.toLowerCase() : '';
}

export function wrap(use: BlockUse, body: FlowNode[]): FlowNode[] {
  if (body.length === 0) return [];
  if (use === 'inline') return body;
  if (use === 'loop') return [{ kind: 'loop', body }];
  return [{ kind: 'branch', arms: [body], skip: true }];
}

/** `if (…) {…} elseif (…) {…} else {…}`: the condition groups and the blocks, in order. */
export function ifParts(nodes: readonly Node[]): { conditions: Group[]; blocks: Group[]; hasElse: boolean } {
  const conditions: Group[] = [];
  const blocks: Group[] = [];
  let hasElse = false;
  for (const node of nodes) {
    if (isToken(node, 'word') && node.text.toLowerCase() === 'else') hasElse = true;
    if (isGroup(node, '(')) conditions.push(node);
    else if (isGroup(node, '{')) blocks.push(node);
  }
  return { conditions, blocks, hasElse };
}

/** `try {…} catch [T] {…} finally {…}`. */
export function tryParts(nodes: readonly Node[]): { body?: Group; handlers: Group[]; final?: Group } {
  let body: Group | undefined;
  const handlers: Group[] = [];
  let final: Group | undefined;
  let clause = 'try';
  for (const node of nodes) {
    if (isToken(node, 'word')) {
      const word = node.text.toLowerCase();
      if (word === 'try' || word === 'catch' || word === 'finally') clause = word;
    } else if (isGroup(node, '{')) {
      if (clause === 'try') body ??= node;
      else if (clause === 'catch') handlers.push(node);
      else final ??= node;
    }
  }
  return { body, handlers, final };
}

/** A function definition's name and body. */
export function functionParts(nodes: readonly Node[]): { name: string; body: Group } | undefined {
  const name = nodes[1];
  const body = nodes[nodes.length - 1];
  if (!isToken(name, 'word') || !isGroup(body, '{')) return undefined;
  // `function Global:Install-X` defines Install-X.
  return { name: name.text.replace(/^(global|script|local|private):/i, '').toLowerCase(), body };
}

/** `SetScript = { … }` in a DSC Script resource's block. */
export function setScriptBlock(resource: Group): Group | undefined {
  const nodes = resource.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const key = isToken(node, 'word') ? node.text.toLowerCase() : '';
    if (key === 'setscript' && isToken(nodes[i + 1], 'assign') && isGroup(nodes[i + 2], '{')) return nodes[i + 2] as Group;
    if (key === 'setscript=' && isGroup(nodes[i + 1], '{')) return nodes[i + 1] as Group;
  }
  return undefined;
}

export interface ResourceFlow {
  /** `[Registry]Name`, lower-case. */
  id: string;
  dependsOn: string[];
  flow: FlowNode[];
}

/**
 * Statements of a block with the DSC resources among them put in DependsOn order (a resource after
 * those it depends on, otherwise in text order); other statements keep their places.
 */
export function inDependencyOrder(statements: ReadonlyArray<FlowNode[] | ResourceFlow>): FlowNode[] {
  const resources = statements.filter((s): s is ResourceFlow => !Array.isArray(s));
  if (!resources.some((r) => r.dependsOn.length > 0)) return statements.flatMap((s) => (Array.isArray(s) ? s : s.flow));
  const byId = new Map(resources.map((r) => [r.id, r]));
  const ordered: ResourceFlow[] = [];
  const placed = new Set<ResourceFlow>();
  const visiting = new Set<ResourceFlow>();
  const place = (resource: ResourceFlow) => {
    if (placed.has(resource) || visiting.has(resource)) return;
    visiting.add(resource);
    for (const id of resource.dependsOn) {
      const dependency = byId.get(id);
      if (dependency) place(dependency);
    }
    visiting.delete(resource);
    placed.add(resource);
    ordered.push(resource);
  };
  resources.forEach(place);
  let next = 0;
  return statements.flatMap((s) => (Array.isArray(s) ? s : ordered[next++].flow));
}

/** `DependsOn = '[Registry]A', '[Script]B'` as ids. */
export function dependsOnOf(resource: ScriptCommand): string[] {
  const token = resource.named['dependson'];
  if (!token) return [];
  return (token.text.match(/\[[^\]]+\][^\s,'"\]]+/g) ?? []).map((id) => id.toLowerCase());
}

export function resourceId(resource: ScriptCommand): string {
  return `[${resource.nameToken.text}]${resource.positional[0]?.text ?? ''}`.toLowerCase();
}
