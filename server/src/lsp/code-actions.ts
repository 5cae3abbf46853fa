// Quick fixes for our diagnostics. A fix is offered only when the stored lint of the document is of
// the version the client holds now: between a keystroke and the next lint there are none, rather than
// edits aimed at text that has moved.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/index';
import { diagnosticSource, rangeOf, toQuickFix, type ClientSupport, type DiagnosticData } from './convert';
import type { LintResults, LintSnapshot } from './lint-results';

export function quickFixes(
  params: CodeActionParams,
  document: TextDocument | undefined,
  results: LintResults,
  support: ClientSupport,
): CodeAction[] {
  if (!document || !kindRequested(CodeActionKind.QuickFix, params.context.only)) return [];
  const snapshot = results.current(document.uri, document.version);
  if (!snapshot) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const finding = findingBehind(diagnostic, snapshot);
    for (const fix of finding?.fixes ?? []) actions.push(toQuickFix(fix, diagnostic, snapshot.document, support));
  }
  return actions;
}

/** `only` lists kinds or their parents ("quickfix" covers "quickfix.x"); absent means all. */
function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * The finding a diagnostic was made from: by the index it carries in `data` when it comes from this
 * snapshot, else (a client that drops `data`) by rule ID and range.
 */
function findingBehind(diagnostic: Diagnostic, snapshot: LintSnapshot): Finding | undefined {
  const matches = (finding: Finding | undefined): finding is Finding =>
    finding !== undefined && finding.ruleId === diagnostic.code && sameRange(finding, diagnostic, snapshot);
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.documentVersion === snapshot.document.version && typeof data.findingIndex === 'number') {
    const indexed = snapshot.findings[data.findingIndex];
    if (matches(indexed)) return indexed;
  }
  return snapshot.findings.find(matches);
}

function sameRange(finding: Finding, diagnostic: Diagnostic, snapshot: LintSnapshot): boolean {
  const range = rangeOf(snapshot.document.source, finding.start, finding.end);
  const { start, end } = diagnostic.range;
  return (
    range.start.line === start.line &&
    range.start.character === start.character &&
    range.end.line === end.line &&
    range.end.character === end.character
  );
}
