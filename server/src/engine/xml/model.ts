// The XML tree the config rules read: element and attribute names with exact offsets, and the offsets
// fixes need to insert before, after or inside an element. Built by parse.ts from sax events.

export interface XmlAttribute {
  name: string;
  /** The value as sax decoded it (entities replaced). */
  value: string;
  /** The value as written between the quotes. */
  rawValue: string;
  nameStart: number;
  nameEnd: number;
  /** Inside the quotes. */
  valueStart: number;
  valueEnd: number;
  /** From the name to the closing quote. */
  start: number;
  end: number;
}

export interface XmlElement {
  readonly name: string;
  readonly parent: XmlElement | undefined;
  children: XmlElement[];
  /** Computed on first read (most elements of a big config are never asked). */
  readonly attributes: XmlAttribute[];
  /** Offset of '<'. */
  readonly start: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Offset just after the start tag's '>'. */
  readonly startTagEnd: number;
  readonly selfClosing: boolean;
  /** Offset of '</' of the end tag, when there is one. */
  endTagStart: number | undefined;
  /** Offset after the element: after its end tag, or after '/>'. Undefined while unclosed. */
  end: number | undefined;
  /** Start of the first child node that is not whitespace (element, comment, text, CDATA, PI). */
  readonly firstContentStart: number | undefined;
}

export interface XmlComment {
  /** Offset of '<!--'. */
  start: number;
  /** Offset after '-->'. */
  end: number;
  /** The text between '<!--' and '-->'. */
  text: string;
}

export interface XmlSyntaxError {
  message: string;
  start: number;
  end: number;
}

export interface XmlDocument {
  root: XmlElement | undefined;
  /** Every kept element in document order (all of them unless the parse was told to keep fewer). */
  elements: XmlElement[];
  comments: XmlComment[];
  /** The first well-formedness error; the tree then holds only what parsed around it. */
  error: XmlSyntaxError | undefined;
}

export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}

/** The attribute whose name matches ignoring case: what a user meant, even when the case is wrong. */
export function attributeIgnoringCase(element: XmlElement, name: string): XmlAttribute | undefined {
  const lower = name.toLowerCase();
  return attribute(element, name) ?? element.attributes.find((a) => a.name.toLowerCase() === lower);
}
