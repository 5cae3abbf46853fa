// The security-template reader (secedit / Group Policy GptTmpl.inf): only [Registry Values] matters.
// Each line there is `MACHINE\Path\To\Key\ValueName=type,data`; type 4 (REG_DWORD) data is decimal,
// types 1 and 2 are strings (often quoted), 7 a comma-separated multi-string, 3 binary (kept unknown).
import { emptyRegistryFacts, type RegistryFacts } from './facts';
import { scanLines } from './lines';
import { parseNumber, type RegistryWrite } from './model';
import { shown } from '../message';

const roots: Record<string, string> = { MACHINE: 'HKLM', USERS: 'HKU', CLASSES_ROOT: 'HKCR' };
/** REG_NONE … REG_QWORD: the registry types a template line can name. */
const maxType = 11;

export function readInfFile(text: string): RegistryFacts {
  const facts = emptyRegistryFacts('inf');
  const values = facts.values!;
  const error = (start: number, end: number, message: string) => facts.syntaxErrors.push({ start, end, message });
  let inRegistryValues = false;
  for (const line of scanLines(text)) {
    const { start, end } = line;
    if (start === end) continue;
    const content = text.slice(start, end);
    if (content[0] === ';') {
      facts.comments.push({ start, end, text: content });
      continue;
    }
    if (content[0] === '[') {
      inRegistryValues = /^\[\s*Registry Values\s*\]$/i.test(content);
      if (inRegistryValues && !facts.header) facts.header = { start, end, text: content };
      continue;
    }
    if (!inRegistryValues) continue;
    const equals = content.indexOf('=');
    if (equals < 0) {
      error(start, end, 'A [Registry Values] line is written KEY\\ValueName=type,data (MACHINE\\…\\Enabled=4,1)');
      continue;
    }
    let keyStart = start;
    let keyEnd = start + content.slice(0, equals).trimEnd().length;
    if (text[keyStart] === '"' && keyEnd - keyStart >= 2 && text[keyEnd - 1] === '"') {
      keyStart++;
      keyEnd--;
    }
    const key = text.slice(keyStart, keyEnd);
    const firstSlash = key.indexOf('\\');
    const lastSlash = key.lastIndexOf('\\');
    if (lastSlash < 0 || lastSlash === key.length - 1) {
      error(keyStart, Math.max(keyEnd, keyStart + 1), 'The registry key needs a root, a path and a value name (MACHINE\\System\\…\\Enabled)');
      continue;
    }
    const root = key.slice(0, firstSlash);
    const hive = roots[root.toUpperCase()];
    if (!hive) {
      error(keyStart, keyStart + Math.max(root.length, 1), `Unknown root "${shown(root, 32)}" (security templates use MACHINE, USERS or CLASSES_ROOT)`);
      continue;
    }
    const dataStart = start + equals + 1 + (content.slice(equals + 1).length - content.slice(equals + 1).trimStart().length);
    const data = text.slice(dataStart, end);
    const comma = data.indexOf(',');
    const typeText = (comma < 0 ? data : data.slice(0, comma)).trim();
    if (comma < 0 || !/^\d{1,2}$/.test(typeText) || Number(typeText) > maxType) {
      const message = comma < 0
        ? 'The data is written type,data (4,1 for a REG_DWORD of 1, 1,"text" for a string)'
        : `Unknown registry type "${shown(typeText, 8)}" (use 4 REG_DWORD, 1 REG_SZ, 2, 3 or 7)`;
      error(dataStart, comma < 0 ? end : dataStart + comma, message);
      continue;
    }
    const type = Number(typeText);
    const raw = data.slice(comma + 1).trim();
    let value: number | string | undefined;
    if (type === 4 || type === 11) {
      value = parseNumber(raw);
      if (value === undefined) {
        error(dataStart + comma + 1, end, `${type === 4 ? 'REG_DWORD' : 'REG_QWORD'} data must be a decimal number (4,1)`);
        continue;
      }
    } else if (type === 1 || type === 2 || type === 7) {
      value = type !== 7 && raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    }
    const path = key.slice(firstSlash + 1, lastSlash).replace(/\\{2,}/g, '\\').replace(/^\\|\\$/g, '');
    const block = { hive, path, start, end: line.next, deleted: false, pathStart: keyStart, pathEnd: keyStart + lastSlash, root };
    const write: RegistryWrite = { operation: 'set-value', hive, path, valueName: key.slice(lastSlash + 1), data: value, start, end };
    facts.blocks.push(block);
    facts.writes.push(write);
    values.push({ write, block, nameStart: keyStart + lastSlash + 1, nameEnd: keyEnd, dataStart, dataEnd: end, type: 'inf', infType: type });
  }
  return facts;
}
