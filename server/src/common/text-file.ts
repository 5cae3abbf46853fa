// Bytes on disk <-> the text the engine sees. Engine offsets refer to text without a BOM (as in the
// editor), and `--fix` must write a file back in the encoding it came in, BOM included, without
// changing a byte outside the edits. Windows tools write .config/.cmd/.reg files in all of UTF-8
// (with or without BOM), UTF-16 (regedit exports) and the ANSI code page, so all of them are read.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text without its BOM. */
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  /**
   * Encoding `text` again gives back exactly the bytes that were read. False for damaged files (an odd
   * number of bytes in UTF-16), which may be linted but must not be rewritten.
   */
  roundTrips: boolean;
}

/** Thrown when text holds a character its file's encoding cannot store (a fix inserting "€" into UTF-16 is fine, into windows-1252 is fine, "😀" into windows-1252 is not). */
export class UnencodableTextError extends Error {}

const boms: ReadonlyArray<{ encoding: TextEncodingName; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

export function bomBytes(encoding: TextEncodingName): readonly number[] {
  return boms.find((b) => b.encoding === encoding)?.bytes ?? [];
}

export function decodeText(bytes: Uint8Array): DecodedText {
  for (const { encoding, bytes: bom } of boms) {
    if (bom.every((byte, i) => bytes[i] === byte)) return decodeBody(bytes.subarray(bom.length), encoding, true);
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false, roundTrips: true };
  return decodeBody(bytes, 'windows-1252', false);
}

/** How far into a text a NUL character makes it binary: git looks at the first 8,000 bytes the same way. */
const binaryProbeLength = 8000;

/**
 * Whether decoded text is binary content rather than text: a NUL character near its start. No config,
 * script, registry export or security template has one (regedit's UTF-16 has its BOM and is decoded),
 * and linting megabytes of NULs as XML or a script only costs time.
 */
export function isBinaryText(text: string): boolean {
  const nul = text.indexOf('\0');
  return nul >= 0 && nul < binaryProbeLength;
}

/** Why a binary file is skipped, for the CLI's warning and the server's log. */
export const binarySkipReason = 'it holds NUL characters near its start, so it is binary content, not text (a UTF-16 file needs its byte order mark)';

/** The bytes of `text` in `encoding`, with the BOM when `bom` is set. */
export function encodeText(text: string, encoding: TextEncodingName, bom: boolean): Uint8Array {
  const body = encodeBody(text, encoding);
  const prefix = bom ? bomBytes(encoding) : [];
  const result = new Uint8Array(prefix.length + body.length);
  result.set(prefix, 0);
  result.set(body, prefix.length);
  return result;
}

function decodeBody(body: Uint8Array, encoding: TextEncodingName, bom: boolean): DecodedText {
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(body)
      : encoding === 'windows-1252'
        ? decodeWindows1252(body)
        : decodeUtf16(body, encoding);
  let roundTrips: boolean;
  try {
    roundTrips = sameBytes(encodeBody(text, encoding), body);
  } catch (error) {
    if (!(error instanceof UnencodableTextError)) throw error;
    roundTrips = false;
  }
  return { text, encoding, bom, roundTrips };
}

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function encodeBody(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      // Buffer would silently turn a lone surrogate into U+FFFD: refuse instead of changing the text.
      if (loneSurrogate.test(text)) throw new UnencodableTextError('the text holds a lone UTF-16 surrogate, which UTF-8 cannot store');
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return swapBytePairs(Buffer.from(text, 'utf16le'));
    case 'windows-1252':
      return encodeWindows1252(text);
  }
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Node keeps lone surrogates and drops a trailing odd byte; the round-trip check catches the latter. */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const even = body.subarray(0, body.length - (body.length % 2));
  const little = encoding === 'utf-16le' ? Buffer.from(even) : swapBytePairs(Buffer.from(even));
  return little.toString('utf16le');
}

function swapBytePairs(buffer: Buffer): Buffer {
  const copy = Buffer.from(buffer);
  return copy.swap16();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

// windows-1252 as WHATWG defines it: latin1 except 0x80–0x9F, where the five unassigned bytes map to
// the C1 control with the same number. So every byte decodes, and encoding back is exact.
const windows1252High = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const windows1252Bytes = new Map<number, number>(windows1252High.map((code, i) => [code, 0x80 + i]));

function decodeWindows1252(body: Uint8Array): string {
  let text = '';
  for (const byte of body) {
    text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? windows1252High[byte - 0x80] : byte);
  }
  return text;
}

function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code < 0x100) ? code : windows1252Bytes.get(code);
    if (byte === undefined) {
      throw new UnencodableTextError(`windows-1252 cannot store U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    bytes[i] = byte;
  }
  return bytes;
}
