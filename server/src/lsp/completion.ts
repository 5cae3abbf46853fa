// textDocument/completion: the engine computes the items; this only converts offsets and kinds.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, fileKindOf, type AssistItemKind } from '../engine/index';
import { fileNameOf } from './uris';

/** Typing one of these opens completion: a value after `=`, the next feature after `,`, an element, a key, a value name. */
export const completionTriggerCharacters = ['=', ',', '<', '[', '"'];

const kinds: Record<AssistItemKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  feature: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  element: CompletionItemKind.Snippet,
  key: CompletionItemKind.Module,
  'registry-value': CompletionItemKind.Field,
};

export function completionItems(params: CompletionParams, document: TextDocument | undefined): CompletionItem[] {
  if (!document) return [];
  const fileName = fileNameOf(document.uri) ?? document.uri;
  const kind = fileKindOf(fileName);
  if (!kind) return [];
  const items = completionsAt(kind, document.getText(), document.offsetAt(params.position), fileName);
  return items.map((item, index) => ({
    label: item.label,
    kind: kinds[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    textEdit: { range: { start: document.positionAt(item.start), end: document.positionAt(item.end) }, newText: item.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    // Keep the engine's order (the value MIM needs first) rather than the client's alphabetical one.
    sortText: String(index).padStart(4, '0'),
    preselect: item.preselect,
    command: item.retrigger ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
  }));
}
