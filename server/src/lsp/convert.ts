// The one place where engine data becomes LSP data: findings → diagnostics, fixes → code actions.
// Every offset is converted with the SourceText the finding was computed from, never with a newer
// text, so ranges and edits always match the document version they claim.
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { ruleDocsUrl, type Finding, type Fix, type Location, type Severity, type SourceText, type TextEdit } from '../engine/index';
import { uriOfFile } from './uris';

export const diagnosticSource = 'mim-lint';

/** A document as it was when it was linted. */
export interface LintedDocument {
  uri: string;
  fileName: string;
  version: number;
  source: SourceText;
}

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  documentVersion: number;
  findingIndex: number;
}

/** The optional protocol features the client declared in `initialize`. */
export interface ClientSupport {
  relatedInformation: boolean;
  /** WorkspaceEdit.documentChanges: lets an edit name the document version it was computed for. */
  versionedEdits: boolean;
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(source: SourceText, start: number, end: number): Range {
  return { start: source.positionAt(start), end: source.positionAt(end) };
}

export function toDiagnostic(finding: Finding, findingIndex: number, document: LintedDocument, support: ClientSupport): Diagnostic {
  const data: DiagnosticData = { documentVersion: document.version, findingIndex };
  const diagnostic: Diagnostic = {
    range: rangeOf(document.source, finding.start, finding.end),
    severity: severities[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: diagnosticSource,
    message: finding.message,
    data,
  };
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related?.length && support.relatedInformation) diagnostic.relatedInformation = relatedInformation(finding, document);
  return diagnostic;
}

/**
 * Related places a diagnostic lists. A finding that depends on the host profile points at its evidence,
 * which in a repository of per-host hardening files is one place per file: 750 entries on every such
 * diagnostic made 1,000 files send 146 MB. The full list is in "MIM Lint: Show Host Profile".
 */
export const maxRelatedInformation = 6;

function relatedInformation(finding: Finding, document: LintedDocument): DiagnosticRelatedInformation[] {
  const related = finding.related!;
  if (related.length <= maxRelatedInformation) return related.map((location) => toRelatedInformation(location, document));
  const shown = related.slice(0, maxRelatedInformation - 1).map((location) => toRelatedInformation(location, document));
  const more = related.length - shown.length;
  shown.push({
    location: { uri: document.uri, range: rangeOf(document.source, finding.start, finding.end) },
    message: `and ${more.toLocaleString('en-US')} more places: the command "MIM Lint: Show Host Profile" lists the host evidence in full`,
  });
  return shown;
}

function toRelatedInformation(location: Location, document: LintedDocument): DiagnosticRelatedInformation {
  const uri = uriOfFile(location.file, document);
  // Offsets into another file mean nothing without its text; its line, when given, still does.
  const range =
    uri === document.uri
      ? rangeOf(document.source, location.start, location.end)
      : { start: { line: location.line ?? 0, character: 0 }, end: { line: location.line ?? 0, character: 0 } };
  return { location: { uri, range }, message: location.message };
}

export function toQuickFix(fix: Fix, diagnostic: Diagnostic, document: LintedDocument, support: ClientSupport): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred === true,
    edit: toWorkspaceEdit(fix.edits, document, support),
  };
}

export function toWorkspaceEdit(edits: readonly TextEdit[], document: LintedDocument, support: ClientSupport): WorkspaceEdit {
  const textEdits: LspTextEdit[] = edits.map((edit) => ({
    range: rangeOf(document.source, edit.start, edit.end),
    newText: edit.newText,
  }));
  if (support.versionedEdits) {
    // The client refuses the edit if the document has moved on since this version.
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
  }
  return { changes: { [document.uri]: textEdits } };
}
