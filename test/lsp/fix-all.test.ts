// Fix-all over the protocol: `source.fixAll.mimLint` (what codeActionsOnSave asks for) and the
// "Fix All Problems in File" command give minimal edits that produce exactly the engine's fixAll text,
// and a second run finds nothing to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { fixAll } from '../../server/src/engine/index';
import { withTimeout, type LspTestClient } from './lsp-test-client';
import { asContentChanges, editsOf, withSpawnedServer } from './code-action-helpers';
import { fipsOn } from './fixtures';
import { applyTextEdits, offsetOf, positionOf } from './text-positions';
import { hosts } from '../unit/helpers';

const testLimit = { timeout: 20_000 };
const uri = 'file:///srv/MIM/Service/Microsoft.ResourceManagement.Service.exe.config';
const fileName = '/srv/MIM/Service/Microsoft.ResourceManagement.Service.exe.config';
/** The facts §7.2 config (FIPS policy missing from <runtime>, a copy in the wrong place, wrong case), with CRLF. */
const broken = readFileSync('test/fixtures/config/bad-7.2.config', 'utf8').replace(/\r?\n/g, '\r\n');

function requestActions(client: LspTestClient, text: string, only?: string[]): Promise<CodeAction[]> {
  return withTimeout(
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: positionOf(text, text.length) },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    }),
    'the code action response',
  ) as Promise<CodeAction[]>;
}

test('source.fixAll.mimLint: minimal edits giving the engine fixAll text; nothing the second time', testLimit, () =>
  withSpawnedServer(fipsOn, async (client) => {
    await client.open(uri, broken);
    await client.nextDiagnostics(uri);
    assert.ok(!(await requestActions(client, broken)).some((a) => a.kind?.startsWith('source.fixAll')), 'not in the light bulb');

    const [action, ...others] = await requestActions(client, broken, ['source.fixAll.mimLint']);
    assert.ok(action, 'a fix-all action');
    assert.equal(others.length, 0);
    assert.equal(action.kind, 'source.fixAll.mimLint');
    const edits = editsOf(action);
    const expected = fixAll(broken, fileName, { profile: hosts.fips }).text;
    assert.notEqual(expected, broken);
    assert.equal(applyTextEdits(broken, edits), expected);
    assert.ok(edits.length > 1, 'separate edits for separate places, not one rewrite of the document');
    const rewritten = edits.reduce((sum, e) => sum + offsetOf(broken, e.range.end) - offsetOf(broken, e.range.start), 0);
    assert.ok(rewritten < broken.length / 4, `only changed text is replaced (${rewritten} of ${broken.length})`);

    const [viaParent] = await requestActions(client, broken, ['source.fixAll']);
    assert.deepEqual(viaParent?.edit, action.edit, 'source.fixAll covers source.fixAll.mimLint');

    const version = await client.change(uri, asContentChanges(broken, edits));
    await client.nextDiagnostics(uri, 'diagnostics after fix-all');
    assert.equal(version, 2);
    assert.deepEqual(await requestActions(client, expected, ['source.fixAll.mimLint']), [], 'fix-all twice changes nothing');
  }));

test('the Fix All command has the client apply the same edits', testLimit, () =>
  withSpawnedServer(fipsOn, async (client) => {
    const applied: ApplyWorkspaceEditParams[] = [];
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    await client.open(uri, broken);
    await client.nextDiagnostics(uri);
    await withTimeout(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'mimLint.applyFixAll', arguments: [{ uri, version: 1 }] }),
      'the executeCommand response',
    );
    assert.equal(applied.length, 1);
    const [change] = applied[0].edit.documentChanges ?? [];
    assert.ok(change && 'edits' in change);
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.equal(applyTextEdits(broken, change.edits as TextEdit[]), fixAll(broken, fileName, { profile: hosts.fips }).text);

    await withTimeout(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'mimLint.applyFixAll', arguments: [{ uri, version: 7 }] }),
      'the executeCommand response for a stale version',
    );
    assert.equal(applied.length, 1, 'no edit for a version the client no longer holds');
  }));
