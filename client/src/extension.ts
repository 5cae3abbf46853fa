// The VS Code side: starts the language server (dist/server.js) over IPC for the files mim-lint reads,
// watches the workspace's hardening sources for it, and shows its log in the "MIM Lint" output
// channel and the host profile in a status item. All linting happens in the server.
import * as path from 'node:path';
import { Uri, commands, env, window, workspace, type DocumentSelector, type ExtensionContext } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { createConfigFile } from './create-config';
import { HostStatus } from './host-status';
import { registerReadinessReport } from './readiness-report';
import { registerLintStatus } from './lint-status';
import {
  applyFixAllCommand,
  hostProfileChangedNotification,
  lintWorkspaceRequest,
  paletteCommands,
  settingsSection,
  showDocumentationCommand,
  type ApplyFixAllArguments,
} from '../../server/src/protocol';
import { registerCollectorCommand } from './host-evidence-collector';

let client: LanguageClient | undefined;
let restarts: number[] = [];

/** Configs opened as XML, install scripts, registry exports and security templates. */
export const documentSelector: DocumentSelector = [
  { scheme: 'file', language: 'xml', pattern: '**/*.config' },
  { scheme: 'file', language: 'bat' },
  { scheme: 'file', language: 'powershell' },
  { scheme: 'file', language: 'reg' },
  { scheme: 'file', language: 'inf' },
  // A .inf the user gave another language (files.associations) is still one.
  { scheme: 'file', pattern: '**/*.inf' },
  // A host snapshot's certutil -store dump (MIM404) and the collector's manifest.
  { scheme: 'file', pattern: '**/{certutil*,evidence-manifest}.txt' },
  // The project config, so its problems (MIM901) show while it is edited.
  { scheme: 'file', pattern: '**/.mimlintrc.json' },
];

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel('MIM Lint', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector as LanguageClientOptions['documentSelector'],
    outputChannel,
    // Everything the server reads from disk: the workspace pass lints these files unopened, the host
    // profile comes from some of them, and a .mimlintrc.json change re-lints the files it governs.
    synchronize: {
      fileEvents: [
        workspace.createFileSystemWatcher('**/*.{config,cmd,bat,ps1,psm1,reg,inf}'),
        workspace.createFileSystemWatcher('**/{certutil*,evidence-manifest}.txt'),
        workspace.createFileSystemWatcher('**/.mimlintrc.json'),
      ],
    },
    // A crash is said out loud, with the log one click away, and the server is started again (up to 5
    // times in 3 minutes, then it stays down with an error rather than restarting forever).
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        restarts = restarts.filter((time) => Date.now() - time < 180_000);
        restarts.push(Date.now());
        const again = restarts.length <= 5;
        void window
          .showWarningMessage(
            again ? 'The MIM Lint server stopped unexpectedly and was restarted.' : 'The MIM Lint server stopped 5 times in 3 minutes and was not restarted; MIM problems are no longer reported.',
            'Show Output',
          )
          .then((choice) => {
            if (choice === 'Show Output') outputChannel.show();
          });
        return { action: again ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  // The id `mimLint` makes the client honour the `mimLint.trace.server` setting.
  client = new LanguageClient(settingsSection, 'MIM Lint', serverOptions, clientOptions);
  const status = new HostStatus(client, documentSelector);
  context.subscriptions.push(status, registerReadinessReport(client), registerCollectorCommand(client), ...registerLintStatus(client, documentSelector));
  const started = client;
  context.subscriptions.push(
    commands.registerCommand(paletteCommands.createConfigFile, createConfigFile),
    commands.registerCommand(paletteCommands.lintWorkspace, async () => {
      const linted = await started.sendRequest(lintWorkspaceRequest);
      window.setStatusBarMessage(`MIM Lint: linted ${linted} workspace ${linted === 1 ? 'file' : 'files'}`, 5000);
    }),
  );
  context.subscriptions.push(
    // The server computes the edits (the same as source.fixAll.mimLint) and asks the editor to apply them.
    // Its command has another name: the client registers the server's commands itself.
    commands.registerCommand(paletteCommands.fixAll, async () => {
      const document = window.activeTextEditor?.document;
      if (!document) return;
      const args: ApplyFixAllArguments = { uri: started.code2ProtocolConverter.asUri(document.uri), version: document.version };
      await started.sendRequest(ExecuteCommandRequest.type, { command: applyFixAllCommand, arguments: [args] });
    }),
    // The "Show documentation for MIMxxx" quick fix: the rule page in the browser.
    commands.registerCommand(showDocumentationCommand, (url: unknown) => {
      if (typeof url === 'string' && /^https:\/\//.test(url)) void env.openExternal(Uri.parse(url));
    }),
  );
  try {
    await client.start();
    context.subscriptions.push(client.onNotification(hostProfileChangedNotification, () => void status.refresh()));
    await status.refresh();
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
