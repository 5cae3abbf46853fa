// Entry point of dist/server.js. The transport comes from the command line: `--stdio` (other editors,
// tests) or `--node-ipc` (the VS Code client); createConnection reads it from process.argv.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--stdio')) startOnStdio();
else startServer(createConnection(ProposedFeatures.all));

/**
 * The base protocol frames every message with a Content-Length header. After a header without one,
 * vscode-jsonrpc's reader takes each later message for header text and the server never answers again
 * (until stdin closes). Nothing tells where the next message starts, so the server says why on stderr
 * and exits (status 1), and the editor sees a closed connection instead of a silent one.
 */
function startOnStdio(): void {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    if (!/Content-Length|Message header/.test(error.message)) return;
    process.stderr.write(`mim-lint language server: ${error.message.split('\n')[0]} The message stream cannot be read any further; exiting.\n`);
    process.exit(1);
  });
  // As the library does for --stdio: stdout carries only protocol messages, so console output goes to stderr.
  for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;
  const server = startServer(createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)));
  // Also as the library does: the end of stdin ends the server (status 1 unless it was asked to shut down).
  const ended = () => process.exit(server.shutdownReceived() ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
}
