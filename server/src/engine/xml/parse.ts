// Builds an XmlDocument from text with sax in strict mode. sax reports where each tag ends; the exact
// name and attribute ranges come from scanning the raw start tag (scanStartTag), so every range is
// an offset into the text as given. Entities and DTDs are never resolved: sax leaves DOCTYPE alone and
// an unknown entity is a syntax error, never a lookup.
import sax from 'sax';
import type { XmlAttribute, XmlComment, XmlDocument, XmlElement, XmlSyntaxError } from './model';

export function parseXml(text: string): XmlDocument {
  const parser = sax.parser(true, { position: true, trim: false, normalize: false, lowercase: false });
  const elements: XmlElement[] = [];
  const comments: XmlComment[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: XmlSyntaxError | undefined;

  // sax's startTagPosition is 1 past the '<' of the markup being read.
  const markupStart = () => parser.startTagPosition - 1;
  const noteContent = (start: number) => {
    const parent = stack[stack.length - 1];
    if (parent && parent.firstContentStart === undefined) parent.firstContentStart = start;
  };

  parser.onopentag = (tag) => {
    const start = markupStart();
    const parent = stack[stack.length - 1];
    const scanned = scanStartTag(text, start, parser.position, tag.attributes as Record<string, string>);
    const element: XmlElement = {
      name: tag.name,
      parent,
      children: [],
      attributes: scanned.attributes,
      start,
      nameStart: start + 1,
      nameEnd: start + 1 + tag.name.length,
      startTagEnd: parser.position,
      selfClosing: tag.isSelfClosing,
      endTagStart: undefined,
      end: undefined,
      firstContentStart: undefined,
    };
    noteContent(start);
    if (parent) parent.children.push(element);
    else root ??= element;
    elements.push(element);
    stack.push(element);
  };

  parser.onclosetag = () => {
    const element = stack.pop();
    if (!element) return;
    if (!element.selfClosing) element.endTagStart = markupStart();
    element.end = parser.position;
  };

  parser.oncomment = (comment) => {
    const start = markupStart();
    noteContent(start);
    comments.push({ start, end: parser.position, text: comment });
  };
  parser.oncdata = () => noteContent(markupStart());
  parser.onprocessinginstruction = () => noteContent(markupStart());
  parser.ontext = (value) => {
    const leading = value.length - value.trimStart().length;
    if (leading < value.length) noteContent(parser.position - value.length + leading);
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

/**
 * Finds the exact ranges of the attributes in the start tag text[start, end). sax has already
 * checked the syntax; this only measures. Names without a value (a syntax error sax reported) are
 * skipped.
 */
function scanStartTag(text: string, start: number, end: number, decoded: Record<string, string>) {
  const attributes: XmlAttribute[] = [];
  // Sticky, on the whole text: no slicing, so scanning stays linear in the document size.
  const pattern = /([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  let at = start + 1;
  while (at < end && !isTagBreak(text.charCodeAt(at))) at++; // the element name
  while (at < end) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match || pattern.lastIndex > end) break;
    const name = match[1];
    const raw = match[2] ?? match[3];
    const attributeEnd = pattern.lastIndex;
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
  return { attributes };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isTagBreak(code: number): boolean {
  return isSpace(code) || code === 47 /* / */ || code === 62 /* > */;
}
