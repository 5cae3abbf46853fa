// textDocument/hover: the engine writes the text; this converts offsets.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf, hoverAt } from '../engine/index';
import { fileNameOf } from './uris';

export function hover(params: HoverParams, document: TextDocument | undefined): Hover | null {
  if (!document) return null;
  const fileName = fileNameOf(document.uri) ?? document.uri;
  const kind = fileKindOf(fileName);
  const found = kind && hoverAt(kind, document.getText(), document.offsetAt(params.position), fileName);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.contents },
    range: { start: document.positionAt(found.start), end: document.positionAt(found.end) },
  };
}
