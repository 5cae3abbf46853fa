// Turns element and comment events into an XmlDocument. Fed by sax during a parse (parse.ts), and by
// a replay of an earlier parse when only part of a document changed (reparse.ts): one builder, so both
// paths build the same tree by construction.
import type { XmlAttribute, XmlComment, XmlDocument, XmlElement } from './model';

export interface BuildOptions {
  /**
   * Which elements the document keeps (in `elements` and their parent's `children`); depth 0 is the
   * root. Every element is still parsed and checked; one not kept is simply not retained, because
   * retaining every element of a large file is what makes a model cost more than the parse.
   */
  keep?: (name: string, depth: number) => boolean;
  /** Which comments the document keeps, by their text (all by default). */
  keepComment?: (text: string) => boolean;
}

export class ElementNode implements XmlElement {
  children: XmlElement[] = [];
  endTagStart: number | undefined = undefined;
  end: number | undefined = undefined;
  private scanned: XmlAttribute[] | undefined;

  constructor(
    private readonly text: string,
    readonly name: string,
    readonly parent: ElementNode | undefined,
    readonly start: number,
    readonly startTagEnd: number,
    readonly selfClosing: boolean,
    /** The attribute values as sax decoded them, by name. */
    readonly decoded: Record<string, string>,
  ) {}

  get nameStart(): number {
    return this.start + 1;
  }

  get nameEnd(): number {
    return this.start + 1 + this.name.length;
  }

  get attributes(): XmlAttribute[] {
    this.scanned ??= scanAttributes(this.text, this.nameEnd, this.startTagEnd, this.decoded);
    return this.scanned;
  }

  get firstContentStart(): number | undefined {
    if (this.selfClosing) return undefined;
    let at = this.startTagEnd;
    const limit = this.endTagStart ?? this.text.length;
    while (at < limit && isSpace(this.text.charCodeAt(at))) at++;
    return at < limit ? at : undefined;
  }
}

export class TreeBuilder {
  readonly elements: XmlElement[] = [];
  readonly comments: XmlComment[] = [];
  /** The open elements, innermost last. */
  readonly stack: ElementNode[] = [];
  /** Every element in document order, kept or not, when the parse is to be reused (see reparse.ts). */
  readonly all: ElementNode[] | undefined;
  root: ElementNode | undefined;

  constructor(
    private readonly text: string,
    private readonly options: BuildOptions,
    keepAll: boolean,
  ) {
    this.all = keepAll ? [] : undefined;
  }

  open(name: string, decoded: Record<string, string>, start: number, startTagEnd: number, selfClosing: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    const element = new ElementNode(this.text, name, parent, start, startTagEnd, selfClosing, decoded);
    this.stack.push(element);
    this.all?.push(element);
    if (!parent) this.root ??= element;
    else if (this.options.keep && !this.options.keep(name, this.stack.length - 1)) return;
    else parent.children.push(element);
    this.elements.push(element);
  }

  /** `endTagStart`: the '<' of the end tag; undefined for a self-closing element. */
  close(endTagStart: number | undefined, end: number): void {
    const element = this.stack.pop();
    if (!element) return;
    element.endTagStart = endTagStart;
    element.end = end;
  }

  comment(start: number, end: number, text: string): void {
    if (this.options.keepComment && !this.options.keepComment(text)) return;
    this.comments.push({ start, end, text });
  }

  document(error: XmlDocument['error']): XmlDocument {
    return { root: this.root, elements: this.elements, comments: this.comments, error };
  }
}

// Sticky, on the whole text: no slicing, so scanning stays linear in the document size.
const attributePattern = /([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * The exact ranges of the attributes in a start tag, from the end of its name to `end`. sax has already
 * checked the syntax; this only measures. Names without a value (a syntax error sax reported) are skipped.
 */
export function scanAttributes(text: string, from: number, end: number, decoded: Record<string, string>): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  let at = from;
  while (at < end) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    attributePattern.lastIndex = at;
    const match = attributePattern.exec(text);
    if (!match || attributePattern.lastIndex > end) break;
    const name = match[1];
    const raw = match[2] ?? match[3];
    const attributeEnd = attributePattern.lastIndex;
    const valueEnd = attributeEnd - 1;
    attributes.push({
      name,
      value: decoded[name] ?? raw,
      rawValue: raw,
      nameStart: at,
      nameEnd: at + name.length,
      valueStart: valueEnd - raw.length,
      valueEnd,
      start: at,
      end: attributeEnd,
    });
    at = attributeEnd;
  }
  return attributes;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
