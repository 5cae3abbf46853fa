// Finding → Diagnostic and Fix → CodeAction, checked on the fields the protocol tests do not reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-protocol';
import { SourceText, type Finding } from '../../server/src/engine/index';
import { toDiagnostic, toQuickFix, type ClientSupport, type LintedDocument } from '../../server/src/lsp/convert';

const fileName = '/srv/MIM/Service/Microsoft.ResourceManagement.Service.exe.config';
const text = '<configuration>\r\n  <runtime />\r\n</configuration>\r\n';
// The client's own spelling of the URI, which a file-name round trip would not reproduce.
const document: LintedDocument = { uri: 'file:///srv/MIM/Service/Microsoft.ResourceManagement.Service.exe.config?x', fileName, version: 7, source: new SourceText(text, fileName) };
const full: ClientSupport = { relatedInformation: true, versionedEdits: true };
const runtime = text.indexOf('<runtime />');

const finding: Finding = {
  ruleId: 'MIM106',
  severity: 'hint',
  start: runtime,
  end: runtime + '<runtime />'.length,
  message: 'example',
  unnecessary: true,
  related: [
    { file: fileName, start: 0, end: '<configuration>'.length, message: 'in this file' },
    { file: '/srv/scripts/Enable-Fips.reg', start: 120, end: 130, line: 4, message: 'FIPS is enabled here' },
  ],
};

test('a finding becomes a diagnostic with code, doc link, severity, tags, data and related locations', () => {
  const diagnostic = toDiagnostic(finding, 3, document, full);
  assert.deepEqual(diagnostic.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } });
  assert.equal(diagnostic.severity, DiagnosticSeverity.Hint);
  assert.equal(diagnostic.code, 'MIM106');
  assert.match(diagnostic.codeDescription!.href, /MIM106\.md$/);
  assert.deepEqual(diagnostic.tags, [DiagnosticTag.Unnecessary]);
  assert.deepEqual(diagnostic.data, { documentVersion: 7, findingIndex: 3 });
  assert.deepEqual(diagnostic.relatedInformation, [
    { location: { uri: document.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } } }, message: 'in this file' },
    {
      location: { uri: pathToFileURL('/srv/scripts/Enable-Fips.reg').href, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } } },
      message: 'FIPS is enabled here',
    },
  ]);
});

test('severities map one to one, and related information is left out for clients that cannot show it', () => {
  const severityOf = (severity: Finding['severity']) => toDiagnostic({ ...finding, severity }, 0, document, full).severity;
  assert.deepEqual(
    [severityOf('error'), severityOf('warning'), severityOf('info'), severityOf('hint')],
    [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint],
  );
  const plain = toDiagnostic({ ...finding, unnecessary: undefined }, 0, document, { ...full, relatedInformation: false });
  assert.equal(plain.relatedInformation, undefined);
  assert.equal(plain.tags, undefined);
});

test('a fix becomes a quick fix whose edit is tied to the linted version, or plain changes for older clients', () => {
  const fix = { title: 'Remove', edits: [{ start: runtime, end: runtime + '<runtime />'.length, newText: '' }], preferred: true };
  const diagnostic = toDiagnostic(finding, 0, document, full);
  const action = toQuickFix(fix, diagnostic, document, full);
  assert.equal(action.kind, CodeActionKind.QuickFix);
  assert.equal(action.isPreferred, true);
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } };
  assert.deepEqual(action.edit, { documentChanges: [{ textDocument: { uri: document.uri, version: 7 }, edits: [{ range, newText: '' }] }] });
  const unversioned = toQuickFix({ ...fix, preferred: undefined }, diagnostic, document, { ...full, versionedEdits: false });
  assert.equal(unversioned.isPreferred, false);
  assert.deepEqual(unversioned.edit, { changes: { [document.uri]: [{ range, newText: '' }] } });
});
