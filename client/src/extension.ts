// The VS Code side: starts the language server (dist/server.js) over IPC for XML `.config` files and
// shows its log in the "MIM Lint" output channel. All linting happens in the server.
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel('MIM Lint', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'xml', pattern: '**/*.config' }],
    outputChannel,
  };
  // The id `mimLint` makes the client honour the `mimLint.trace.server` setting.
  client = new LanguageClient('mimLint', 'MIM Lint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    // A server that fails silently looks like a clean file; say so loudly instead.
    outputChannel.error('The MIM Lint server did not start', error);
    const choice = await window.showErrorMessage('MIM Lint could not start its language server, so no MIM problems are reported.', 'Show Log');
    if (choice === 'Show Log') outputChannel.show();
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
