// Reparsing after an edit. Typing changes a few characters of a large config; sax re-reading the whole
// text on every keystroke is what kept editor latency above the parse time. When the edit lies inside
// one element, and that element's new text still parses on its own as one element, the rest of the
// document cannot parse differently: sax's strict, namespace-unaware reading of an element depends on
// nothing outside it (no DTD entities, no namespace context). So only that element is parsed again, and
// the earlier parse's other elements are replayed, shifted by the edit, into the same TreeBuilder a full
// parse uses. Anything else (an edit between elements, a syntax error before or after) is a full parse.
import type { XmlComment, XmlDocument } from './model';
import { parseInto, readInto } from './parse';
import { TreeBuilder, type BuildOptions, type ElementNode } from './tree-builder';

/** A parse that a later parse of an edited text can start from. */
export interface ReusableXml {
  readonly text: string;
  readonly options: BuildOptions;
  readonly document: XmlDocument;
  /** Every element in document order, kept or not; absent when the text had a syntax error. */
  readonly nodes: readonly ElementNode[] | undefined;
}

export function parseXmlReusable(text: string, options: BuildOptions, previous?: ReusableXml): ReusableXml {
  const reusable = previous && sameOptions(previous.options, options);
  if (reusable && previous.text === text) return previous;
  const reused = reusable ? reparse(previous, text) : undefined;
  if (reused) return reused;
  const builder = new TreeBuilder(text, options, true);
  const document = parseInto(builder, text);
  return { text, options, document, nodes: document.error ? undefined : builder.all };
}

function sameOptions(a: BuildOptions, b: BuildOptions): boolean {
  return a.keep === b.keep && a.keepComment === b.keepComment;
}

interface TextEdit {
  /** In the old text: [start, oldEnd) became [start, start + newLength) of the new text. */
  start: number;
  oldEnd: number;
  delta: number;
}

/** The one edit that turns `before` into `after`: their common start and end left alone. */
export function changedSpan(before: string, after: string): TextEdit {
  const limit = Math.min(before.length, after.length);
  // Whole blocks first: comparing two slices is one native comparison, where a loop of charCodeAt
  // costs a call per character (and more on an editor's text, a string concatenated from pieces).
  let start = 0;
  while (start + compareBlock <= limit && before.slice(start, start + compareBlock) === after.slice(start, start + compareBlock)) start += compareBlock;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const sameEnd = (length: number) => before.slice(before.length - tail - length, before.length - tail) === after.slice(after.length - tail - length, after.length - tail);
  while (tail + compareBlock <= limit - start && sameEnd(compareBlock)) tail += compareBlock;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, delta: after.length - before.length };
}

const compareBlock = 1024;

function reparse(previous: ReusableXml, text: string): ReusableXml | undefined {
  const nodes = previous.nodes;
  if (!nodes) return undefined;
  const edit = changedSpan(previous.text, text);
  const index = innermostAround(nodes, edit);
  if (index === undefined) return undefined;
  const changed = nodes[index];
  let after = index + 1;
  while (after < nodes.length && nodes[after].start < changed.end!) after++;
  const shift = (offset: number) => (offset >= edit.oldEnd ? offset + edit.delta : offset);

  const builder = new TreeBuilder(text, previous.options, true);
  const open: ElementNode[] = [];
  const replay = (node: ElementNode) => {
    closeEndedBefore(node.start);
    builder.open(node.name, node.decoded, shift(node.start), shift(node.startTagEnd), node.selfClosing);
    open.push(node);
  };
  const closeEndedBefore = (offset: number) => {
    while (open.length > 0 && open[open.length - 1].end! <= offset) {
      const node = open.pop()!;
      builder.close(node.endTagStart === undefined ? undefined : shift(node.endTagStart), shift(node.end!));
    }
  };

  for (let i = 0; i < index; i++) replay(nodes[i]);
  closeEndedBefore(changed.start);
  const comments = previous.document.comments;
  let comment = 0;
  for (; comment < comments.length && comments[comment].end <= changed.start; comment++) builder.comments.push(comments[comment]);
  if (!parseOneElement(builder, text, changed.start, changed.end! + edit.delta)) return undefined;
  for (let i = after; i < nodes.length; i++) replay(nodes[i]);
  closeEndedBefore(Infinity);
  for (; comment < comments.length; comment++) {
    if (comments[comment].start >= changed.end!) builder.comments.push(shifted(comments[comment], edit.delta));
  }
  return { text, options: previous.options, document: builder.document(undefined), nodes: builder.all };
}

/** The innermost element (not the root) whose text holds the whole edit, its '<' and final '>' untouched. */
function innermostAround(nodes: readonly ElementNode[], edit: TextEdit): number | undefined {
  // The last element that starts before the edit, then outwards to the first one that also ends after it.
  let low = 0;
  let high = nodes.length - 1;
  if (high < 0 || nodes[0].start >= edit.start) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (nodes[mid].start < edit.start) low = mid;
    else high = mid - 1;
  }
  let node: ElementNode | undefined = nodes[low];
  while (node && !(node.end! > edit.oldEnd)) node = node.parent;
  if (!node?.parent) return undefined;
  return node === nodes[low] ? low : indexOf(nodes, node);
}

function indexOf(nodes: readonly ElementNode[], node: ElementNode): number {
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid].start < node.start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Parses text[start, end) into `builder`; true when it is exactly one element, without an error. */
function parseOneElement(builder: TreeBuilder, text: string, start: number, end: number): boolean {
  const depth = builder.stack.length;
  const first = builder.all!.length;
  const chunk = text.slice(start, end);
  const failed = readInto(builder, chunk, start) !== undefined;
  // Starting at `start` and ending at `end`, the element leaves no room for anything else: nothing that
  // parses alone but not inside a parent (a DOCTYPE, text before or after it).
  const element = builder.all![first];
  return !failed && element?.start === start && element.end === end && builder.stack.length === depth;
}

function shifted(comment: XmlComment, delta: number): XmlComment {
  return { start: comment.start + delta, end: comment.end + delta, text: comment.text };
}
