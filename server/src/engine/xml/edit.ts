// Building blocks for XML fixes. Every edit takes the file's own line ending and indentation from
// SourceText, changes as little text as possible, and leaves the document well-formed.
import type { SourceText } from '../source-text';
import type { TextEdit } from '../types';
import type { XmlAttribute, XmlElement } from './model';

/** Indentation of an element's line when the element starts the line, else ''. */
export function elementIndent(source: SourceText, element: XmlElement): string {
  return source.isFirstOnLine(element.start) ? source.indentationAt(element.start) : '';
}

/** The indentation a new child of `parent` gets: that of an existing child, else one unit deeper. */
export function childIndent(source: SourceText, parent: XmlElement): string {
  const firstOnLine = parent.children.find((child) => source.isFirstOnLine(child.start));
  if (firstOnLine) return source.indentationAt(firstOnLine.start);
  return elementIndent(source, parent) + source.indentUnit;
}

/**
 * Lines of markup, each with a depth relative to the insertion point, joined with the file's line
 * ending and indented from `base`.
 */
export function markupLines(source: SourceText, base: string, lines: ReadonlyArray<readonly [number, string]>): string {
  return lines.map(([depth, text]) => base + source.indentUnit.repeat(depth) + text).join(source.eol);
}

/** Replaces a self-closing `<name … />` by `<name …>` + content lines + `</name>`. */
function expandSelfClosing(source: SourceText, parent: XmlElement, content: string): TextEdit {
  let slash = parent.startTagEnd - 2;
  while (slash > parent.nameEnd && /[ \t\r\n]/.test(source.text[slash - 1])) slash--;
  const indent = elementIndent(source, parent);
  return {
    start: slash,
    end: parent.startTagEnd,
    newText: `>${source.eol}${content}${source.eol}${indent}</${parent.name}>`,
  };
}

/**
 * Inserts `lines` (see markupLines) as the first child of `parent`, on their own lines when the
 * parent's content is laid out on lines.
 */
export function insertFirstChild(source: SourceText, parent: XmlElement, lines: ReadonlyArray<readonly [number, string]>): TextEdit {
  const indent = childIndent(source, parent);
  if (parent.selfClosing) return expandSelfClosing(source, parent, markupLines(source, indent, lines));
  const first = parent.firstContentStart;
  if (first !== undefined && source.isFirstOnLine(first)) {
    const lineStart = source.lineStarts[source.positionAt(first).line];
    return { start: lineStart, end: lineStart, newText: markupLines(source, source.indentationAt(first), lines) + source.eol };
  }
  if (first !== undefined) return { start: parent.startTagEnd, end: parent.startTagEnd, newText: markupLines(source, '', lines) };
  // Empty parent: <runtime></runtime>
  const closing = parent.endTagStart ?? parent.startTagEnd;
  const body = markupLines(source, indent, lines);
  return { start: parent.startTagEnd, end: closing, newText: `${source.eol}${body}${source.eol}${elementIndent(source, parent)}` };
}

/** Inserts `lines` as the last child of `parent`, before its end tag. Undefined when it has none. */
export function insertLastChild(source: SourceText, parent: XmlElement, lines: ReadonlyArray<readonly [number, string]>): TextEdit | undefined {
  const indent = childIndent(source, parent);
  if (parent.selfClosing) return expandSelfClosing(source, parent, markupLines(source, indent, lines));
  const closing = parent.endTagStart;
  if (closing === undefined) return undefined;
  if (source.isFirstOnLine(closing)) {
    const lineStart = source.lineStarts[source.positionAt(closing).line];
    return { start: lineStart, end: lineStart, newText: markupLines(source, indent, lines) + source.eol };
  }
  return { start: closing, end: closing, newText: markupLines(source, '', lines) };
}

/** Inserts `lines` just before `sibling`, on their own lines when the sibling starts its line. */
export function insertBefore(source: SourceText, sibling: XmlElement, lines: ReadonlyArray<readonly [number, string]>): TextEdit {
  if (!source.isFirstOnLine(sibling.start)) return { start: sibling.start, end: sibling.start, newText: markupLines(source, '', lines) };
  const lineStart = source.lineStarts[source.positionAt(sibling.start).line];
  return { start: lineStart, end: lineStart, newText: markupLines(source, source.indentationAt(sibling.start), lines) + source.eol };
}

/** Removes an element; when it stands alone on its lines, the whole lines go with it. */
export function removeElement(source: SourceText, element: XmlElement): TextEdit {
  const end = element.end ?? element.startTagEnd;
  const startLine = source.positionAt(element.start).line;
  const endLine = source.positionAt(end).line;
  const aloneOnLines = source.isFirstOnLine(element.start) && /^[ \t]*$/.test(source.text.slice(end, source.lineEndOffset(endLine)));
  if (!aloneOnLines) return { start: element.start, end, newText: '' };
  const nextLine = endLine + 1 < source.lineCount ? source.lineStarts[endLine + 1] : source.text.length;
  return { start: source.lineStarts[startLine], end: nextLine, newText: '' };
}

/** The element's text as written (a moved element keeps its own spelling). */
export function elementMarkup(source: SourceText, element: XmlElement): string {
  return source.text.slice(element.start, element.end ?? element.startTagEnd);
}

export function renameElement(element: XmlElement, newName: string, source: SourceText): TextEdit[] {
  const edits: TextEdit[] = [{ start: element.nameStart, end: element.nameEnd, newText: newName }];
  if (element.endTagStart !== undefined) {
    const nameStart = element.endTagStart + 2;
    const nameEnd = nameStart + element.name.length;
    if (source.text.slice(nameStart, nameEnd) === element.name) edits.push({ start: nameStart, end: nameEnd, newText: newName });
  }
  return edits;
}

export function replaceValue(attribute: XmlAttribute, value: string): TextEdit {
  return { start: attribute.valueStart, end: attribute.valueEnd, newText: value };
}

/** Removes an attribute together with the whitespace before it. */
export function removeAttribute(source: SourceText, attribute: XmlAttribute): TextEdit {
  let start = attribute.start;
  while (start > 0 && /[ \t\r\n]/.test(source.text[start - 1])) start--;
  return { start, end: attribute.end, newText: '' };
}
