// Builds an XmlDocument from text with sax in strict mode. sax reports where each tag ends; the exact
// name and attribute ranges come from scanning the raw start tag, done lazily on the first read of
// `attributes` because most elements of a large config are never asked about (measured: the eager
// scan and a text handler made a full lint 4-6 times the bare sax parse; see docs/performance.md).
// Entities and DTDs are never resolved: sax leaves DOCTYPE alone and an unknown entity is a syntax
// error, never a lookup.
import sax from 'sax';
import type { XmlAttribute, XmlComment, XmlDocument, XmlElement, XmlSyntaxError } from './model';

class ElementNode implements XmlElement {
  children: XmlElement[] = [];
  endTagStart: number | undefined = undefined;
  end: number | undefined = undefined;
  private scanned: XmlAttribute[] | undefined;

  constructor(
    private readonly text: string,
    readonly name: string,
    readonly parent: XmlElement | undefined,
    readonly start: number,
    readonly startTagEnd: number,
    readonly selfClosing: boolean,
    private readonly decoded: Record<string, string>,
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

export interface ParseOptions {
  /**
   * Which elements the document keeps (in `elements` and their parent's `children`); depth 0 is the
   * root. Every element is still parsed and checked; one not kept is simply not retained, because
   * retaining every element of a large file is what makes a model cost more than the parse.
   */
  keep?: (name: string, depth: number) => boolean;
  /** Which comments the document keeps, by their text (all by default). */
  keepComment?: (text: string) => boolean;
}

export function parseXml(text: string, options: ParseOptions = {}): XmlDocument {
  const keep = options.keep;
  const parser = sax.parser(true, { position: true, trim: false, normalize: false, lowercase: false });
  const elements: XmlElement[] = [];
  const comments: XmlComment[] = [];
  const stack: ElementNode[] = [];
  let root: XmlElement | undefined;
  let error: XmlSyntaxError | undefined;

  parser.onopentag = (tag) => {
    // sax's startTagPosition is 1 past the '<' of the markup being read.
    const start = parser.startTagPosition - 1;
    const parent = stack[stack.length - 1];
    const element = new ElementNode(text, tag.name, parent, start, parser.position, tag.isSelfClosing, tag.attributes as Record<string, string>);
    stack.push(element);
    if (!parent) root ??= element;
    else if (keep && !keep(tag.name, stack.length - 1)) return;
    else parent.children.push(element);
    elements.push(element);
  };

  parser.onclosetag = () => {
    const element = stack.pop();
    if (!element) return;
    if (!element.selfClosing) element.endTagStart = parser.startTagPosition - 1;
    element.end = parser.position;
  };

  parser.oncomment = (comment) => {
    if (options.keepComment && !options.keepComment(comment)) return;
    // sax reports a comment while its position is still on the final '>': the comment ends after it.
    const end = parser.position < text.length && text[parser.position] === '>' ? parser.position + 1 : parser.position;
    comments.push({ start: parser.startTagPosition - 1, end, text: comment });
  };

  parser.onerror = (cause) => {
    error ??= describeError(text, cause.message, parser.position, stack);
    // Keep reading: rules still see every element that parsed.
    (parser as unknown as { error: Error | null }).error = null;
  };

  parser.write(text).close();
  if (!root && !error) error = { message: 'the document has no root element', start: 0, end: 0 };
  return { root, elements, comments, error };
}

/** Turns sax's message and stop position into a short message and the narrowest useful range. */
function describeError(text: string, saxMessage: string, position: number, open: readonly XmlElement[]): XmlSyntaxError {
  const reason = saxMessage.split('\n')[0];
  const innermost = open[open.length - 1];
  if (/^Unclosed root tag|^Unexpected end/.test(reason) && innermost) {
    return { message: `<${innermost.name}> is never closed`, start: innermost.nameStart, end: innermost.nameEnd };
  }
  if (/^Unmatched closing tag|^Unexpected close tag/.test(reason)) {
    const tagStart = text.lastIndexOf('</', position);
    if (tagStart >= 0) {
      const expected = innermost ? `; the open element is <${innermost.name}>` : '';
      const name = /^<\/([^\s>]*)/.exec(text.slice(tagStart, position))?.[1] ?? '';
      return { message: `closing tag </${name}> matches no open element${expected}`, start: tagStart + 2, end: tagStart + 2 + name.length };
    }
  }
  if (/entity/i.test(reason)) {
    const amp = text.lastIndexOf('&', position - 1);
    if (amp >= 0 && position - amp <= 64) {
      // A bad character in the name: the '&' that starts it; an unknown entity: the whole reference.
      const end = /name/.test(reason) ? amp + 1 : position;
      return { message: `${reason} (write a literal & as &amp;)`, start: amp, end };
    }
  }
  const at = Math.max(0, Math.min(position - 1, text.length));
  const atLineBreak = at >= text.length || text[at] === '\n' || text[at] === '\r';
  return { message: reason, start: at, end: atLineBreak ? at : at + 1 };
}

// Sticky, on the whole text: no slicing, so scanning stays linear in the document size.
const attributePattern = /([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * The exact ranges of the attributes in a start tag, from the end of its name to `end`. sax has already
 * checked the syntax; this only measures. Names without a value (a syntax error sax reported) are skipped.
 */
function scanAttributes(text: string, from: number, end: number, decoded: Record<string, string>): XmlAttribute[] {
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

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The attribute whose value contains `offset`, read straight from the text (for a text-wide search that
 * found something inside a start tag). Values are as written (entities not decoded).
 */
export function attributeAt(text: string, offset: number): XmlAttribute | undefined {
  const tagStart = text.lastIndexOf('<', offset);
  if (tagStart < 0 || /[!?/]/.test(text[tagStart + 1] ?? '')) return undefined;
  let nameEnd = tagStart + 1;
  while (nameEnd < text.length && !isSpace(text.charCodeAt(nameEnd)) && text[nameEnd] !== '>' && text[nameEnd] !== '/') nameEnd++;
  const attributes = scanAttributes(text, nameEnd, Math.min(text.length, offset + 65536), {});
  return attributes.find((a) => a.valueStart <= offset && offset < a.valueEnd);
}
