// Pass 2: brackets into nested groups: `(…)`, `@(…)`, `$(…)`, `@{…}`, `{…}` and `[…]`. Built with an
// explicit stack; past `maxNesting` levels brackets stay plain tokens (still counted so the closing
// ones pair up), which keeps every later recursive walk shallow on hostile input.
import type { LexToken } from './lexer';

export interface Group {
  kind: 'group';
  /** The opening bracket: `(`, `@(`, `$(`, `@{`, `{` or `[`. */
  open: string;
  start: number;
  /** After the closing bracket, or after the last token when the group is never closed. */
  end: number;
  spaceBefore: boolean;
  nodes: Node[];
}

export type Node = LexToken | Group;

export const maxNesting = 100;

const closerOf: Record<string, string> = { '(': ')', '@(': ')', '$(': ')', '@{': '}', '{': '}', '[': ']' };

export function buildTree(tokens: readonly LexToken[]): Node[] {
  const root: Node[] = [];
  const stack: Group[] = [];
  let overflow = 0;
  // Open groups per closing bracket, so a stray closer costs nothing to recognise.
  const waiting: Record<string, number> = { ')': 0, '}': 0, ']': 0 };
  const pop = () => {
    const group = stack.pop()!;
    waiting[closerOf[group.open]]--;
    return group;
  };
  const current = () => (stack.length > 0 ? stack[stack.length - 1].nodes : root);
  for (const token of tokens) {
    if (token.kind === 'open') {
      if (stack.length >= maxNesting) {
        overflow++;
        current().push(token);
        continue;
      }
      const group: Group = { kind: 'group', open: token.text, start: token.start, end: token.end, spaceBefore: token.spaceBefore, nodes: [] };
      current().push(group);
      stack.push(group);
      waiting[closerOf[group.open]]++;
      continue;
    }
    if (token.kind === 'close') {
      if (overflow > 0) {
        overflow--;
        current().push(token);
        continue;
      }
      const depth = waiting[token.text] > 0 ? matchingDepth(stack, token.text) : -1;
      if (depth < 0) {
        // A stray closer: keep it as a token so nothing is lost.
        current().push(token);
        continue;
      }
      while (stack.length > depth + 1) closeGroup(pop());
      const group = pop();
      group.end = token.end;
      continue;
    }
    current().push(token);
  }
  while (stack.length > 0) closeGroup(stack.pop()!);
  return root;
}

/** The innermost open group this closer closes, searching past groups left unclosed inside it. */
function matchingDepth(stack: readonly Group[], closer: string): number {
  for (let d = stack.length - 1; d >= 0; d--) {
    if (closerOf[stack[d].open] === closer) return d;
  }
  return -1;
}

/** An unclosed group ends where its content ends. */
function closeGroup(group: Group): void {
  const last = group.nodes[group.nodes.length - 1];
  if (last) group.end = Math.max(group.end, last.end);
}

// The guards name the kind or bracket in their type, so a false result does not narrow the node to the other half of `Node`.
export function isGroup<O extends string>(node: Node | undefined, open?: O): node is Group & { open: O } {
  return node !== undefined && node.kind === 'group' && (open === undefined || node.open === open);
}

export function isToken<K extends LexToken['kind']>(node: Node | undefined, kind?: K): node is LexToken & { kind: K } {
  return node !== undefined && node.kind !== 'group' && (kind === undefined || node.kind === kind);
}
