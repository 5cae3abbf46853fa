// Values of arguments and of the simple right-hand sides install scripts use: strings with variables
// expanded, arrays (`'a', 'b'`, `@(…)`), hashtables (`@{ k = v }`), `+` of those, and `Join-Path`.
// Anything else (method calls, commands, operators) is unknown: the reader never guesses.
import { argumentUnits, bind, namedFor } from './arguments';
import type { LexToken } from './lexer';
import type { StringPart } from './strings';
import { isGroup, isToken, type Group, type Node } from './tree';
import {
  isKnown,
  knownScalar,
  maxArrayItems,
  relocate,
  scalarOf,
  scalarize,
  unknownScalar,
  type HashEntry,
  type HashValue,
  type Piece,
  type Scalar,
  type Value,
  type Variables,
} from './values';

export class Evaluator {
  constructor(
    readonly text: string,
    readonly variables: Variables,
  ) {}

  source(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** A command argument: the nodes glued together (`$Media\setup.msi`); unknown parts keep their source text. */
  argument(nodes: readonly Node[]): Value {
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (nodes.length === 1) return this.operand(first, false) ?? this.unknown(first.start, first.end);
    const pieces: Piece[] = [];
    let quoted = false;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (isToken(node, 'string')) quoted = true;
      // `$x.Name`, `$x[0]`, `$x.Method()`: member access, only known at run time.
      if (isToken(node, 'variable') && isMemberAccess(nodes[i + 1])) {
        let j = i + 1;
        while (isMemberAccess(nodes[j])) j++;
        pieces.push(this.unknownPiece(node.start, nodes[j - 1].end));
        i = j - 1;
        continue;
      }
      const value = this.operand(node, false) ?? this.unknown(node.start, node.end);
      pieces.push(...scalarize(value, () => this.source(node.start, node.end)).pieces);
    }
    return scalarOf(pieces, first.start, last.end, quoted) ?? this.unknown(first.start, last.end);
  }

  /** A right-hand side, a parameter default or a hashtable value; undefined when not simple. */
  expression(nodes: readonly Node[]): Value | undefined {
    const trimmed = trimNewlines(nodes);
    if (trimmed.length === 0) return undefined;
    const head = trimmed[0];
    if (isToken(head, 'word') && head.text.toLowerCase() === 'join-path') return this.joinPath(trimmed.slice(1));
    const combined = this.pathCombine(trimmed);
    if (combined) return combined;
    const items = splitAt(trimmed, (n) => isToken(n, 'comma'));
    if (items.length === 1) return this.sum(trimmed);
    const values = items.map((item) => this.sum(item));
    return this.arrayOf(values, trimmed[0].start, trimmed[trimmed.length - 1].end);
  }

  /** `@( … )`: items separated by commas, semicolons or line breaks. */
  arrayExpression(group: Group): Value | undefined {
    const items = splitAt(group.nodes, (n) => isToken(n, 'comma') || isToken(n, 'semicolon') || isToken(n, 'newline')).filter(
      (item) => item.length > 0,
    );
    return this.arrayOf(
      items.map((item) => this.sum(item)),
      group.start,
      group.end,
    );
  }

  /** `@{ k = v; … }`; undefined when an entry is not `key = value`. */
  hashtable(group: Group): HashValue | undefined {
    const entries = this.entries(group.nodes);
    return entries && { kind: 'hashtable', entries, start: group.start, end: group.end };
  }

  /** `key = value` entries separated by line breaks or semicolons (hashtables, DSC resources). */
  entries(nodes: readonly Node[]): HashEntry[] | undefined {
    const entries: HashEntry[] = [];
    for (const entry of splitAt(nodes, (n) => isToken(n, 'newline') || isToken(n, 'semicolon'))) {
      if (entry.length === 0) continue;
      const parsed = this.entry(entry);
      if (!parsed) return undefined;
      entries.push(parsed);
    }
    return entries;
  }

  private entry(nodes: readonly Node[]): HashEntry | undefined {
    const [keyNode, second] = nodes;
    if (isToken(keyNode, 'word') && keyNode.text.includes('=')) {
      // `Key='x'` or `Key=1` lexed as one word (plus what is glued to it).
      const cut = keyNode.text.indexOf('=');
      const key = keyNode.text.slice(0, cut).toLowerCase();
      const rest = keyNode.text.slice(cut + 1);
      if (rest === '') return { key, value: this.expression(nodes.slice(1)) ?? this.unknownOf(nodes.slice(1), keyNode.end) };
      const exact = keyNode.parts === undefined;
      const value = exact ? knownScalar(rest, keyNode.start + cut + 1, keyNode.end, true) : knownScalar(rest, keyNode.start, keyNode.end, false);
      return nodes.length === 1 ? { key, value } : undefined;
    }
    if (!isToken(second, 'assign') || second.text !== '=') return undefined;
    let key: string | undefined;
    if (isToken(keyNode, 'word')) key = keyNode.text;
    else if (isToken(keyNode, 'string')) key = this.literal(keyNode).pieces.map((p) => p.text).join('');
    if (key === undefined) return undefined;
    const valueNodes = nodes.slice(2);
    return { key: key.toLowerCase(), value: this.expression(valueNodes) ?? this.unknownOf(valueNodes, second.end) };
  }

  /** A word or string token as a scalar, variables inside expanded. */
  literal(token: LexToken): Scalar {
    if (!token.parts) return knownScalar(token.text, token.start, token.end, true);
    const pieces: Piece[] = [];
    for (const part of token.parts) pieces.push(...this.partPieces(part));
    return scalarOf(pieces, token.start, token.end, token.kind === 'string') ?? this.unknown(token.start, token.end);
  }

  private partPieces(part: StringPart): Piece[] {
    if (part.kind === 'text') return [{ text: part.text, start: part.start, end: part.end, exact: part.exact, known: true }];
    if (part.kind === 'subexpression') return [this.unknownPiece(part.start, part.end)];
    const value = this.variables.get(part.name);
    if (!value) return [this.unknownPiece(part.start, part.end)];
    return relocate(
      scalarize(value, () => this.source(part.start, part.end)),
      part.start,
      part.end,
    ).pieces;
  }

  /**
   * A variable reference is located at the reference; a scalar's text too. An array's items keep
   * where they were written, since one reference cannot point at each of them.
   */
  private reference(token: LexToken): Value | undefined {
    const value = this.variables.get(token.text);
    if (!value) return undefined;
    return value.kind === 'scalar' ? relocate(value, token.start, token.end) : { ...value, start: token.start, end: token.end };
  }

  /** One node; in expression mode a bareword is a command (unknown) unless it is a number. */
  private operand(node: Node, expressionMode: boolean): Value | undefined {
    if (isGroup(node)) {
      if (node.open === '(') return this.expression(node.nodes);
      if (node.open === '@(') return this.arrayExpression(node);
      if (node.open === '@{') return this.hashtable(node);
      return undefined;
    }
    if (node.kind === 'string') return this.literal(node);
    if (node.kind === 'variable') return this.reference(node);
    if (node.kind === 'word') return expressionMode && !looksNumeric(node.text) ? undefined : this.literal(node);
    return undefined;
  }

  /** `a + b + …` of strings and arrays; a single operand may carry casts (`[string]$x`). */
  private sum(nodes: readonly Node[]): Value | undefined {
    const operands = splitAt(trimNewlines(nodes), (n) => isToken(n, 'word') && n.text === '+');
    let total: Value | undefined;
    for (const operandNodes of operands) {
      const withoutCasts = dropCasts(operandNodes);
      if (withoutCasts.length !== 1) return undefined;
      const value = this.operand(withoutCasts[0], true);
      if (!value) return undefined;
      total = total === undefined ? value : add(total, value);
      if (!total) return undefined;
    }
    return total;
  }

  private arrayOf(values: Array<Value | undefined>, start: number, end: number): Value | undefined {
    const items: Scalar[] = [];
    for (const value of values) {
      if (!value || value.kind === 'hashtable') return undefined;
      if (value.kind === 'array') items.push(...value.items);
      else items.push(value);
      if (items.length > maxArrayItems) return undefined;
    }
    return { kind: 'array', items, start, end };
  }

  /**
   * `Join-Path $root $child` (or -Path/-ChildPath). The children must be known; the root may not be
   * (`Join-Path $MediaPath 'Service and Portal\Service and Portal.msi'` with `$MediaPath` a parameter):
   * the literal leaf still names the file.
   */
  private joinPath(nodes: readonly Node[]): Value | undefined {
    const binding = bind(argumentUnits(nodes), (name) => 'resolve'.startsWith(name));
    const path = namedFor(binding.named, 'path')?.value ?? binding.positional[0];
    const childEntry = namedFor(binding.named, 'childpath');
    const children = childEntry ? [childEntry.value] : binding.positional.slice(1);
    if (!path || children.length === 0) return undefined;
    return this.joinAll(this.argument(path.items[0]), children.map((child) => child && this.argument(child.items[0])));
  }

  private joinAll(root: Value, children: ReadonlyArray<Value | undefined>): Value | undefined {
    let joined = root;
    for (const childValue of children) {
      if (!childValue || joined.kind !== 'scalar' || childValue.kind !== 'scalar' || !isKnown(childValue)) return undefined;
      const next = joinScalars(joined, childValue);
      if (!next) return undefined;
      joined = next;
    }
    return joined;
  }

  /** `[IO.Path]::Combine($root, 'child', …)` / `[System.IO.Path]::Combine(…)`, as Join-Path. */
  private pathCombine(nodes: readonly Node[]): Value | undefined {
    const [type, method, args] = nodes;
    if (nodes.length !== 3 || !isGroup(type, '[') || !isToken(method, 'word') || !isGroup(args, '(')) return undefined;
    const typeName = type.nodes.map((n) => (isToken(n) ? n.text : '')).join('').toLowerCase();
    if (!/^(system\.)?io\.path$/.test(typeName) || method.text.toLowerCase() !== '::combine') return undefined;
    const parts = splitAt(args.nodes, (n) => isToken(n, 'comma')).filter((part) => part.length > 0);
    if (parts.length < 2) return undefined;
    const values = parts.map((part) => this.argument(part));
    return this.joinAll(values[0], values.slice(1));
  }

  private unknown(start: number, end: number): Scalar {
    return unknownScalar(start, end, this.source(start, end));
  }

  private unknownOf(nodes: readonly Node[], fallback: number): Scalar {
    const trimmed = trimNewlines(nodes);
    if (trimmed.length === 0) return this.unknown(fallback, fallback);
    return this.unknown(trimmed[0].start, trimmed[trimmed.length - 1].end);
  }

  private unknownPiece(start: number, end: number): Piece {
    return { text: this.source(start, end), start, end, exact: true, known: false };
  }
}

function isMemberAccess(node: Node | undefined): boolean {
  if (isGroup(node)) return !node.spaceBefore && (node.open === '[' || node.open === '(');
  return isToken(node, 'word') && !node.spaceBefore && node.text.length > 1 && node.text[0] === '.' && node.text[1] !== '\\' && node.text[1] !== '.';
}

function looksNumeric(word: string): boolean {
  const first = word.charCodeAt(0) === 45 || word.charCodeAt(0) === 43 ? word.charCodeAt(1) : word.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** `left + right`: array append or string concatenation, as PowerShell's `+` and `+=` do. */
export function add(left: Value, right: Value): Value | undefined {
  if (left.kind === 'hashtable' || right.kind === 'hashtable') return undefined;
  if (left.kind === 'array') {
    const items = right.kind === 'array' ? [...left.items, ...right.items] : [...left.items, right];
    return items.length > maxArrayItems ? undefined : { kind: 'array', items, start: left.start, end: right.end };
  }
  const rightText = scalarize(right, () => '');
  return scalarOf([...left.pieces, ...rightText.pieces], left.start, right.end, left.quoted);
}

/** Joins two paths with one backslash between them, as Join-Path does. */
function joinScalars(parent: Scalar, child: Scalar): Scalar | undefined {
  const parentText = parent.pieces.map((p) => p.text).join('');
  const childPieces = child.pieces.slice();
  const endsWithSeparator = /[\\/]$/.test(parentText);
  const firstChild = childPieces[0];
  const startsWithSeparator = firstChild !== undefined && /^[\\/]/.test(firstChild.text);
  const pieces: Piece[] = [...parent.pieces];
  if (endsWithSeparator && startsWithSeparator) {
    childPieces[0] = { ...firstChild, text: firstChild.text.slice(1), start: firstChild.exact ? firstChild.start + 1 : firstChild.start };
  } else if (!endsWithSeparator && !startsWithSeparator) {
    pieces.push({ text: '\\', start: child.start, end: child.start, exact: false, known: true });
  }
  pieces.push(...childPieces);
  return scalarOf(pieces, parent.start, child.end, false);
}

function dropCasts(nodes: readonly Node[]): readonly Node[] {
  let i = 0;
  while (i < nodes.length - 1 && isGroup(nodes[i], '[')) i++;
  return nodes.slice(i);
}

export function trimNewlines(nodes: readonly Node[]): readonly Node[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isToken(nodes[start], 'newline')) start++;
  while (end > start && isToken(nodes[end - 1], 'newline')) end--;
  return start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
}

/** Splits at separator nodes (dropped); newlines inside each part are trimmed at its edges. */
export function splitAt(nodes: readonly Node[], isSeparator: (node: Node) => boolean): Node[][] {
  const parts: Node[][] = [[]];
  for (const node of nodes) {
    if (isSeparator(node)) parts.push([]);
    else parts[parts.length - 1].push(node);
  }
  return parts.map((part) => trimNewlines(part) as Node[]);
}
