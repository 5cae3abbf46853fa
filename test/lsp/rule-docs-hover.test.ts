// Hover on a finding shows its rule page (bundled into the server, so offline): the title, why it
// matters and how to fix, after what the engine's own hover says about that place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient, withTimeout } from './lsp-test-client';

const uri = 'file:///D:/Deploy/MIM/Install-MIMService.ps1';
// CRLF and an astral character ahead of the finding: the range is in UTF-16 columns.
const script = [
  '# Unattended MIM Service install 🔐 (CHG-4410)',
  "$msi = 'D:\\Media\\Service and Portal\\Service and Portal.msi'",
  "$arguments = @('/i', \"`\"$msi`\"\", '/qn', 'ACCEPT_EULA=1', 'SQMOPTINTSETTING=0')",
  'Start-Process msiexec.exe -ArgumentList $arguments -Wait',
  '',
].join('\r\n');

test('hover on a finding: the rule page (why, how to fix) without its header and examples; elsewhere none', { timeout: 20_000 }, async () => {
  const client = LspTestClient.inProcess({});
  try {
    await client.initialize();
    await client.open(uri, script);
    const diagnostics = await client.nextDiagnostics(uri);
    const mim207 = diagnostics.diagnostics.find((d) => d.code === 'MIM207');
    assert.ok(mim207, JSON.stringify(diagnostics.diagnostics));
    const line = 2;
    const character = script.split('\r\n')[line].indexOf('SQMOPTINTSETTING') + 3;
    const found = await withTimeout(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 'hover');
    const value = (found?.contents as MarkupContent).value;
    assert.match(value, /^# MIM207: unknown-msi-property\n\n## Why it matters on a MIM host\n\nmsiexec sets whatever/m);
    assert.match(value, /\n## How to fix\n\nCorrect the name\./);
    assert.doesNotMatch(value, /Default severity|## Example|## What it finds|## When not to use/);
    // Links to sibling pages are absolute, since a hover has no folder to resolve them in.
    assert.doesNotMatch(value, /\]\(MIM\d{3}\.md/);
    assert.match(value, /\]\(https:\/\/github\.com\/mim-lint\/mim-lint\/blob\/main\/docs\/rules\/MIM208\.md\)/);
    assert.deepEqual(found?.range, mim207.range);

    // ACCEPT_EULA has the engine's hover and no finding: no page.
    const eula = script.split('\r\n')[line].indexOf('ACCEPT_EULA') + 2;
    const plain = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: eula } });
    assert.doesNotMatch((plain?.contents as MarkupContent).value, /# MIM\d{3}/);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }), null);
  } finally {
    await client.stop();
  }
});
