// textDocument/documentSymbol: the engine's outline as hierarchical symbols.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf, outlineOf, type OutlineKind, type OutlineSymbol } from '../engine/index';
import { fileNameOf } from './uris';

const kinds: Record<OutlineKind, SymbolKind> = {
  key: SymbolKind.Namespace,
  value: SymbolKind.Property,
  install: SymbolKind.Package,
  label: SymbolKind.Function,
  function: SymbolKind.Function,
};

export function documentSymbols(document: TextDocument | undefined): DocumentSymbol[] {
  if (!document) return [];
  const fileName = fileNameOf(document.uri) ?? document.uri;
  const kind = fileKindOf(fileName);
  if (!kind) return [];
  const convert = (symbol: OutlineSymbol): DocumentSymbol => ({
    name: symbol.name,
    detail: symbol.detail,
    kind: kinds[symbol.kind],
    range: { start: document.positionAt(symbol.start), end: document.positionAt(symbol.end) },
    selectionRange: { start: document.positionAt(symbol.selectionStart), end: document.positionAt(symbol.selectionEnd) },
    children: symbol.children.map(convert),
  });
  return outlineOf(kind, document.getText(), fileName).map(convert);
}
