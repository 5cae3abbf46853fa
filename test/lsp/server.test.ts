// Protocol tests against the bundled server (`node dist/server.js --stdio`), driven like an editor would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../server/src/engine/index';
import { LspTestClient } from './lsp-test-client';
import { fipsOff, fipsOn, malformedServiceConfig, serviceConfigUri, serviceConfigWithoutFipsPolicy } from './fixtures';
import { applyTextEdits, offsetOf, positionOf } from './text-positions';

const testLimit = { timeout: 20_000 };

async function withServer(run: (client: LspTestClient) => Promise<void>, start = LspTestClient.spawnServer): Promise<void> {
  const client = start();
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

/** A server told that the host runs in FIPS mode, as most tests here need. */
function withFipsHost(run: (client: LspTestClient) => Promise<void>, start = LspTestClient.spawnServer): Promise<void> {
  return withServer(async (client) => {
    client.settings = fipsOn;
    await client.initialize();
    await run(client);
  }, start);
}

/** Opens the MIM Service config and returns its first diagnostics. */
async function openServiceConfig(client: LspTestClient, text = serviceConfigWithoutFipsPolicy): Promise<Diagnostic[]> {
  await client.open(serviceConfigUri, text);
  const published = await client.nextDiagnostics(serviceConfigUri);
  assert.equal(published.version, 1);
  return published.diagnostics;
}

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** The edits of a quick fix for one document, checking they are tied to `version`. */
function editsOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const [change, ...others] = action.edit?.documentChanges ?? [];
  assert.equal(others.length, 0, 'one document changed');
  assert.ok(change && 'textDocument' in change, 'a versioned text document edit');
  assert.deepEqual(change.textDocument, { uri, version });
  return change.edits.filter((edit): edit is TextEdit => !('annotationId' in edit));
}

/** The edits as incremental didChange events: last first, so earlier ranges stay valid. */
function asContentChanges(text: string, edits: TextEdit[]) {
  return [...edits]
    .sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start))
    .map((edit) => ({ range: edit.range, text: edit.newText }));
}

test('FIPS host: MIM101 is reported on <runtime>, and its quick fix removes it', testLimit, () =>
  withFipsHost(async (client) => {
    const text = serviceConfigWithoutFipsPolicy;
    const diagnostics = await openServiceConfig(client, text);
    const [finding] = byCode(diagnostics, 'MIM101');
    assert.ok(finding, `MIM101 expected, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    const runtimeStart = text.indexOf('<runtime>');
    assert.deepEqual(finding.range, {
      start: positionOf(text, runtimeStart),
      end: positionOf(text, runtimeStart + '<runtime>'.length),
    });
    assert.deepEqual(finding.range.start, { line: 4, character: 2 });
    assert.equal(finding.severity, DiagnosticSeverity.Error);
    assert.equal(finding.source, 'mim-lint');
    assert.deepEqual(finding.codeDescription, { href: ruleDocsUrl('MIM101') });
    assert.match(finding.codeDescription!.href, /MIM101\.md$/);
    assert.ok(client.configurationScopes.includes(serviceConfigUri), 'settings are read for the document itself');

    const actions = (await client.codeActions(serviceConfigUri, [finding])) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, `a preferred quick fix expected, got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.deepEqual(fix.diagnostics, [finding]);
    const edits = editsOf(fix, serviceConfigUri, 1);
    const fixed = applyTextEdits(text, edits);
    assert.match(fixed, /<runtime>\r\n {4}<enforceFIPSPolicy enabled="false" \/>\r\n {4}<assemblyBinding/);
    assert.doesNotMatch(fixed, /[^\r]\n/, 'the fix keeps the CRLF line ends');

    const version = await client.change(serviceConfigUri, asContentChanges(text, edits));
    const relinted = await client.nextDiagnostics(serviceConfigUri, 'diagnostics after the fix');
    assert.equal(relinted.version, version);
    assert.deepEqual(byCode(relinted.diagnostics, 'MIM101'), [], 'the fix removed the finding');
  }));

test('quick fixes are withheld while the document is newer than its last lint', testLimit, () =>
  withFipsHost(async (client) => {
    const [finding] = byCode(await openServiceConfig(client), 'MIM101');
    assert.ok(finding);

    // An edit above the finding shifts it down a line; the next lint waits out the debounce.
    const emptyLine = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\r\n' };
    await client.change(serviceConfigUri, [emptyLine]);
    assert.deepEqual(await client.codeActions(serviceConfigUri, [finding]), [], 'no edits for text that has moved');

    const relinted = await client.nextDiagnostics(serviceConfigUri, 'diagnostics of version 2');
    assert.equal(relinted.version, 2);
    const [moved] = byCode(relinted.diagnostics, 'MIM101');
    assert.equal(moved.range.start.line, finding.range.start.line + 1);
    const actions = (await client.codeActions(serviceConfigUri, [moved])) as CodeAction[];
    assert.ok(actions.length > 0, 'fixes are offered again once the lint caught up');
    editsOf(actions[0], serviceConfigUri, 2);
  }));

test('a lint overtaken by an edit while it waits for settings publishes nothing', testLimit, () =>
  withServer(async (client) => {
    let settingsRequested!: () => void;
    const requested = new Promise<void>((resolve) => (settingsRequested = resolve));
    let releaseSettings!: () => void;
    const released = new Promise<void>((resolve) => (releaseSettings = resolve));
    client.settings = () => {
      settingsRequested();
      return released.then(fipsOn);
    };
    await client.initialize();
    await client.open(serviceConfigUri, serviceConfigWithoutFipsPolicy);
    await requested;
    const version = await client.change(serviceConfigUri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\r\n' }]);
    releaseSettings();

    const first = await client.nextDiagnostics(serviceConfigUri);
    assert.equal(first.version, version, 'the lint of version 1 was dropped');
    assert.equal(byCode(first.diagnostics, 'MIM101')[0]?.range.start.line, 5, 'ranges are those of version 2');
  }));

test('changing the FIPS setting to off removes the FIPS finding; disabling clears everything', testLimit, () =>
  withFipsHost(async (client) => {
    assert.equal(byCode(await openServiceConfig(client), 'MIM101').length, 1);

    await client.configurationChanged(fipsOff);
    const afterOff = await client.nextDiagnostics(serviceConfigUri, 'diagnostics after fips off');
    assert.deepEqual(byCode(afterOff.diagnostics, 'MIM101'), []);

    await client.configurationChanged(fipsOn);
    assert.equal(byCode((await client.nextDiagnostics(serviceConfigUri)).diagnostics, 'MIM101').length, 1);

    await client.configurationChanged(() => ({ ...fipsOn(), enable: false }));
    const disabled = await client.nextDiagnostics(serviceConfigUri, 'diagnostics after mimLint.enable=false');
    assert.deepEqual(disabled.diagnostics, []);
  }));

test('closing a document clears its diagnostics', testLimit, () =>
  withFipsHost(async (client) => {
    assert.notDeepEqual(await openServiceConfig(client), []);

    await client.close(serviceConfigUri);
    const cleared = await client.nextDiagnostics(serviceConfigUri, 'the clearing publish after close');
    assert.deepEqual(cleared.diagnostics, []);
  }));

test('a malformed config yields MIM001 and the server keeps serving', testLimit, () =>
  withFipsHost(async (client) => {
    const diagnostics = await openServiceConfig(client, malformedServiceConfig);
    const [notWellFormed] = byCode(diagnostics, 'MIM001');
    assert.ok(notWellFormed, `MIM001 expected, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(notWellFormed.severity, DiagnosticSeverity.Error);
    // The parser stops at </runtime>, which does not close <enforceFIPSPolicy>.
    assert.equal(notWellFormed.range.start.line, 4);

    const whole = { start: { line: 0, character: 0 }, end: positionOf(malformedServiceConfig, malformedServiceConfig.length) };
    await client.change(serviceConfigUri, [{ range: whole, text: serviceConfigWithoutFipsPolicy }]);
    const repaired = await client.nextDiagnostics(serviceConfigUri, 'diagnostics of the repaired document');
    assert.deepEqual(byCode(repaired.diagnostics, 'MIM001'), []);
    assert.equal(byCode(repaired.diagnostics, 'MIM101').length, 1);
  }));

test('files the engine does not read get no diagnostics at all', testLimit, () =>
  withFipsHost(async (client) => {
    const notOurs = 'file:///srv/MIM/notes.xml';
    await client.open(notOurs, '<notes><unclosed></notes>');
    // Messages arrive in order, and the config's publish needs a settings round trip the other never waits for.
    await openServiceConfig(client);
    assert.deepEqual(client.unconsumed(notOurs), []);
  }));

test('a client without workspace/configuration gets defaults, then pushed settings', testLimit, () =>
  withServer(async (client) => {
    client.settings = () => assert.fail('the server must not ask a client that cannot answer');
    await client.initialize({ configuration: false });
    await client.open(serviceConfigUri, serviceConfigWithoutFipsPolicy);
    const defaults = await client.nextDiagnostics(serviceConfigUri);
    assert.deepEqual(byCode(defaults.diagnostics, 'MIM101'), [], 'FIPS is unknown by default');

    await client.configurationChanged(client.settings, { mimLint: fipsOn() });
    const pushed = await client.nextDiagnostics(serviceConfigUri, 'diagnostics after pushed settings');
    assert.equal(byCode(pushed.diagnostics, 'MIM101').length, 1);
    assert.deepEqual(client.configurationScopes, []);
  }));

test('over node IPC (as VS Code starts it) the server lints too', testLimit, () =>
  withFipsHost(async (client) => {
    assert.equal(byCode(await openServiceConfig(client), 'MIM101').length, 1);
  }, LspTestClient.forkServer));

test('after typing, breaking and repairing a config, the diagnostics equal those of a fresh open', testLimit, () =>
  withFipsHost(async (client) => {
    // The server reparses only the element an edit lies in; the end result must not show it.
    let text = serviceConfigWithoutFipsPolicy;
    await openServiceConfig(client, text);
    const type = async (at: number, removed: number, inserted: string) => {
      const range = { start: positionOf(text, at), end: positionOf(text, at + removed) };
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      const version = await client.change(serviceConfigUri, [{ range, text: inserted }]);
      let published = await client.nextDiagnostics(serviceConfigUri);
      while (published.version !== version) published = await client.nextDiagnostics(serviceConfigUri);
      return published.diagnostics;
    };
    // After <assemblyBinding>, so that MIM106 (wrong order) reports it below the later edits.
    await type(text.indexOf('</runtime>'), 0, '  <enforceFIPSPolicy enabled="tru"/>\n  ');
    const misspelled = await type(text.indexOf('"tru"') + 4, 0, 'e');
    assert.ok(byCode(misspelled, 'MIM102').length > 0, 'the typed value is read: enabled="true" enforces the policy');
    const broken = await type(text.indexOf('<enforceFIPSPolicy') + 1, 0, '/');
    assert.equal(byCode(broken, 'MIM001').length, 1, 'the break is reported');
    await type(text.indexOf('</enforceFIPSPolicy') + 1, 1, '');
    await type(text.indexOf('"true"') + 1, 4, 'false');
    const last = await type(text.indexOf('mimservice.corp'), 0, 'new-');
    assert.equal(byCode(last, 'MIM106').length, 1, 'the policy is still after <assemblyBinding>');

    await client.open('file:///srv/MIM/Service/copy/Microsoft.ResourceManagement.Service.exe.config', text);
    const fresh = await client.nextDiagnostics('file:///srv/MIM/Service/copy/Microsoft.ResourceManagement.Service.exe.config');
    const withoutVersion = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ ...d, data: { ...(d.data as object), documentVersion: undefined } }));
    assert.deepEqual(withoutVersion(last), withoutVersion(fresh.diagnostics));
    assert.deepEqual(byCode(last, 'MIM102'), [], 'enabled="false" after the last edit');
  }));
