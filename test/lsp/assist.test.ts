// The editor-assist providers over the protocol: capabilities announced, and answers with exact
// UTF-16 ranges on CRLF documents (any LSP client gets the same items the engine computes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest, type CompletionItem, type DocumentSymbol, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol/node';
import { LspTestClient, withTimeout } from './lsp-test-client';

const scriptUri = 'file:///D:/Deploy/MIM/Install-MIMService.ps1';
// A non-BMP character before the cursor line: UTF-16 columns differ from code points there.
const script = [
  '# Install MIM Service 🔐 unattended',
  "$msi = 'D:\\Media\\Service and Portal\\Service and Portal.msi'",
  "$arguments = @('/i', \"`\"$msi`\"\", '/qn', 'ACCEPT_EULA=1', 'ADDLOCAL=CommonServices,Web')",
  '$p = Start-Process msiexec.exe -ArgumentList $arguments -Wait -PassThru',
  '',
].join('\r\n');

async function withServer(run: (client: LspTestClient) => Promise<void>): Promise<void> {
  const client = LspTestClient.inProcess({});
  try {
    await client.initialize();
    await run(client);
  } finally {
    await client.stop();
  }
}

test('completion: capability with trigger characters, feature names after ADDLOCAL= with exact ranges', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    assert.deepEqual(client.serverCapabilities.completionProvider?.triggerCharacters, ['=', ',', '<', '[', '"']);
    await client.open(scriptUri, script);
    await client.nextDiagnostics(scriptUri);
    const line = 2;
    const character = script.split('\r\n')[line].indexOf("Web'") + 3;
    const items = (await withTimeout(
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: scriptUri }, position: { line, character } }),
      'completion',
    )) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label).slice(0, 3), ['WebPortals', 'RegistrationPortal', 'ResetPortal']);
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line, character: character - 3 }, end: { line, character } });
    assert.equal(edit.newText, 'WebPortals');
    assert.match(String((items[0].documentation as { value: string }).value), /MIM Portal/);
  });
});

test('completion: a property that takes a value asks the client to suggest again', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    const text = 'msiexec /i "D:\\Media\\Service and Portal.msi" /qn REB\r\n';
    await client.open('file:///D:/Deploy/install.cmd', text);
    await client.nextDiagnostics('file:///D:/Deploy/install.cmd');
    const items = (await withTimeout(
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///D:/Deploy/install.cmd' }, position: { line: 0, character: text.indexOf('REB') + 3 } }),
      'completion',
    )) as CompletionItem[];
    const reboot = items.find((i) => i.label === 'REBOOT');
    assert.equal((reboot?.textEdit as TextEdit).newText, 'REBOOT=');
    assert.equal(reboot?.command?.command, 'editor.action.triggerSuggest');
    const none = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///D:/Deploy/notes.txt' }, position: { line: 0, character: 0 } });
    assert.deepEqual(none, []);
  });
});

test('hover: markdown and the exact range of the hovered property', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    assert.equal(client.serverCapabilities.hoverProvider, true);
    await client.open(scriptUri, script);
    await client.nextDiagnostics(scriptUri);
    const line = 2;
    const character = script.split('\r\n')[line].indexOf('ACCEPT_EULA') + 2;
    const found = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: scriptUri }, position: { line, character } }), 'hover');
    assert.match((found?.contents as MarkupContent).value, /^\*\*ACCEPT_EULA\*\* \(Service and Portal\.msi\)\n\n1 accepts the licence terms/);
    assert.deepEqual(found?.range, { start: { line, character: character - 2 }, end: { line, character: character - 2 + 'ACCEPT_EULA'.length } });
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: scriptUri }, position: { line: 0, character: 3 } });
    assert.equal(nothing, null);
  });
});

test('documentSymbol: hierarchical symbols for a .reg file', { timeout: 20_000 }, async () => {
  await withServer(async (client) => {
    assert.ok(client.serverCapabilities.documentSymbolProvider);
    const uri = 'file:///D:/Deploy/tls.reg';
    const text = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727]\r\n"SystemDefaultTlsVersions"=dword:00000001\r\n';
    await client.open(uri, text);
    await client.nextDiagnostics(uri);
    const symbols = (await withTimeout(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols')) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727');
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 2, character: 1 }, end: { line: 2, character: 1 + symbols[0].name.length } });
    assert.deepEqual(symbols[0].children?.map((c) => [c.name, c.range.start.line]), [['SystemDefaultTlsVersions', 3]]);
  });
});
