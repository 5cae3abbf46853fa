// The .reg reader: regedit's export format (`Windows Registry Editor Version 5.00` or `REGEDIT4`), read
// line by line in one pass. Key lines create or delete keys, value lines set or delete values; data is
// kept as numbers for dword/qword (and hex(4)/hex(b) of the right length), as text for strings, and
// unknown for other hex data. Malformed lines become syntax errors and write nothing.
import { emptyRegistryFacts, type RegistryBlock, type RegistryDataType, type RegistryFacts, type RegistrySyntaxError } from './facts';
import { scanLines, skipBlanks, type ScannedLine } from './lines';
import type { RegistryWrite } from './model';
import { shown } from '../message';

// Compiled once, not for every value line.
const dwordDigits = /^[0-9a-f]{1,8}$/i;
const qwordDigits = /^[0-9a-f]{1,16}$/i;

const roots: Record<string, string> = {
  HKEY_LOCAL_MACHINE: 'HKLM',
  HKEY_CURRENT_USER: 'HKCU',
  HKEY_CLASSES_ROOT: 'HKCR',
  HKEY_USERS: 'HKU',
  HKEY_CURRENT_CONFIG: 'HKCC',
};
const abbreviations: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};

const validHeader = /^(?:Windows Registry Editor Version 5\.00|REGEDIT4)$/i;
const headerLike = /^(?:Windows Registry Editor\b|REGEDIT)/i;

/** Where value lines go: no key yet, a key, a key line regedit rejects, or a key deletion. */
type Current = { state: 'none' } | { state: 'key'; block: RegistryBlock } | { state: 'invalid' } | { state: 'deleted' };

interface ParsedValue {
  name: string;
  nameStart: number;
  nameEnd: number;
  dataStart: number;
  dataEnd: number;
  type: RegistryDataType;
  data: number | string | undefined;
  errors: RegistrySyntaxError[];
  /** Index of the value's last line (after hex continuation lines). */
  lastLine: number;
}

export function readRegFile(text: string): RegistryFacts {
  const facts = emptyRegistryFacts('reg');
  const values = facts.values!;
  const lines = scanLines(text);
  const error = (start: number, end: number, message: string, fileRefused?: true) => facts.syntaxErrors.push({ start, end, message, ...(fileRefused && { fileRefused }) });
  let current: Current = { state: 'none' };
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const { start, end } = line;
    if (start === end) continue;
    const first = text[start];
    if (!seenContent) {
      seenContent = true;
      const content = text.slice(start, end);
      if (validHeader.test(content)) {
        facts.header = { start, end, text: content };
        continue;
      }
      if (headerLike.test(content)) {
        facts.header = { start, end, text: content };
        error(start, end, `Unknown .reg header "${shown(content, 40)}": regedit refuses to import the file.`, true);
        continue;
      }
      error(start, end, 'No "Windows Registry Editor Version 5.00" header on the first line: regedit refuses to import the file.', true);
    }
    if (first === ';') {
      facts.comments.push({ start, end, text: text.slice(start, end) });
      continue;
    }
    if (first === '[') {
      current = readKeyLine(text, line, facts, error);
      continue;
    }
    if (current.state === 'key') current.block.end = line.next;
    if (first !== '"' && first !== '@') {
      error(start, end, 'Not a .reg line (a [key], "Name"=data, @=data or ; comment)');
      continue;
    }
    const value = readValueLine(text, lines, i, facts);
    i = value.lastLine;
    if (current.state === 'key') current.block.end = lines[i].next;
    for (const valueError of value.errors) facts.syntaxErrors.push(valueError);
    if (current.state === 'none') {
      error(start, lines[i].end, 'A value line before any [key] line has no key to go to');
    } else if (current.state === 'deleted') {
      error(start, lines[i].end, 'A value line after a key deletion ([-…]) has no key to go to');
    } else if (current.state === 'key' && value.errors.length === 0) {
      const block = current.block;
      const write: RegistryWrite = {
        operation: value.type === 'delete' ? 'delete-value' : 'set-value',
        hive: block.hive,
        path: block.path,
        valueName: value.name,
        start,
        end: lines[i].end,
      };
      if (value.type !== 'delete') write.data = value.data;
      facts.writes.push(write);
      values.push({ write, block, nameStart: value.nameStart, nameEnd: value.nameEnd, dataStart: value.dataStart, dataEnd: value.dataEnd, type: value.type });
    }
  }
  return facts;
}

function readKeyLine(text: string, line: ScannedLine, facts: RegistryFacts, error: (s: number, e: number, m: string) => void): Current {
  const { start, end } = line;
  const content = text.slice(start, end);
  const close = content.lastIndexOf(']');
  if (close < 0) {
    error(start, end, 'The key line has no closing "]"');
    return { state: 'invalid' };
  }
  const closeAt = start + close;
  const deleted = text[start + 1] === '-';
  const pathStart = start + (deleted ? 2 : 1);
  const raw = text.slice(pathStart, closeAt);
  if (raw.startsWith('[') || raw.endsWith(']')) {
    error(start, closeAt + 1, 'Unbalanced key brackets (write [HKEY_…\\Key] with one "[" and one "]")');
    return { state: 'invalid' };
  }
  const rootEnd = raw.indexOf('\\') < 0 ? raw.length : raw.indexOf('\\');
  const root = raw.slice(0, rootEnd);
  const hive = roots[root.toUpperCase()];
  if (!hive) {
    const full = abbreviations[root.toUpperCase()];
    const rootRange: [number, number] = root.length > 0 ? [pathStart, pathStart + root.length] : [start, closeAt + 1];
    error(
      ...rootRange,
      full
        ? `regedit does not accept the abbreviation ${root} (write ${full})`
        : root.length === 0
          ? 'The key line names no key (write [HKEY_LOCAL_MACHINE\\…])'
          : `Unknown root key "${shown(root, 24)}" (use HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, …)`,
    );
    return { state: 'invalid' };
  }
  const path = raw.slice(rootEnd).replace(/\\{2,}/g, '\\').replace(/^\\|\\$/g, '');
  const block: RegistryBlock = { hive, path, start, end: line.next, deleted, pathStart, pathEnd: closeAt, root };
  facts.blocks.push(block);
  facts.writes.push({ operation: deleted ? 'delete-key' : 'create-key', hive, path, start, end });
  return deleted ? { state: 'deleted' } : { state: 'key', block };
}

/** Reads `"Name"=data` or `@=data` starting at line `index`, with any hex continuation lines. */
function readValueLine(text: string, lines: ScannedLine[], index: number, facts: RegistryFacts): ParsedValue {
  const { start, end } = lines[index];
  const result: ParsedValue = { name: '', nameStart: start, nameEnd: start + 1, dataStart: end, dataEnd: end, type: 'string', data: undefined, errors: [], lastLine: index };
  const fail = (s: number, e: number, message: string) => {
    result.errors.push({ start: s, end: e, message });
    return result;
  };
  let at = start + 1;
  if (text[start] === '"') {
    const name = readQuoted(text, start, end);
    if (!name) return fail(start, end, 'The value name has no closing quote');
    result.name = name.value;
    at = name.end;
    result.nameEnd = at;
  }
  at = skipBlanks(text, at, end);
  if (text[at] !== '=' || at >= end) return fail(at < end ? at : start, end, 'Expected "=" and data after the value name ("Name"=dword:00000001)');
  at = skipBlanks(text, at + 1, end);
  result.dataStart = at;
  result.dataEnd = end;
  if (at >= end) return fail(start, end, 'The value line has no data after "="');
  const rest = text.slice(at, end);
  const prefix = /^(dword|qword|hex(?:\(([0-9a-f]{1,8})\))?):/i.exec(rest);
  if (text[at] === '-') {
    result.type = 'delete';
    return trailing(text, at + 1, result, facts, fail);
  }
  if (text[at] === '"') {
    const data = readQuoted(text, at, end);
    if (!data) return fail(at, end, 'The string data has no closing quote');
    result.data = data.value;
    return trailing(text, data.end, result, facts, fail);
  }
  if (!prefix) {
    const colon = rest.indexOf(':');
    return fail(at, colon < 0 ? end : at + colon, 'Unknown data type (use "text", dword:, hex:, hex(N): or -)');
  }
  const kind = prefix[1].toLowerCase();
  const digitsStart = at + prefix[0].length;
  if (kind === 'dword' || kind === 'qword') {
    const max = kind === 'dword' ? 8 : 16;
    let digitsEnd = digitsStart;
    while (digitsEnd < end && !/[\s;]/.test(text[digitsEnd])) digitsEnd++;
    const digits = text.slice(digitsStart, digitsEnd);
    if (!(kind === 'dword' ? dwordDigits : qwordDigits).test(digits)) {
      return fail(digits ? digitsStart : at, digits ? digitsEnd : digitsStart, `${kind} data needs 1 to ${max} hexadecimal digits (${kind}:${'0'.repeat(max - 1)}1)`);
    }
    result.type = kind;
    result.data = Number(BigInt(`0x${digits}`));
    return trailing(text, digitsEnd, result, facts, fail);
  }
  result.type = 'hex';
  return readHex(text, lines, index, digitsStart, prefix[2]?.toLowerCase(), result, facts, fail);
}

/** After the data only blanks or a ; comment may follow. */
function trailing(text: string, from: number, result: ParsedValue, facts: RegistryFacts, fail: (s: number, e: number, m: string) => ParsedValue): ParsedValue {
  const end = result.dataEnd;
  const at = skipBlanks(text, from, end);
  result.dataEnd = from;
  if (at >= end) return result;
  if (text[at] === ';') {
    facts.comments.push({ start: at, end, text: text.slice(at, end) });
    return result;
  }
  return fail(at, end, 'Unexpected text after the data');
}

/** `hex:01,02,\` with continuation lines; hex(4) and hex(b) of the right length become numbers. */
function readHex(
  text: string,
  lines: ScannedLine[],
  index: number,
  from: number,
  type: string | undefined,
  result: ParsedValue,
  facts: RegistryFacts,
  fail: (s: number, e: number, m: string) => ParsedValue,
): ParsedValue {
  const bytes: number[] = [];
  let segmentStart = from;
  let segmentEnd = lines[index].end;
  for (;;) {
    let contentEnd = segmentEnd;
    const semicolon = text.slice(segmentStart, segmentEnd).indexOf(';');
    const comment = segmentStart + semicolon;
    if (semicolon >= 0) {
      facts.comments.push({ start: comment, end: segmentEnd, text: text.slice(comment, segmentEnd) });
      contentEnd = comment;
      while (contentEnd > segmentStart && /\s/.test(text[contentEnd - 1])) contentEnd--;
    }
    const continued = contentEnd > segmentStart && text[contentEnd - 1] === '\\';
    const listEnd = continued ? contentEnd - 1 : contentEnd;
    let tokenStart = segmentStart;
    for (let at = segmentStart; at <= listEnd; at++) {
      if (at < listEnd && text[at] !== ',') continue;
      const s = skipBlanks(text, tokenStart, at);
      let e = at;
      while (e > s && /\s/.test(text[e - 1])) e--;
      const token = text.slice(s, e);
      const last = at === listEnd;
      if (token === '') {
        if (!last) return fail(tokenStart, Math.min(at + 1, listEnd), 'Empty byte in hex data (write hex:01,00,00,00)');
      } else if (/^[0-9a-f]{1,2}$/i.test(token)) {
        bytes.push(parseInt(token, 16));
      } else {
        return fail(s, e, `"${shown(token, 16)}" is not a byte (hex data is two-digit bytes: hex:01,00)`);
      }
      tokenStart = at + 1;
    }
    result.dataEnd = contentEnd;
    if (!continued) break;
    let next = index + 1;
    while (next < lines.length && text[lines[next].start] === ';' && lines[next].start < lines[next].end) {
      facts.comments.push({ start: lines[next].start, end: lines[next].end, text: text.slice(lines[next].start, lines[next].end) });
      next++;
    }
    const following = lines[next];
    if (!following || following.start === following.end) break;
    if (/["@[]/.test(text[following.start])) {
      return fail(contentEnd - 1, contentEnd, 'The hex data ends with a line continuation "\\", but the next line is not hex data.');
    }
    index = next;
    result.lastLine = index;
    segmentStart = following.start;
    segmentEnd = following.end;
  }
  const typeNumber = type === undefined ? undefined : parseInt(type, 16);
  const numeric = (typeNumber === 4 && bytes.length === 4) || (typeNumber === 11 && bytes.length === 8);
  result.data = numeric ? littleEndian(bytes) : undefined;
  return result;
}

function littleEndian(bytes: number[]): number {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]);
  return Number(value);
}

/** A quoted .reg string at `at` (which holds `"`): `\\` and `\"` are escapes. Undefined when unterminated. */
function readQuoted(text: string, at: number, end: number): { value: string; end: number } | undefined {
  let value = '';
  let from = at + 1;
  for (let i = at + 1; i < end; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < end && (text[i + 1] === '\\' || text[i + 1] === '"')) {
      value += text.slice(from, i) + text[i + 1];
      i++;
      from = i + 1;
    } else if (c === '"') {
      return { value: value + text.slice(from, i), end: i + 1 };
    }
  }
  return undefined;
}
