// textDocument/inlayHint: the engine's TLS state on each MIM install, built with the inputs a lint of
// the document uses (settings, .mimlintrc.json, the inferred host, the wrappers that call the script),
// so a hint never disagrees with the diagnostics next to it.
import { MarkupKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { tlsStateHints, type LintOptions, type TlsStateHint } from '../engine/index';
import { BudgetExceededError, lintBudgetMs, withinBudget } from '../common/time-budget';
import { isBinaryText } from '../common/text-file';
import { lintInputsFor, lintInputsKey } from './lint-inputs';
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
  const hints = hintsOf(session, uri, text, fileName, inputs.options);
  return hints
    .filter((hint) => from <= hint.offset && hint.offset <= to)
    .map((hint) => ({
      position: document.positionAt(hint.offset),
      label: hint.label,
      tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
      paddingRight: true,
    }));
}

/**
 * The last hints of each document, by its text and lint inputs: the editor asks again for every range it
 * scrolls to, and a 5,000-line script's flow analysis takes tens of milliseconds (`npm run bench completion`).
 */
const lastHints = new WeakMap<Session, Map<string, { text: string; inputs: string; hints: TlsStateHint[] }>>();
const keptDocuments = 16;

function hintsOf(session: Session, uri: string, text: string, fileName: string, options: LintOptions): TlsStateHint[] {
  let kept = lastHints.get(session);
  if (!kept) lastHints.set(session, (kept = new Map()));
  const inputs = lintInputsKey(options);
  const known = kept.get(uri);
  if (known && known.text === text && known.inputs === inputs) return known.hints;
  let hints: TlsStateHint[];
  try {
    // The flow analysis under the lint's time budget: a reader bug must not freeze the server.
    hints = withinBudget(lintBudgetMs(text.length), () => tlsStateHints(text, fileName, options));
  } catch (error) {
    if (error instanceof BudgetExceededError) return [];
    throw error;
  }
  kept.delete(uri);
  kept.set(uri, { text, inputs, hints });
  if (kept.size > keptDocuments) kept.delete(kept.keys().next().value!);
  return hints;
}
