// Edits the registry fixes make, in the file's own style: its line ending, its spelling of
// HKEY_LOCAL_MACHINE, and a blank line between blocks when the file separates its blocks that way.
import type { SourceText } from '../source-text';
import type { TextEdit } from '../types';
import type { RegistryBlock, RegistryFacts, RegistryValueLine } from './facts';

/** DWORD data as the file's kind writes it: `dword:00000001` (.reg) or `4,1` (.inf). */
export function dwordData(kind: RegistryFacts['kind'], value: number): string {
  return kind === 'inf' ? `4,${value}` : `dword:${value.toString(16).padStart(8, '0')}`;
}

/** Replaces a value line's data. */
export function rewriteData(line: RegistryValueLine, newData: string): TextEdit {
  return { start: line.dataStart, end: line.dataEnd, newText: newData };
}

/** `"Name"=data` */
export function valueLine(name: string, data: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"=${data}`;
}

/** The root of HKLM keys as the file spells it (HKEY_LOCAL_MACHINE by default). */
export function machineRoot(facts: RegistryFacts): string {
  return facts.blocks.find((block) => block.hive === 'HKLM' && block.root)?.root ?? 'HKEY_LOCAL_MACHINE';
}

/** True unless the file puts its blocks right after one another with no blank line between them. */
export function separatesBlocks(source: SourceText, facts: RegistryFacts): boolean {
  let known = separated.get(facts);
  if (known === undefined) separated.set(facts, (known = blankBetweenBlocks(source, facts)));
  return known;
}

const separated = new WeakMap<RegistryFacts, boolean>();

function blankBetweenBlocks(source: SourceText, facts: RegistryFacts): boolean {
  const blocks = facts.blocks;
  if (blocks.length < 2) return true;
  for (let i = 1; i < blocks.length; i++) {
    if (/(?:^|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)/.test(source.text.slice(blocks[i - 1].end, blocks[i].start))) return true;
  }
  return false;
}

function atLineStart(text: string, at: number): boolean {
  return at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r';
}

/** The line before `at` ends in a hex continuation `\` that nothing continues: a blank line must end it first. */
function danglingContinuation(text: string, at: number): boolean {
  let end = at;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end > 0 && text[end - 1] === '\\';
}

/** Lines added at `at`, the end of a block (a line start, or the end of a file without a final line break). */
export function insertLines(source: SourceText, at: number, lines: readonly string[]): string {
  const eol = source.eol;
  const text = atLineStart(source.text, at) ? lines.map((line) => line + eol).join('') : lines.map((line) => eol + line).join('');
  return danglingContinuation(source.text, at) ? eol + text : text;
}

/** New blocks added at `at`, the end of a block, with the file's spacing before and after them. */
export function insertBlocks(source: SourceText, facts: RegistryFacts, at: number, blocks: ReadonlyArray<readonly string[]>): string {
  const eol = source.eol;
  const separator = separatesBlocks(source, facts) ? eol : '';
  const before = danglingContinuation(source.text, at) ? eol : separator;
  const body = blocks.map((lines) => lines.join(eol)).join(eol + separator);
  if (!atLineStart(source.text, at)) return eol + before + body;
  const followedByContent = /^[ \t]*[^\s]/.test(source.text.slice(at, at + 200));
  return before + body + eol + (followedByContent ? separator : '');
}

/** Offsets of the same insertion point merged into one edit, in the order given. */
export function mergeInsertions(insertions: ReadonlyArray<{ at: number; text: string }>): TextEdit[] {
  const byOffset = new Map<number, string>();
  for (const { at, text } of insertions) byOffset.set(at, (byOffset.get(at) ?? '') + text);
  return [...byOffset].map(([at, text]) => ({ start: at, end: at, newText: text }));
}

/** `[…\\TLS 1.2\\Server]` for a block of `[…\\TLS 1.2\\Client]`, spelled as the file spells the key (`server` for `client`). */
export function siblingKeyLine(source: SourceText, block: RegistryBlock, side: 'Client' | 'Server'): string {
  const written = source.text.slice(block.pathStart ?? block.start, block.pathEnd ?? block.start);
  return `[${written.replace(/[^\\]*$/, (last) => (last === last.toLowerCase() ? side.toLowerCase() : last === last.toUpperCase() ? side.toUpperCase() : side))}]`;
}
