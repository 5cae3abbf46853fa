// Suppressions over the protocol: the "Suppress …" and "Show documentation" quick fixes, a suppressed
// finding never published, and MIM900 tagged Unnecessary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../server/src/engine/index';
import { asContentChanges, editsOf, withSpawnedServer } from './code-action-helpers';
import { applyTextEdits, offsetOf } from './text-positions';

const testLimit = { timeout: 20_000 };
const scriptUri = 'file:///srv/MIM/install/install-mimservice.cmd';
const hardened = () => ({ enable: true, host: { fips: 'on', tls12Only: 'on' } });
const install = ['@echo off', 'msiexec /i "D:\\MIM\\Service and Portal.msi" ^', '  /qn ADDLOCAL=CommonServices CERTIFICATE_NAME=mim', 'echo done', ''].join('\r\n');

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

test('"Suppress MIM201 on this line" inserts a rem directive above the ^ statement, and the finding goes', testLimit, () =>
  withSpawnedServer(hardened, async (client) => {
    await client.open(scriptUri, install);
    const { diagnostics } = await client.nextDiagnostics(scriptUri);
    const [finding] = byCode(diagnostics, 'MIM201');
    assert.ok(finding, `MIM201 expected, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(finding.range.start.line, 2, 'on the continuation line');

    const actions = (await client.codeActions(scriptUri, [finding])) as CodeAction[];
    const titles = actions.map((a) => a.title);
    const suppress = actions.find((a) => a.title === 'Suppress MIM201 on this line');
    assert.ok(suppress, `offered: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Suppress MIM201 in this file'));
    assert.equal(suppress.kind, CodeActionKind.QuickFix);
    assert.notEqual(suppress.isPreferred, true);
    const docs = actions.find((a) => a.title === 'Show documentation for MIM201');
    assert.deepEqual(docs?.command, { title: 'Show documentation for MIM201', command: 'mimLint.showDocumentation', arguments: [ruleDocsUrl('MIM201')] });

    const edits = editsOf(suppress);
    const fixed = applyTextEdits(install, edits);
    assert.equal(fixed, install.replace('msiexec', 'rem mim-lint-disable-next-line MIM201\r\nmsiexec'));
    const version = await client.change(scriptUri, asContentChanges(install, edits));
    const after = await client.nextDiagnostics(scriptUri, 'diagnostics after the suppression');
    assert.equal(after.version, version);
    assert.deepEqual(byCode(after.diagnostics, 'MIM201'), [], 'suppressed findings are not published');
    assert.deepEqual(byCode(after.diagnostics, 'MIM900'), [], 'the directive is used');
  }));

test('a directive that suppresses nothing is a MIM900 hint tagged Unnecessary, with a fix that removes it', testLimit, () =>
  withSpawnedServer(hardened, async (client) => {
    const text = install.replace('msiexec', 'rem mim-lint-disable-next-line MIM201, MIM205: reviewed\r\nmsiexec');
    await client.open(scriptUri, text);
    const { diagnostics } = await client.nextDiagnostics(scriptUri);
    assert.deepEqual(byCode(diagnostics, 'MIM201'), []);
    const [unused] = byCode(diagnostics, 'MIM900');
    assert.ok(unused, `MIM900 expected, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
    assert.equal(text.slice(offsetOf(text, unused.range.start), offsetOf(text, unused.range.end)), 'MIM205');
    const actions = (await client.codeActions(scriptUri, [unused])) as CodeAction[];
    const remove = actions.find((a) => a.title === 'Remove MIM205 from this directive');
    assert.ok(remove, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyTextEdits(text, editsOf(remove)), text.replace(', MIM205', ''));
    assert.ok(!actions.some((a) => a.title.startsWith('Suppress')), 'MIM900 offers no suppression of itself');
  }));
