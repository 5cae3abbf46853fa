// `mimLint.run`: with `onSave` an open document is linted when it is opened and when it is saved, not
// on each edit; with `onType` (the default) edits are linted after the debounce. Read per document, so
// two folders can differ. "Not linted on the edit" is shown by order, not by waiting: the onSave
// document is edited first and the onType one second, with the same debounce, so a lint of the first
// edit would be published before the second's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Diagnostic, ServerCapabilities } from 'vscode-languageserver-protocol';
import { defaultSettings, lintTriggers, settingsFrom } from '../../server/src/lsp/settings';
import { LspTestClient } from './lsp-test-client';
import { serviceConfigWithoutFipsPolicy } from './fixtures';
import { positionOf } from './text-positions';

const onSaveUri = 'file:///srv/mim-on-save/Microsoft.ResourceManagement.Service.exe.config';
const onTypeUri = 'file:///srv/mim-on-type/Microsoft.ResourceManagement.Service.exe.config';

/** Each folder's settings, as VS Code answers workspace/configuration for a scope. */
const settingsFor = (scopeUri: string | undefined) => ({
  host: { fips: 'on', tls12Only: 'auto' },
  run: scopeUri?.startsWith('file:///srv/mim-on-save/') ? 'onSave' : 'onType',
});

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

/** The edit that clears MIM101: the FIPS policy element typed as the first child of <runtime>. */
function insertFipsPolicy(text: string) {
  const at = positionOf(text, text.indexOf('<runtime>') + '<runtime>'.length);
  return [{ range: { start: at, end: at }, text: '\r\n    <enforceFIPSPolicy enabled="false" />' }];
}

test('mimLint.run onSave: linted when opened and saved, not on edits; onType documents still lint as you type', { timeout: 20_000 }, async () => {
  const client = LspTestClient.spawnServer();
  try {
    client.settings = settingsFor;
    await client.initialize();
    const sync = client.serverCapabilities.textDocumentSync as Exclude<ServerCapabilities['textDocumentSync'], number>;
    assert.ok(sync?.save, 'the server asks for didSave');

    const text = serviceConfigWithoutFipsPolicy;
    await client.open(onSaveUri, text);
    await client.open(onTypeUri, text);
    // Opening lints at once in both modes.
    assert.ok(codes((await client.nextDiagnostics(onSaveUri)).diagnostics).includes('MIM101'));
    assert.ok(codes((await client.nextDiagnostics(onTypeUri)).diagnostics).includes('MIM101'));

    assert.equal(await client.change(onSaveUri, insertFipsPolicy(text)), 2);
    assert.equal(await client.change(onTypeUri, insertFipsPolicy(text)), 2);
    const typed = await client.nextDiagnostics(onTypeUri, 'the onType document linted after the edit');
    assert.equal(typed.version, 2);
    assert.ok(!codes(typed.diagnostics).includes('MIM101'), `MIM101 gone after the edit: ${JSON.stringify(codes(typed.diagnostics))}`);
    assert.deepEqual(client.unconsumed(onSaveUri), [], 'the onSave document was not linted on the edit');

    await client.save(onSaveUri);
    const saved = await client.nextDiagnostics(onSaveUri, 'the onSave document linted on save');
    assert.equal(saved.version, 2);
    assert.ok(!codes(saved.diagnostics).includes('MIM101'), `MIM101 gone after the save: ${JSON.stringify(codes(saved.diagnostics))}`);

    // Saving the onType document lints nothing again: its edit was linted already.
    await client.save(onTypeUri);
    await client.change(onSaveUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await client.change(onTypeUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    assert.equal((await client.nextDiagnostics(onTypeUri)).version, 3);
    assert.deepEqual(client.unconsumed(onSaveUri), [], 'no lint of the onSave document without a save');
  } finally {
    await client.stop();
  }
});

test('mimLint.run switched to onSave in the settings applies to the next edit of an open document', { timeout: 20_000 }, async () => {
  const client = LspTestClient.spawnServer();
  const other = 'file:///srv/mim-other/Microsoft.ResourceManagement.Service.exe.config';
  try {
    client.settings = () => ({ host: { fips: 'on', tls12Only: 'auto' } });
    await client.initialize();
    const text = serviceConfigWithoutFipsPolicy;
    await client.open(onTypeUri, text);
    await client.open(other, text);
    await client.nextDiagnostics(onTypeUri);
    await client.nextDiagnostics(other);

    // onSave for the first document only; a settings change lints every open document again.
    await client.configurationChanged((scope) => ({ host: { fips: 'on', tls12Only: 'auto' }, run: scope === onTypeUri ? 'onSave' : 'onType' }));
    assert.equal((await client.nextDiagnostics(onTypeUri)).version, 1);
    assert.equal((await client.nextDiagnostics(other)).version, 1);

    await client.change(onTypeUri, insertFipsPolicy(text));
    await client.change(other, insertFipsPolicy(text));
    assert.equal((await client.nextDiagnostics(other)).version, 2);
    assert.deepEqual(client.unconsumed(onTypeUri), [], 'not linted on the edit once onSave applies');
    await client.save(onTypeUri);
    const saved = await client.nextDiagnostics(onTypeUri);
    assert.equal(saved.version, 2);
    assert.ok(!codes(saved.diagnostics).includes('MIM101'));
  } finally {
    await client.stop();
  }
});

test('the mimLint.run setting of package.json is the one the server reads', () => {
  const setting = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties['mimLint.run'];
  assert.deepEqual(setting.enum, [...lintTriggers]);
  assert.equal(setting.default, defaultSettings.run);
  assert.equal(setting.scope, 'resource', 'per folder, like the other mimLint settings');
  assert.equal(settingsFrom({ run: 'onSave' }).run, 'onSave');
  assert.equal(settingsFrom({ run: 'onsave' }).run, 'onType', 'a mistyped value falls back to the default');
});
