// What a broken or careless client sends: a header without Content-Length, and the server's own requests
// without their parameters. The server answers clearly or exits with a reason; it never goes silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ResponseError, ErrorCodes } from 'vscode-languageserver-protocol';
import { LspTestClient, withTimeout } from './lsp-test-client';

const frame = (message: unknown) => {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

test('a header without Content-Length ends the server with a reason instead of leaving it deaf', { timeout: 20_000 }, async () => {
  const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    let stdout = '';
    let stderr = '';
    const initialized = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('"id":1,"result"')) resolve();
      }),
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await withTimeout(initialized, 'the initialize response');
    // A header the editor meant as a message, then a well-formed one the server can no longer find.
    const unframed = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    child.stdin.write(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${unframed}`);
    child.stdin.write(frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' }));
    assert.equal(await withTimeout(exited, 'the server to exit'), 1);
    assert.match(stderr, /Header must provide a Content-Length property\. The message stream cannot be read any further; exiting\./);
  } finally {
    child.kill();
  }
});

test('mimLint/hostProfile and mimLint/readinessReport without their parameters: an invalid-params error that says what is needed', { timeout: 20_000 }, async () => {
  const client = LspTestClient.spawnServer();
  try {
    await client.initialize();
    const refusal = async (method: string, params: unknown) => {
      const answer = await withTimeout(client.connection.sendRequest(method, params).then(() => undefined, (error: unknown) => error), method);
      assert.ok(answer instanceof ResponseError, `${method} with ${JSON.stringify(params)} was answered`);
      return answer;
    };
    for (const params of [null, {}, { uri: 42 }]) {
      const error = await refusal('mimLint/hostProfile', params);
      assert.equal(error.code, ErrorCodes.InvalidParams);
      assert.equal(error.message, 'mimLint/hostProfile needs the parameters { "uri": string }.');
    }
    const report = await refusal('mimLint/readinessReport', null);
    assert.equal(report.code, ErrorCodes.InvalidParams);
    assert.match(report.message, /"folderUri": string/);
    // The server still answers a proper request.
    const profile = (await withTimeout(client.connection.sendRequest('mimLint/hostProfile', { uri: 'file:///nowhere/web.config' }), 'the host profile')) as { fips: { value: string } };
    assert.equal(profile.fips.value, 'unknown');
  } finally {
    await client.stop();
  }
});
