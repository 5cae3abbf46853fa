// Code actions for our diagnostics: each finding's own fixes, "Suppress MIMxxx on this line / in this
// file" and "Show documentation for MIMxxx"; and fix-all (`source.fixAll.mimLint`, also behind the
// "Fix All Problems in File" command). A quick fix is offered only when the stored lint of the document
// is of the version the client holds now: between a keystroke and the next lint there are none, rather
// than edits aimed at text that has moved. Fix-all instead lints the text the client holds now.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, ruleDocsUrl, SourceText, type Finding, type Fix } from '../engine/index';
import { diagnosticSource, rangeOf, toQuickFix, toWorkspaceEdit, type ClientSupport, type DiagnosticData, type LintedDocument } from './convert';
import type { LintResults, LintSnapshot } from './lint-results';
import { showDocumentationCommand } from '../protocol';

/** `"editor.codeActionsOnSave": { "source.fixAll.mimLint": "explicit" }` asks for this kind. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.mimLint`;

export function codeActions(
  params: CodeActionParams,
  document: TextDocument | undefined,
  results: LintResults,
  support: ClientSupport,
): CodeAction[] {
  const only = params.context.only;
  const actions = kindRequested(CodeActionKind.QuickFix, only) ? quickFixes(params, document, results, support) : [];
  // Fix-all only when asked for by kind (on save, or the Source Action menu), never in the light bulb.
  if (only?.some((requested) => fixAllKind === requested || fixAllKind.startsWith(`${requested}.`))) {
    const fixAll = fixAllAction(document, results, support);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

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
  // Two findings of one rule offer the same "in this file" and documentation actions: list them once.
  const offered = new Set<string>();
  const offer = (action: CodeAction) => {
    const key = JSON.stringify([action.title, action.edit, action.command]);
    if (offered.has(key)) return;
    offered.add(key);
    actions.push(action);
  };
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const finding = findingBehind(diagnostic, snapshot);
    if (!finding) continue;
    const fixes: Fix[] = [...(finding.fixes ?? []), ...(snapshot.suppressions?.fixesFor(finding) ?? [])];
    for (const fix of fixes) offer(toQuickFix(fix, diagnostic, snapshot.document, support));
    offer(documentationAction(finding.ruleId, diagnostic));
  }
  return actions;
}

function documentationAction(ruleId: string, diagnostic: Diagnostic): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title, command: showDocumentationCommand, arguments: [ruleDocsUrl(ruleId)] },
  };
}

/**
 * Fix-all for the text the client holds now: the engine's fixAll (preferred fixes only, until stable,
 * as `mim-lint --fix`) with the options of the document's last lint, as minimal edits. Undefined when
 * there is nothing to fix or the document was never linted (not ours, or mim-lint is disabled for it).
 */
export function fixAllAction(document: TextDocument | undefined, results: LintResults, support: ClientSupport): CodeAction | undefined {
  if (!document) return undefined;
  const snapshot: LintSnapshot | undefined = results.latest(document.uri);
  if (!snapshot?.options) return undefined;
  const text = document.getText();
  const { fileName } = snapshot.document;
  const { edits } = fixAllEdits(text, fileName, snapshot.options);
  if (edits.length === 0) return undefined;
  const linted: LintedDocument = { uri: document.uri, fileName, version: document.version, source: new SourceText(text, fileName) };
  return { title: 'Fix all MIM Lint problems', kind: fixAllKind, edit: toWorkspaceEdit(edits, linted, support) };
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
