// Builds an XmlDocument from text with sax in strict mode, through a TreeBuilder (tree-builder.ts). sax
// reports where each tag ends; the exact name and attribute ranges come from scanning the raw start tag,
// done lazily on the first read of `attributes` because most elements of a large config are never asked about (measured: the eager
// scan and a text handler made a full lint 4-6 times the bare sax parse; see docs/performance.md).
// Entities and DTDs are never resolved: sax leaves DOCTYPE alone and an unknown entity is a syntax
// error, never a lookup.
import sax from 'sax';
import type { XmlAttribute, XmlDocument, XmlElement, XmlSyntaxError } from './model';
import { isSpace, scanAttributes, TreeBuilder, type BuildOptions } from './tree-builder';
import { shown } from '../message';

export function parseXml(text: string, options: BuildOptions = {}): XmlDocument {
  return parseInto(new TreeBuilder(text, options, false), text);
}

/** A full parse into `builder`, which then holds the document. */
export function parseInto(builder: TreeBuilder, text: string): XmlDocument {
  let error = readInto(builder, text, 0);
  if (!builder.root && !error) error = { message: 'the document has no root element', start: 0, end: 0 };
  return builder.document(error);
}

/**
 * Has sax read `text` into `builder`, up to the first well-formedness error, which it returns. `text` is
 * the whole document, or the part of it that starts at `offset` (a reparse of one element); every
 * position reported is a position in the whole document. Reading stops at that error: what follows it
 * is guesswork (an element that seems closed may not be), and sax's recovery can be quadratic (each of
 * 1,500 unmatched closing tags searched the open elements and grew its text buffer). Rules see the
 * elements read before the error.
 */
export function readInto(builder: TreeBuilder, text: string, offset: number): XmlSyntaxError | undefined {
  let error: XmlSyntaxError | undefined;
  const stop = (found: XmlSyntaxError): never => {
    error = found;
    throw stopReading;
  };
  const parser = sax.parser(true, { position: true, trim: false, normalize: false, lowercase: false });
  // sax drops a repeated attribute without a word; it asks the attributes object of the tag whether it
  // has the name yet, so that object says so (a well-formedness error the .NET config reader rejects).
  const attributes = Object.create(Object.prototype, {
    hasOwnProperty: {
      value(this: object, name: string): boolean {
        if (!Object.prototype.hasOwnProperty.call(this, name)) return false;
        return stop(repeatedAttribute(text, offset, parser.tag.name, name, parser.startTagPosition - 1, parser.position));
      },
    },
  }) as object;
  parser.onopentagstart = (tag) => {
    tag.attributes = Object.create(attributes) as typeof tag.attributes;
  };
  // sax's startTagPosition is 1 past the '<' of the markup being read.
  parser.onopentag = (tag) =>
    builder.open(tag.name, tag.attributes as Record<string, string>, offset + parser.startTagPosition - 1, offset + parser.position, tag.isSelfClosing);
  parser.onclosetag = () => {
    const selfClosing = builder.stack[builder.stack.length - 1]?.selfClosing;
    builder.close(selfClosing ? undefined : offset + parser.startTagPosition - 1, offset + parser.position);
  };
  parser.oncomment = (comment) => {
    // sax reports a comment while its position is still on the final '>': the comment ends after it.
    const end = parser.position < text.length && text[parser.position] === '>' ? parser.position + 1 : parser.position;
    builder.comment(offset + parser.startTagPosition - 1, offset + end, comment);
  };
  parser.onerror = (cause) => stop(describeError(text, offset, cause.message, parser.position, builder.stack));
  try {
    parser.write(text).close();
  } catch (thrown) {
    if (thrown !== stopReading) throw thrown;
  }
  return error;
}

/** Thrown out of sax's handlers to end a read at its first error. */
const stopReading = new Error('stop reading');

/** The second occurrence of `name` in the start tag that begins at `tagStart`: its whole `name="value"`. */
function repeatedAttribute(text: string, offset: number, tag: string, name: string, tagStart: number, position: number): XmlSyntaxError {
  const found = scanAttributes(text, tagStart + 1 + tag.length, position, {}).filter((a) => a.name === name);
  const second = found[1] ?? { start: position - 1, end: position };
  return { message: `attribute ${shown(name, 20)} given twice in <${shown(tag, 24)}>`, start: offset + second.start, end: offset + second.end };
}

/**
 * Turns sax's message and stop position into a short message and the narrowest useful range. `text`
 * starts at `offset` of the document; `position` is in `text`, the open elements' offsets in the document.
 */
function describeError(text: string, offset: number, saxMessage: string, position: number, open: readonly XmlElement[]): XmlSyntaxError {
  const reason = saxMessage.split('\n')[0];
  const innermost = open[open.length - 1];
  if (/^Unclosed root tag|^Unexpected end/.test(reason) && innermost) {
    return { message: `<${shown(innermost.name, 40)}> is never closed`, start: innermost.nameStart, end: innermost.nameEnd };
  }
  const inDocument = (start: number, end: number) => ({ start: offset + start, end: offset + end });
  if (/^Unmatched closing tag|^Unexpected close tag/.test(reason)) {
    // `position` is just past the '>' of the tag, and may be the '<' of the next one.
    const tagStart = text.lastIndexOf('</', position - 1);
    if (tagStart >= 0) {
      const expected = innermost ? `does not close the open <${shown(innermost.name, 20)}>` : 'closes no open element';
      const name = /^<\/([^\s>]*)/.exec(text.slice(tagStart, position))?.[1] ?? '';
      return { message: `</${shown(name, 20)}> ${expected}`, ...inDocument(tagStart + 2, tagStart + 2 + name.length) };
    }
  }
  if (/entity/i.test(reason)) {
    const amp = text.lastIndexOf('&', position - 1);
    if (amp >= 0 && position - amp <= 64) {
      // A bad character in the name: the '&' that starts it; an unknown entity: the whole reference.
      const end = /name/.test(reason) ? amp + 1 : position;
      return { message: `${reason}; write & as &amp;`, ...inDocument(amp, end) };
    }
  }
  const at = Math.max(0, Math.min(position - 1, text.length));
  const atLineBreak = at >= text.length || text[at] === '\n' || text[at] === '\r';
  return { message: reason, ...inDocument(at, atLineBreak ? at : at + 1) };
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
