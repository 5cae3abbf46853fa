// Wires the protocol to the linter: capabilities, document sync, configuration and code actions.
// Kept apart from main.ts so tests can run the server over any connection.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes } from './code-actions';
import type { ClientSupport } from './convert';
import { DocumentLinter, type LintFunction } from './document-linter';
import { guarded } from './guard';
import { UnknownHostSource, type HostProfileSource } from './host-profiles';
import { LintResults } from './lint-results';
import { SettingsStore, settingsSection } from './settings';

export interface ServerOptions {
  /** Replaces the engine's lint (tests use it to simulate a broken engine). */
  lint?: LintFunction;
  hostProfiles?: HostProfileSource;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const results = new LintResults();
  const hostProfiles = options.hostProfiles ?? new UnknownHostSource();
  const log = connection.console;
  let support: ClientSupport = { relatedInformation: false, versionedEdits: false };
  let registerForConfigurationChanges = false;
  let linter: DocumentLinter | undefined;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    support = clientSupport(capabilities);
    const canPullSettings = capabilities.workspace?.configuration === true;
    registerForConfigurationChanges =
      canPullSettings && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const settings = new SettingsStore(connection, canPullSettings);
    linter = new DocumentLinter({ connection, documents, settings, hostProfiles, results, support, lint: options.lint });
    hostProfiles.onDidChange(() => linter?.lintAllOpen());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'mim-lint' },
    };
  });

  connection.onInitialized(
    guarded(log, 'initialized', undefined, async () => {
      // Without this registration a pull-model client has no reason to tell us settings changed.
      if (registerForConfigurationChanges) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection });
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', undefined, (change) => linter?.settingsChanged(change.settings)),
  );

  documents.onDidChangeContent(guarded(log, 'didChange', undefined, (event) => linter?.documentChanged(event.document.uri)));
  documents.onDidClose(guarded(log, 'didClose', undefined, (event) => linter?.documentClosed(event.document.uri)));

  connection.onCodeAction(
    guarded(log, 'codeAction', [], (params) => quickFixes(params, documents.get(params.textDocument.uri), results, support)),
  );

  connection.onShutdown(() => linter?.dispose());

  documents.listen(connection);
  connection.listen();
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
  };
}
