// Workspace-wide results and .mimlintrc.json over the protocol (node dist/server.js --stdio): files
// nobody opened get diagnostics, closing a file keeps its findings, a config file written to disk
// re-lints open documents, and an invalid config file gets MIM901 on itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, withTimeout } from './lsp-test-client';
import { malformedServiceConfig, serviceConfigWithoutFipsPolicy } from './fixtures';
import { makeTempDir } from '../temp-dir';

const serviceName = 'Microsoft.ResourceManagement.Service.exe.config';
const fipsOn = () => ({ enable: true, host: { fips: 'on', tls12Only: 'auto' } });

function workspace(files: Record<string, string>): string {
  const folder = makeTempDir('wsl');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

const uriOf = (folder: string, path: string) => pathToFileURL(join(folder, path)).href;
const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => String(d.code));

/** Diagnostics for `uri` until `accept` says yes (a workspace pass may publish an earlier state first). */
async function diagnosticsUntil(client: LspTestClient, uri: string, accept: (codes: string[]) => boolean, what: string): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const params = await client.nextDiagnostics(uri, what);
    if (accept(codes(params))) return params;
  }
}

async function withServer(folder: string, settings: () => unknown, body: (client: LspTestClient) => Promise<void>): Promise<void> {
  const client = LspTestClient.spawnServer();
  try {
    client.settings = settings;
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    await body(client);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

test('files nobody opened get diagnostics; ignored, excluded-by-size and other files do not', { timeout: 20_000 }, async () => {
  const big = `<configuration>${' '.repeat(3 * 1024)}&</configuration>`;
  const folder = workspace({
    [`svc/${serviceName}`]: serviceConfigWithoutFipsPolicy,
    'broken/web.config': malformedServiceConfig,
    'archive/web.config': malformedServiceConfig,
    'big/web.config': big,
    '.mimlintrc.json': '{ "ignore": ["archive/**"] }',
  });
  const settings = () => ({ ...fipsOn(), maxFileSizeKB: 2 });
  await withServer(folder, settings, async (client) => {
    const svc = await client.nextDiagnostics(uriOf(folder, `svc/${serviceName}`), 'the unopened service config');
    assert.deepEqual(codes(svc), ['MIM101']);
    assert.equal(svc.diagnostics[0].range.start.line, 4);
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, 'broken/web.config'))), ['MIM001']);
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, '.mimlintrc.json'))), []);
    await client.logMatching(/Not linting .*big.web\.config: 4 KB is over mimLint\.maxFileSizeKB \(2\)/);
    assert.deepEqual(client.unconsumed(uriOf(folder, 'archive/web.config')), []);
    assert.deepEqual(client.unconsumed(uriOf(folder, 'big/web.config')), []);

    // "Lint Workspace" runs again; an unchanged file is read, not linted twice, unless asked.
    const linted = await withTimeout(client.connection.sendRequest('mimLint/lintWorkspace'), 'the lintWorkspace response');
    assert.equal(linted, 3);
  });
});

test('a files.exclude pattern that cannot be used is skipped and logged; the other patterns and the pass still work', { timeout: 20_000 }, async () => {
  const folder = workspace({
    [`svc/${serviceName}`]: serviceConfigWithoutFipsPolicy,
    'archive/web.config': malformedServiceConfig,
    [`${'a'.repeat(40)}/web.config`]: malformedServiceConfig,
  });
  const client = LspTestClient.spawnServer();
  try {
    client.settings = fipsOn;
    // An unclosed brace, a pattern that backtracks exponentially as a regular expression, and a good one.
    client.filesExclude = { '{archive': true, '*a*a*a*a*a*a*a*a*a*a*a*a*b': true, '**/archive': true };
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, `svc/${serviceName}`), 'the workspace pass')), ['MIM101']);
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, `${'a'.repeat(40)}/web.config`), 'the 40-character folder')), ['MIM001']);
    await client.logMatching(/files\.exclude pattern "\{archive" is skipped: the "\{" at character 1 is never closed/);
    const linted = await withTimeout(client.connection.sendRequest('mimLint/lintWorkspace'), 'the lintWorkspace response');
    assert.equal(linted, 2, 'archive/ is excluded by the pattern that works');
    assert.deepEqual(client.unconsumed(uriOf(folder, 'archive/web.config')), []);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('closing a file keeps its findings (re-linted from disk); open text wins while it is open', { timeout: 20_000 }, async () => {
  const folder = workspace({ [serviceName]: serviceConfigWithoutFipsPolicy });
  const uri = uriOf(folder, serviceName);
  await withServer(folder, fipsOn, async (client) => {
    await diagnosticsUntil(client, uri, (c) => c.join() === 'MIM101', 'the workspace pass');
    await client.open(uri, malformedServiceConfig);
    await diagnosticsUntil(client, uri, (c) => c.join() === 'MIM001', 'the open text');
    await client.close(uri);
    const after = await client.nextDiagnostics(uri, 'diagnostics from disk after close');
    assert.deepEqual(codes(after), ['MIM101']);
  });
});

test('a .mimlintrc.json written to disk re-lints an open config: MIM101 off', { timeout: 20_000 }, async () => {
  const folder = workspace({ [`svc/${serviceName}`]: serviceConfigWithoutFipsPolicy });
  const uri = uriOf(folder, `svc/${serviceName}`);
  await withServer(folder, fipsOn, async (client) => {
    await client.open(uri, serviceConfigWithoutFipsPolicy);
    await diagnosticsUntil(client, uri, (c) => c.join() === 'MIM101', 'MIM101 before the config file');
    const configPath = join(folder, '.mimlintrc.json');
    writeFileSync(configPath, '{\n  // not on these hosts\n  "rules": { "MIM101": "off" },\n}\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(configPath).href, type: FileChangeType.Created }],
    });
    const after = await client.nextDiagnostics(uri, 'diagnostics after the config file appeared');
    assert.deepEqual(codes(after), []);
  });
});

test('an invalid config file gets MIM901 on itself, on disk and while edited, and its valid part applies', { timeout: 20_000 }, async () => {
  const text = '{\n  "rules": {\n    "MIM101": "off",\n    "MIM999": "off"\n  }\n}\n';
  const folder = workspace({ '.mimlintrc.json': text, [serviceName]: serviceConfigWithoutFipsPolicy });
  const configUri = uriOf(folder, '.mimlintrc.json');
  await withServer(folder, fipsOn, async (client) => {
    const onDisk = await client.nextDiagnostics(configUri, 'MIM901 on the unopened config file');
    assert.deepEqual(codes(onDisk), ['MIM901']);
    assert.deepEqual(onDisk.diagnostics[0].range, { start: { line: 3, character: 4 }, end: { line: 3, character: 12 } });
    assert.match(String(onDisk.diagnostics[0].message), /unknown rule "MIM999".*\(ignored\)\.$/);
    assert.equal(onDisk.diagnostics[0].severity, 1);
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, serviceName))), [], 'MIM101 off still applies');

    await client.open(configUri, '{ "rules": { "MIM101": off } }');
    const edited = await client.nextDiagnostics(configUri, 'MIM901 on the open config');
    assert.deepEqual(edited.diagnostics[0].range, { start: { line: 0, character: 23 }, end: { line: 0, character: 26 } });
    assert.match(String(edited.diagnostics[0].message), /not valid JSON, so none of it applies/);
    // Nothing applies now: MIM101 is back on the unopened service config.
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, serviceName), 'the service config re-linted')), ['MIM101']);
  });
});

test('50 MB files are skipped with a message; a file rewritten while the pass reads it ends with its last content', { timeout: 30_000 }, async () => {
  const folder = workspace({ [`svc/${serviceName}`]: malformedServiceConfig, 'huge/web.config': '', 'huge/hardening.reg': '' });
  // Sparse files: 50 MB by their size, nothing on disk; reading one would cost the server 50 MB.
  for (const path of ['huge/web.config', 'huge/hardening.reg']) truncateSync(join(folder, path), 50 * 1024 * 1024);
  const service = join(folder, `svc/${serviceName}`);
  const uri = uriOf(folder, `svc/${serviceName}`);
  await withServer(folder, fipsOn, async (client) => {
    // While the server starts and reads the folder, the config is rewritten with texts of other lengths.
    for (let i = 0; i < 200; i++) writeFileSync(service, i % 2 ? serviceConfigWithoutFipsPolicy + ' '.repeat(i) : malformedServiceConfig);
    writeFileSync(service, serviceConfigWithoutFipsPolicy);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    await diagnosticsUntil(client, uri, (c) => c.join() === 'MIM101', 'the diagnostics of the last text');
    await client.logMatching(/Not linting .*huge.web\.config: 51200 KB is over mimLint\.maxFileSizeKB \(1024\)/);
    assert.deepEqual(client.unconsumed(uriOf(folder, 'huge/web.config')), []);
    assert.deepEqual(client.unconsumed(uriOf(folder, 'huge/hardening.reg')), []);
  });
});

test('a file of NUL bytes is skipped with one log line, on disk and when opened; the other files are linted', { timeout: 20_000 }, async () => {
  const nuls = '\0'.repeat(512 * 1024);
  const folder = workspace({ [`svc/${serviceName}`]: serviceConfigWithoutFipsPolicy, 'dump/web.config': nuls, 'dump/install.cmd': nuls });
  await withServer(folder, fipsOn, async (client) => {
    assert.deepEqual(codes(await client.nextDiagnostics(uriOf(folder, `svc/${serviceName}`), 'the service config')), ['MIM101']);
    await client.logMatching(/Not linting .*dump.web\.config: it holds NUL characters near its start, so it is binary content, not text/);
    await client.logMatching(/Not linting .*dump.install\.cmd: it holds NUL characters/);
    assert.deepEqual(client.unconsumed(uriOf(folder, 'dump/web.config')), []);

    const opened = uriOf(folder, 'dump/opened.exe.config');
    await client.open(opened, `<configuration>${'\0'.repeat(100)}</configuration>`);
    await client.logMatching(/Not linting file:.*dump\/opened\.exe\.config: it holds NUL characters/);
    // A real edit makes it text again, and it is linted.
    await client.change(opened, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 131 } }, text: malformedServiceConfig }]);
    assert.deepEqual(codes(await client.nextDiagnostics(opened, 'the repaired document')), ['MIM001']);
    assert.equal(client.logs.filter((line) => line.includes('opened.exe.config: it holds NUL')).length, 1, 'said once');
  });
});
