// Hover on SCHANNEL and .NET TLS registry keys and values, in .reg/.inf files (with the state the file
// leaves, from the registry history the rules read) and in script commands (with the state the command
// sets, from the same SCHANNEL helpers the script rules use).
import { historyOf, isNetFrameworkKey, describeSide } from '../registry/history';
import type { RegistryWrite } from '../registry/model';
import { readRegistryFile } from '../registry/read';
import { registryWritesOf } from '../script/registry-commands';
import type { ScriptModel } from '../script/model';
import { applyWrite, schannelTarget, stateFromHost, type ProtocolState } from '../tls/schannel';
import type { AssistHover } from './hover';
import { netFrameworkValues, protocolValues, registryKeyDocs } from './registry-knowledge';

export function registryFileHover(kind: 'reg' | 'inf', text: string, offset: number): AssistHover | undefined {
  const facts = readRegistryFile(kind, text);
  const history = historyOf(facts);
  const line = facts.values?.find((v) => v.nameStart <= offset && offset <= v.dataEnd);
  if (line) {
    const target = schannelTarget(line.write);
    const leaves = target && `${target.protocol} ${target.side}, as this file leaves it: ${describeSide(history.side(target.protocol, target.side))}.`;
    const contents = writeText(line.write, leaves);
    return contents ? { contents, start: line.nameStart, end: line.dataEnd } : undefined;
  }
  const block = facts.blocks.find((b) => b.pathStart !== undefined && b.pathEnd !== undefined && b.pathStart <= offset && offset <= b.pathEnd);
  if (!block || block.pathStart === undefined || block.pathEnd === undefined) return undefined;
  const target = schannelTarget(block);
  if (!target && !isNetFrameworkKey(block)) return undefined;
  const state = target ? `\n\n${target.protocol} ${target.side}, as this file leaves it: ${describeSide(history.side(target.protocol, target.side))}.` : '';
  return { contents: `${registryKeyDocs(block.path)}${state}`, start: block.pathStart, end: block.pathEnd };
}

export function scriptRegistryHover(model: ScriptModel, offset: number): AssistHover | undefined {
  const command = model.commands.find((c) => c.start <= offset && offset <= c.end);
  if (!command) return undefined;
  const writes = registryWritesOf(command).filter((w) => schannelTarget(w) || isNetFrameworkKey(w));
  if (writes.length === 0) return undefined;
  const parts: string[] = [];
  let state: ProtocolState = stateFromHost('unknown');
  for (const write of writes) {
    const target = schannelTarget(write);
    if (target) state = applyWrite(state, write);
    const after = target && `After this command: ${target.protocol} ${target.side}: ${describeSide({ state })}.`;
    const text = writeText(write, after);
    if (text) parts.push(text);
  }
  return parts.length > 0 ? { contents: parts.join('\n\n---\n\n'), start: command.start, end: command.end } : undefined;
}

/** What one value write means, and the state it leads to. */
function writeText(write: RegistryWrite, state: string | undefined): string | undefined {
  const target = schannelTarget(write);
  const name = write.valueName ?? '';
  const known = target ? protocolValues(target.protocol) : isNetFrameworkKey(write) ? netFrameworkValues : [];
  const value = known.find((v) => v.name.toLowerCase() === name.toLowerCase());
  const keyDocs = target || /v(2\.0\.50727|4\.0\.30319)$/i.test(write.path) ? registryKeyDocs(write.path) : undefined;
  if (!value && !keyDocs) return undefined;
  const data = typeof write.data === 'number' ? `=${write.data}` : '';
  const head = name ? `**${name}${data}** under \`HKLM\\${write.path}\`` : `\`HKLM\\${write.path}\``;
  return [head, value?.meaning, keyDocs, state].filter(Boolean).join('\n\n');
}
