// Completion in .reg files: SCHANNEL protocol and .NET Framework key paths after `[`, and the value
// names that matter under them (with the data that enables TLS 1.2 and disables the older protocols).
import { schannelProtocolsPath } from '../tls/schannel';
import type { AssistCompletion } from './completion';
import { netFrameworkValues, protocolValues, registryKeyDocs, tlsKeyPaths } from './registry-knowledge';

export function registryCompletions(text: string, offset: number): AssistCompletion[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const typed = text.slice(lineStart, offset);
  const key = /^\s*\[-?([^\]]*)$/.exec(typed);
  if (key) {
    const start = offset - key[1].length;
    return tlsKeyPaths().map((path) => ({
      label: path, kind: 'key', detail: 'registry key', documentation: registryKeyDocs(path), insertText: `${path}]`, start, end: lineEnd,
    }));
  }
  const name = /^\s*"([^"]*)$/.exec(typed);
  if (!name) return [];
  const path = currentKey(text, lineStart);
  const protocol = path && new RegExp(`^HKEY_LOCAL_MACHINE\\\\${schannelProtocolsPath.replace(/\\/g, '\\\\')}\\\\(\\w+ \\d\\.\\d)\\\\(Client|Server)$`, 'i').exec(path);
  const values = protocol ? protocolValues(protocol[1]) : path && /\\\.NETFramework\\v(2\.0\.50727|4\.0\.30319)$/i.test(path) ? netFrameworkValues : undefined;
  if (!values) return [];
  const start = offset - name[1].length;
  // Editing the name of an existing value line: replace the name only and keep its data.
  const rest = text.slice(offset, lineEnd);
  const closing = rest.indexOf('"=');
  return values.map((value) => ({
    label: value.name,
    kind: 'registry-value',
    detail: closing >= 0 ? 'registry value' : `"${value.name}"=dword:${value.data}`,
    documentation: value.meaning,
    insertText: closing >= 0 ? value.name : `${value.name}"=dword:${value.data}`,
    start,
    end: closing >= 0 ? offset + closing : lineEnd,
  }));
}

/** The key the line at `lineStart` belongs to: the last `[…]` line above it. */
function currentKey(text: string, lineStart: number): string | undefined {
  const above = text.slice(0, lineStart).split(/\r?\n/);
  for (let i = above.length - 1; i >= 0; i--) {
    const match = /^\s*\[([^\]]*)\]/.exec(above[i]);
    if (match) return match[1].trim();
  }
  return undefined;
}
