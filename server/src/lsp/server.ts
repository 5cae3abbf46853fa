// Wires the protocol to the linter: capabilities, document sync, configuration and code actions.
// Kept apart from main.ts so tests can run the server over any connection.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
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
import { UnknownHostSource, type HostProfileSource } from './host-profiles';
import { hostProfileChanged, hostProfileRequest, toWireProfile } from './host-protocol';
import { fileNameOf } from './uris';
import { WorkspaceIndex } from './workspace-index';
import { describeError, guarded } from './guard';
import { pathToFileURL } from 'node:url';
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
  let hostProfiles: HostProfileSource = options.hostProfiles ?? new UnknownHostSource();
  let workspaceIndex: WorkspaceIndex | undefined;
  let canPullSettings = false;
  const log = connection.console;
  let support: ClientSupport = { relatedInformation: false, versionedEdits: false };
  let registerForConfigurationChanges = false;
  let linter: DocumentLinter | undefined;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    support = clientSupport(capabilities);
    canPullSettings = capabilities.workspace?.configuration === true;
    if (!options.hostProfiles) {
      const folders = (params.workspaceFolders ?? []).map((folder) => fileNameOf(folder.uri));
      if (folders.length === 0 && params.rootUri) folders.push(fileNameOf(params.rootUri));
      workspaceIndex = new WorkspaceIndex(folders.filter((f): f is string => f !== undefined), (message) => log.warn(message));
      hostProfiles = workspaceIndex;
    }
    registerForConfigurationChanges =
      canPullSettings && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const settings = new SettingsStore(connection, canPullSettings);
    linter = new DocumentLinter({ connection, documents, settings, hostProfiles, results, support, lint: options.lint });
    hostProfiles.onDidChange(() => {
      linter?.lintAllOpen();
      void connection.sendNotification(hostProfileChanged).catch(() => undefined);
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true } },
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
      // Read the workspace's hardening sources in the background; open documents are linted meanwhile.
      void workspaceIndex?.scan((folder) => filesExclude(folder)).catch((error: unknown) => log.error(`Workspace scan failed: ${describeError(error)}`));
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(log, 'didChangeWatchedFiles', undefined, async (params) => {
      for (const change of params.changes) {
        const fileName = fileNameOf(change.uri);
        if (fileName === undefined || documents.get(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) workspaceIndex?.fileDeleted(fileName);
        else await workspaceIndex?.fileChanged(fileName);
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', undefined, (change) => linter?.settingsChanged(change.settings)),
  );

  documents.onDidChangeContent(
    guarded(log, 'didChange', undefined, (event) => {
      const fileName = fileNameOf(event.document.uri);
      if (fileName !== undefined) workspaceIndex?.documentChanged(fileName, event.document.getText());
      linter?.documentChanged(event.document.uri);
    }),
  );

  connection.onRequest(hostProfileRequest, (params) => toWireProfile(hostProfiles.baseProfileFor(params.uri)));

  /** `files.exclude` of a folder: patterns set to true. */
  async function filesExclude(folder: string): Promise<string[]> {
    if (!canPullSettings) return [];
    const value: unknown = await connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'files.exclude' });
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
  }
  documents.onDidClose(guarded(log, 'didClose', undefined, (event) => linter?.documentClosed(event.document.uri)));

  connection.onCodeAction(
    guarded(log, 'codeAction', [], (params) => quickFixes(params, documents.get(params.textDocument.uri), results, support)),
  );

  connection.onShutdown(() => {
    workspaceIndex?.cancel();
    linter?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
  };
}
