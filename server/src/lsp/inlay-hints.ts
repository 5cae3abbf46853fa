// textDocument/inlayHint: the engine's TLS state on each MIM install, built with the inputs a lint of
// the document uses (settings, .mimlintrc.json, the inferred host, the wrappers that call the script),
// so a hint never disagrees with the diagnostics next to it.
import { MarkupKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { tlsStateHints } from '../engine/index';
import { BudgetExceededError, lintBudgetMs, withinBudget } from '../common/time-budget';
import { isBinaryText } from '../common/text-file';
import { lintInputsFor } from './lint-inputs';
import type { Session } from './session';
import { fileNameOf } from './uris';

export async function inlayHints(params: InlayHintParams, session: Session): Promise<InlayHint[]> {
  const uri = params.textDocument.uri;
  const fileName = fileNameOf(uri);
  if (fileName === undefined || !session.documents.get(uri)) return [];
  const settings = await session.settings.forDocument(uri);
  if (!settings.enable || !settings.inlayHints.tlsState) return [];
  const inputs = await lintInputsFor(uri, fileName, settings, session.index, session.configs);
  // Read after the awaits: the positions are those of the text the client holds now.
  const document = session.documents.get(uri);
  if (!document || inputs.ignored) return [];
  const text = document.getText();
  if (isBinaryText(text)) return [];
  const from = document.offsetAt(params.range.start);
  const to = document.offsetAt(params.range.end);
  let hints;
  try {
    // The flow analysis under the lint's time budget: a reader bug must not freeze the server.
    hints = withinBudget(lintBudgetMs(text.length), () => tlsStateHints(text, fileName, inputs.options));
  } catch (error) {
    if (error instanceof BudgetExceededError) return [];
    throw error;
  }
  return hints
    .filter((hint) => from <= hint.offset && hint.offset <= to)
    .map((hint) => ({
      position: document.positionAt(hint.offset),
      label: hint.label,
      tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
      paddingRight: true,
    }));
}
