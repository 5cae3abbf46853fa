// Document outline: the keys of a .reg/.inf file (with their values), and in scripts the MIM and other
// msiexec installs, cmd labels (subroutines) and PowerShell functions, nested by where they stand.
import type { FileKind } from '../types';
import { readRegistryFile } from '../registry/read';
import { baseName } from '../file-kinds';
import { readMsiexec } from '../script/msiexec';
import { readScript } from '../script/read-script';
import type { ScriptCommand, ScriptModel } from '../script/model';
import { lex } from '../script/powershell/lexer';
import { buildTree, isGroup, isToken, type Node } from '../script/powershell/tree';

export type OutlineKind = 'key' | 'value' | 'install' | 'label' | 'function';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineKind;
  start: number;
  end: number;
  /** The part to reveal when the symbol is picked (the name as written). */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

export function outlineOf(kind: FileKind, text: string, fileName = ''): OutlineSymbol[] {
  if (kind === 'reg' || kind === 'inf') return registryOutline(kind, text);
  if (kind === 'cmd' || kind === 'powershell') {
    const model = readScript(kind, text, fileName);
    const containers = kind === 'cmd' ? cmdLabels(text, model) : powerShellFunctions(text);
    return nest([...containers, ...installs(model, text)]);
  }
  return [];
}

function registryOutline(kind: 'reg' | 'inf', text: string): OutlineSymbol[] {
  const facts = readRegistryFile(kind, text);
  return facts.blocks.map((block) => {
    const selectionStart = block.pathStart ?? block.start;
    const selectionEnd = block.pathEnd ?? block.end;
    const values = (facts.values ?? []).filter((line) => line.block === block);
    return {
      name: text.slice(selectionStart, selectionEnd) || `${block.hive}\\${block.path}`,
      detail: block.deleted ? 'deleted' : `${values.length} value${values.length === 1 ? '' : 's'}`,
      kind: 'key',
      start: block.start,
      end: Math.max(block.end, ...values.map((v) => v.dataEnd)),
      selectionStart,
      selectionEnd,
      children: values.map((line) => ({
        name: line.write.valueName || '(Default)',
        detail: text.slice(line.dataStart, line.dataEnd),
        kind: 'value' as const,
        start: line.nameStart,
        end: line.dataEnd,
        selectionStart: line.nameStart,
        selectionEnd: line.nameEnd,
        children: [],
      })),
    };
  });
}

function installs(model: ScriptModel, text: string): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  for (const command of model.commands) {
    // A DSC Package resource is also read as the install it runs (`via: 'dsc'`): listed once, as the resource.
    if (command.name === 'msiexec' && command.via !== 'dsc') {
      const invocation = readMsiexec(command, text);
      const features = invocation.properties.find((p) => p.name.toUpperCase() === 'ADDLOCAL');
      const what = invocation.packageToken ? baseName(invocation.packageToken.text) : 'msiexec';
      symbols.push(leaf(command, `${invocation.action === 'x' || invocation.action === 'uninstall' ? 'uninstall' : 'install'} ${what}`,
        [invocation.unattended ? 'unattended' : '', features ? `ADDLOCAL=${features.value}` : ''].filter(Boolean).join(', ')));
    } else if (command.name === 'dsc-package') {
      const path = command.named['path'];
      symbols.push(leaf(command, `Package ${command.positional[0]?.text ?? ''}`.trim(), path ? baseName(path.text) : 'DSC Package'));
    }
  }
  return symbols;
}

function leaf(command: ScriptCommand, name: string, detail: string): OutlineSymbol {
  const { start, end } = command.nameToken;
  return { name, detail, kind: 'install', start: command.start, end: command.end, selectionStart: start, selectionEnd: end, children: [] };
}

/** `:label` lines; each runs to the next label (the usual subroutine layout). `::` is a comment. */
function cmdLabels(text: string, model: ScriptModel): OutlineSymbol[] {
  const labels: OutlineSymbol[] = [];
  for (const match of text.matchAll(/^[ \t]*:(?!:)([^\s:+;,=]+)/gm)) {
    const selectionStart = match.index + match[0].length - match[1].length - 1;
    if (model.comments.some((c) => c.start <= selectionStart && selectionStart < c.end)) continue;
    labels.push({ name: `:${match[1]}`, detail: 'label', kind: 'label', start: match.index, end: text.length, selectionStart, selectionEnd: selectionStart + match[1].length + 1, children: [] });
  }
  for (let i = 0; i + 1 < labels.length; i++) labels[i].end = Math.max(labels[i].selectionEnd, labels[i + 1].start - 1);
  return labels;
}

/** `function Name { … }` and `filter Name { … }` at any depth, from the PowerShell lexer's bracket tree. */
function powerShellFunctions(text: string): OutlineSymbol[] {
  const found: OutlineSymbol[] = [];
  const walk = (nodes: readonly Node[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (isGroup(node)) {
        walk(node.nodes);
        continue;
      }
      const name = nodes[i + 1];
      if (!isToken(node, 'word') || !/^(function|filter|workflow)$/i.test(node.text) || !name || !isToken(name, 'word')) continue;
      const body = nodes.slice(i + 2).find((n) => isGroup(n, '{'));
      const end = body?.end ?? name.end;
      found.push({ name: name.text, detail: node.text.toLowerCase(), kind: 'function', start: node.start, end, selectionStart: name.start, selectionEnd: name.end, children: [] });
    }
  };
  walk(buildTree(lex(text).tokens));
  return found;
}

/** Puts each symbol under the innermost one whose range holds it. */
function nest(symbols: OutlineSymbol[]): OutlineSymbol[] {
  const sorted = symbols.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: OutlineSymbol[] = [];
  const stack: OutlineSymbol[] = [];
  for (const symbol of sorted) {
    while (stack.length > 0 && stack[stack.length - 1].end < symbol.end) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(symbol);
    if (symbol.kind !== 'install') stack.push(symbol);
  }
  return roots;
}
