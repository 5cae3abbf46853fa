// Wires the protocol to the linter: capabilities, document sync, configuration and code actions.
// Kept apart from main.ts so tests can run the server over any connection. The handlers are
// registered once the client has said who it is: they all work on that connection's Session.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isProjectConfigFile } from '../engine/config/project-config';
import {
  applyFixAllCommand,
  collectorRequest,
  hostProfileChangedNotification,
  hostProfileRequest,
  lintWorkspaceRequest,
  readinessReportRequest,
  settingsSection,
  type ApplyFixAllArguments,
} from '../protocol';
import { codeActions, fixAllAction, fixAllKind } from './code-actions';
import { completionItems, completionTriggerCharacters } from './completion';
import { hover } from './hover';
import { documentSymbols } from './outline';
import { inlayHints } from './inlay-hints';
import { compileExcludes } from './glob';
import { collectorFileName, collectorScript } from '../collector/index';
import { describeError, guarded } from './guard';
import { readinessMarkdown } from './readiness-report';
import { Session, type ServerOptions } from './session';
import { fileNameOf } from './uris';
import { toWireProfile } from './wire-profile';

export type { ServerOptions } from './session';

const capabilities: InitializeResult = {
  capabilities: {
    // `save`: with `mimLint.run` = `onSave` an edited document is linted when it is saved.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind] },
    executeCommandProvider: { commands: [applyFixAllCommand] },
    completionProvider: { triggerCharacters: completionTriggerCharacters },
    hoverProvider: true,
    documentSymbolProvider: { label: 'MIM Lint' },
    inlayHintProvider: true,
    workspace: { workspaceFolders: { supported: true } },
  },
  serverInfo: { name: 'mim-lint' },
};

export function startServer(connection: Connection, options: ServerOptions = {}): { shutdownReceived(): boolean } {
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let shutdownReceived = false;
  connection.onInitialize((params) => {
    session = new Session(connection, documents, params, options);
    listen(session);
    return capabilities;
  });
  connection.onShutdown(() => {
    shutdownReceived = true;
    session?.dispose();
  });
  documents.listen(connection);
  connection.listen();
  return { shutdownReceived: () => shutdownReceived };
}

function listen(session: Session): void {
  const { connection, documents, index, configs, linter, workspaceLinter, results, support } = session;
  const log = connection.console;
  // The TLS state hints depend on the settings, the host profile and the scripts that call a script.
  const refreshInlayHints = () => {
    if (session.canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  };
  const lintAgain = () => {
    linter.lintAllOpen();
    workspaceLinter.schedule();
    refreshInlayHints();
  };
  index.onDidChange(() => {
    lintAgain();
    void connection.sendNotification(hostProfileChangedNotification).catch(() => undefined);
  });
  configs.onDidChange(lintAgain);

  connection.onInitialized(
    guarded(log, 'initialized', undefined, async () => {
      // Without this registration a pull-model client has no reason to tell us settings changed.
      if (session.registerForConfigurationChanges) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection });
      }
      // Read the workspace's hardening sources in the background; open documents are linted meanwhile.
      // The workspace lint starts after the index, so files are linted once with the inferred profile.
      void index
        .scan((folder) => session.filesExclude(folder))
        .catch((error: unknown) => log.error(`Workspace scan failed: ${describeError(error)}`))
        .then(() => workspaceLinter.schedule());
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(log, 'didChangeWatchedFiles', undefined, async (params) => {
      for (const change of params.changes) {
        const fileName = fileNameOf(change.uri);
        if (fileName === undefined || documents.get(change.uri)) continue;
        if (isProjectConfigFile(fileName)) configs.configChanged(fileName);
        if (change.type === FileChangeType.Deleted) {
          index.fileDeleted(fileName);
          workspaceLinter.fileDeleted(fileName);
        } else {
          await index.fileChanged(fileName);
          await workspaceLinter.fileChanged(fileName);
        }
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', undefined, (change) => {
      linter.settingsChanged(change.settings);
      workspaceLinter.schedule();
      refreshInlayHints();
    }),
  );

  documents.onDidChangeContent(
    guarded(log, 'didChange', undefined, (event) => {
      const fileName = fileNameOf(event.document.uri);
      if (fileName !== undefined) index.documentChanged(fileName, event.document.getText());
      if (fileName !== undefined && isProjectConfigFile(fileName)) configs.configChanged(fileName);
      linter.documentChanged(event.document.uri);
    }),
  );

  documents.onDidSave(guarded(log, 'didSave', undefined, (event) => linter.documentSaved(event.document.uri)));

  documents.onDidClose(
    guarded(log, 'didClose', undefined, async (event) => {
      const uri = event.document.uri;
      const fileName = fileNameOf(uri);
      // Closing a file keeps its findings: the workspace pass re-lints it from disk.
      const handOver = fileName !== undefined && workspaceLinter.takesOver(fileName);
      linter.documentClosed(uri, handOver);
      if (fileName !== undefined && isProjectConfigFile(fileName)) configs.configChanged(fileName);
      if (handOver) await workspaceLinter.documentClosed(uri, fileName);
    }),
  );

  const readinessReport = guarded(log, 'readinessReport', '', async (folderUri: string) => {
    const folder = fileNameOf(folderUri);
    if (folder === undefined) return '';
    return readinessMarkdown({
      folder,
      index,
      settings: await session.settings.forDocument(folderUri),
      excludes: compileExcludes(await session.filesExclude(folder), (message) => log.warn(message)),
      openText: (fileName) => session.openText(fileName),
      log: (message) => log.warn(message),
    }, new Date().toISOString().slice(0, 10));
  });
  connection.onRequest(readinessReportRequest, (params: unknown) => readinessReport(stringParameter(params, 'folderUri', readinessReportRequest.method)));

  connection.onRequest(hostProfileRequest, (params: unknown) => toWireProfile(index.baseProfileFor(stringParameter(params, 'uri', hostProfileRequest.method))));
  // "MIM Lint: Copy Host Evidence Collector": the batch file as shipped.
  connection.onRequest(collectorRequest, () => ({ fileName: collectorFileName, text: collectorScript }));

  connection.onRequest(lintWorkspaceRequest, guarded(log, 'lintWorkspace', 0, () => workspaceLinter.lintAll(true)));

  connection.onCodeAction(
    guarded(log, 'codeAction', [], (params) => codeActions(params, documents.get(params.textDocument.uri), results, support)),
  );

  connection.onCompletion(guarded(log, 'completion', [], (params) => completionItems(params, documents.get(params.textDocument.uri))));
  connection.onHover(guarded(log, 'hover', null, (params) => hover(params, documents.get(params.textDocument.uri), results)));
  connection.onDocumentSymbol(guarded(log, 'documentSymbol', [], (params) => documentSymbols(documents.get(params.textDocument.uri))));
  connection.languages.inlayHint.on(guarded(log, 'inlayHint', [], (params) => inlayHints(params, session)));

  // "MIM Lint: Fix All Problems in File": the same edits as source.fixAll.mimLint, applied by the client.
  connection.onExecuteCommand(
    guarded(log, 'executeCommand', undefined, async (params) => {
      if (params.command !== applyFixAllCommand) return;
      const target = params.arguments?.[0] as Partial<Record<keyof ApplyFixAllArguments, unknown>> | undefined;
      const document = typeof target?.uri === 'string' ? documents.get(target.uri) : undefined;
      // A request for an older version than the client holds now would edit text that has moved.
      if (!document || (typeof target?.version === 'number' && target.version !== document.version)) return;
      const action = fixAllAction(document, results, support);
      if (action?.edit) await connection.workspace.applyEdit({ label: action.title, edit: action.edit });
    }),
  );
}

/** A request's `key` parameter, which must be a string: anything else is the client's mistake, said as such. */
function stringParameter(params: unknown, key: string, method: string): string {
  const value = typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs the parameters { "${key}": string }.`);
  return value;
}
