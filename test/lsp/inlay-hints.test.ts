// textDocument/inlayHint over the protocol: the TLS state on MIM installs at exact UTF-16 positions in
// CRLF scripts, per-document settings (mimLint.inlayHints.tlsState), silence where nothing is known,
// and workspace/inlayHint/refresh when settings or the wrapper scripts that call a script change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InlayHintRequest, type InlayHint, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient, withTimeout } from './lsp-test-client';
import { makeTempDir } from '../temp-dir';

const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client';
const install = 'msiexec /i "D:\\Media\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1';
// A non-BMP character before the install on its line: the hint's column is in UTF-16 code units.
const script = [
  '@echo off',
  'rem Härtung zuerst, dann die Installation',
  'call :harden',
  `echo 🔐 MIM Service & ${install}`,
  'exit /b 0',
  '',
  ':harden',
  `reg add "${key}" /v Enabled /t REG_DWORD /d 0 /f`,
  'exit /b 0',
  '',
].join('\r\n');
const uri = 'file:///D:/Deploy/MIM/install-service.cmd';
const wholeFile = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

async function withServer(run: (client: LspTestClient) => Promise<void>, init: Parameters<LspTestClient['initialize']>[0] = {}): Promise<void> {
  const client = LspTestClient.inProcess({});
  try {
    await client.initialize(init);
    await run(client);
  } finally {
    await client.stop();
  }
}

async function hintsOf(client: LspTestClient, documentUri: string, range = wholeFile): Promise<InlayHint[]> {
  return (await withTimeout(client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: documentUri }, range }), 'inlay hints')) ?? [];
}

test('inlayHint: capability, the state with the line that set it, at the install\'s exact UTF-16 position', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    assert.equal(client.serverCapabilities.inlayHintProvider, true);
    await client.open(uri, script);
    await client.nextDiagnostics(uri);
    const hints = await hintsOf(client, uri);
    assert.equal(hints.length, 1);
    const line = script.split('\r\n')[3];
    assert.deepEqual(hints[0].position, { line: 3, character: line.indexOf('msiexec') });
    assert.notEqual(line.indexOf('msiexec'), [...line.slice(0, line.indexOf('msiexec'))].length, 'the line has a surrogate pair before the install');
    assert.equal(hints[0].label, 'TLS 1.1 off — set at line 8');
    assert.equal(hints[0].paddingRight, true);
    assert.match((hints[0].tooltip as MarkupContent).value, /^TLS 1\.1 Client is \*\*disabled\*\* on every path[\s\S]*- line 8: `reg add /);
    // Only the hints inside the requested range.
    assert.deepEqual(await hintsOf(client, uri, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }), []);
    // An edit that no longer calls the subroutine: nothing is known any more (the last answer is not reused).
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, text: 'rem ' }]);
    assert.deepEqual(await hintsOf(client, uri), []);
  });
});

test('inlayHint: mimLint.inlayHints.tlsState is read per document; turning it on refreshes the hints', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    const other = 'file:///D:/Other/install-service.cmd';
    client.settings = (scope) => (scope === uri ? { inlayHints: { tlsState: false } } : {});
    await client.open(uri, script);
    await client.open(other, script);
    assert.deepEqual(await hintsOf(client, uri), []);
    assert.equal((await hintsOf(client, other)).length, 1);
    const refreshed = client.nextInlayHintRefresh();
    await client.configurationChanged(() => ({ inlayHints: { tlsState: true } }));
    await refreshed;
    assert.deepEqual((await hintsOf(client, uri)).map((h) => h.label), ['TLS 1.1 off — set at line 8']);
    // mimLint.enable off: no hints either.
    await client.configurationChanged(() => ({ enable: false }));
    assert.deepEqual(await hintsOf(client, uri), []);
  }, { inlayHintRefresh: true });
});

test('inlayHint: silent where nothing is known, and for files that are not scripts', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    const plain = `@echo off\r\n${install}\r\n`;
    await client.open(uri, plain);
    assert.deepEqual(await hintsOf(client, uri), [], 'host unknown, no TLS write in the script');
    // The host profile from the settings decides it.
    await client.configurationChanged(() => ({ host: { tls12Only: 'on' } }));
    assert.deepEqual((await hintsOf(client, uri)).map((h) => h.label), ['TLS 1.1 off (TLS 1.2-only host: setting)']);
    const config = 'file:///D:/Deploy/MIM/Microsoft.ResourceManagement.Service.exe.config';
    await client.open(config, '<?xml version="1.0"?>\r\n<configuration><runtime/></configuration>\r\n');
    assert.deepEqual(await hintsOf(client, config), []);
    assert.deepEqual(await hintsOf(client, 'file:///D:/Deploy/MIM/not-open.cmd'), []);
  });
});

test('inlayHint: a wrapper on disk that keeps TLS 1.1 on around the call, then edited to harden instead', { timeout: 30_000 }, async () => {
  const folder = makeTempDir('inlay');
  const wrapperText = (enabled: 0 | 1) => [
    '@echo off',
    `reg add "${key}" /v Enabled /t REG_DWORD /d ${enabled} /f`,
    `reg add "${key}" /v DisabledByDefault /t REG_DWORD /d ${1 - enabled} /f`,
    'call "%~dp0install-service.cmd"',
    '',
  ].join('\r\n');
  writeFileSync(join(folder, 'install-all.cmd'), wrapperText(1));
  writeFileSync(join(folder, 'install-service.cmd'), `@echo off\r\n${install}\r\n`);
  const serviceUri = pathToFileURL(join(folder, 'install-service.cmd')).href;
  const wrapperUri = pathToFileURL(join(folder, 'install-all.cmd')).href;
  const client = LspTestClient.inProcess({});
  // Each refresh may come before the index has the answer (a settings or config change): ask again at the next one.
  const labelsOnceRefreshed = async (expected: string[]) => {
    let labels: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const refreshed = client.nextInlayHintRefresh();
      labels = (await hintsOf(client, serviceUri)).map((h) => String(h.label));
      if (JSON.stringify(labels) === JSON.stringify(expected)) return labels;
      await refreshed;
    }
    return labels;
  };
  try {
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href], inlayHintRefresh: true });
    await client.open(serviceUri, `@echo off\r\n${install}\r\n`);
    assert.deepEqual(await labelsOnceRefreshed(['TLS 1.1 on (wrapper install-all.cmd:4)']), ['TLS 1.1 on (wrapper install-all.cmd:4)']);
    // The admin edits the wrapper (unsaved) so that it disables TLS 1.1 before the call.
    await client.open(wrapperUri, wrapperText(0));
    assert.deepEqual(await labelsOnceRefreshed(['TLS 1.1 off (wrapper install-all.cmd:4)']), ['TLS 1.1 off (wrapper install-all.cmd:4)']);
  } finally {
    await client.stop();
  }
});
