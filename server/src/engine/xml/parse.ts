// Builds an XmlDocument from text with sax in strict mode, through a TreeBuilder (tree-builder.ts). sax
// reports where each tag ends; the exact name and attribute ranges come from scanning the raw start tag,
// done lazily on the first read of `attributes` because most elements of a large config are never asked about (measured: the eager
// scan and a text handler made a full lint 4-6 times the bare sax parse; see docs/performance.md).
// Entities and DTDs are never resolved: sax leaves DOCTYPE alone and an unknown entity is a syntax
// error, never a lookup.
import sax from 'sax';
import type { XmlAttribute, XmlDocument, XmlElement, XmlSyntaxError } from './model';
import { isSpace, scanAttributes, TreeBuilder, type BuildOptions } from './tree-builder';

export function parseXml(text: string, options: BuildOptions = {}): XmlDocument {
  return parseInto(new TreeBuilder(text, options, false), text);
}

/** A full parse into `builder`, which then holds the document. */
export function parseInto(builder: TreeBuilder, text: string): XmlDocument {
  let error: XmlSyntaxError | undefined;
  const parser = saxInto(builder, text, 0, (cause, position) => {
    error ??= describeError(text, cause.message, position, builder.stack);
  });
  parser.write(text).close();
  if (!builder.root && !error) error = { message: 'the document has no root element', start: 0, end: 0 };
  return builder.document(error);
}

/**
 * A sax parser that reports into `builder`. `text` is what it will be given: the whole document, or the
 * part of it that starts at `offset` (a reparse of one element); every position reported is made a
 * position in the whole document. After an error sax keeps reading, so rules still see every element
 * that parsed.
 */
export function saxInto(builder: TreeBuilder, text: string, offset: number, onError: (cause: Error, position: number) => void): sax.SAXParser {
  const parser = sax.parser(true, { position: true, trim: false, normalize: false, lowercase: false });
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
  parser.onerror = (cause) => {
    onError(cause, offset + parser.position);
    (parser as unknown as { error: Error | null }).error = null;
  };
  return parser;
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
