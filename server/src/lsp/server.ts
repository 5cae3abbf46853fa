// Wires the protocol to the linter: capabilities, document sync, configuration and code actions.
// Kept apart from main.ts so tests can run the server over any connection.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllAction, fixAllKind } from './code-actions';
import { completionItems, completionTriggerCharacters } from './completion';
import { hover } from './hover';
import { documentSymbols } from './outline';
import type { ClientSupport } from './convert';
import { DocumentLinter, type LintFunction } from './document-linter';
import { UnknownHostSource, type HostProfileSource } from './host-profiles';
import { toWireProfile } from './wire-profile';
import {
  applyFixAllCommand,
  hostProfileChangedNotification,
  hostProfileRequest,
  lintWorkspaceRequest,
  readinessReportRequest,
  settingsSection,
  type ApplyFixAllArguments,
} from '../protocol';
import { fileNameOf } from './uris';
import { WorkspaceIndex } from './workspace-index';
import { describeError, guarded } from './guard';
import { pathToFileURL } from 'node:url';
import { LintResults } from './lint-results';
import { defaultSettings, SettingsStore } from './settings';
import { readinessMarkdown } from './readiness-report';
import { compileExcludes } from './glob';
import { isProjectConfigFile } from '../engine/config/project-config';
import type { hostEvidence } from '../engine/index';
import { ProjectConfigStore } from './project-configs';
import { WorkspaceLinter } from './workspace-lint';

export interface ServerOptions {
  /** Replaces the engine's lint (tests use it to simulate a broken engine). */
  lint?: LintFunction;
  hostProfiles?: HostProfileSource;
  /** A fixed time budget per lint, in ms (tests); by default it grows with the file's size. */
  lintBudgetMs?: number;
  /** Replaces the engine's reading of host evidence in the workspace index (tests). */
  hostEvidence?: typeof hostEvidence;
}

export function startServer(connection: Connection, options: ServerOptions = {}): { shutdownReceived(): boolean } {
  let shutdownReceived = false;
  const documents = new TextDocuments(TextDocument);
  const results = new LintResults();
  let hostProfiles: HostProfileSource = options.hostProfiles ?? new UnknownHostSource();
  let workspaceIndex: WorkspaceIndex | undefined;
  let canPullSettings = false;
  const log = connection.console;
  let support: ClientSupport = { relatedInformation: false, versionedEdits: false };
  let registerForConfigurationChanges = false;
  let linter: DocumentLinter | undefined;
  let settingsStore: SettingsStore | undefined;
  let workspaceLinter: WorkspaceLinter | undefined;
  let configs: ProjectConfigStore | undefined;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    support = clientSupport(capabilities);
    canPullSettings = capabilities.workspace?.configuration === true;
    const folderNames = (params.workspaceFolders ?? []).map((folder) => fileNameOf(folder.uri));
    if (folderNames.length === 0 && params.rootUri) folderNames.push(fileNameOf(params.rootUri));
    const folders = folderNames.filter((f): f is string => f !== undefined);
    if (!options.hostProfiles) {
      workspaceIndex = new WorkspaceIndex(folders, (message) => log.warn(message), { hostEvidence: options.hostEvidence, budgetMs: options.lintBudgetMs });
      hostProfiles = workspaceIndex;
    }
    // An open .mimlintrc.json counts with its unsaved text.
    configs = new ProjectConfigStore(folders, (fileName) => documents.all().find((d) => fileNameOf(d.uri) === fileName)?.getText());
    registerForConfigurationChanges =
      canPullSettings && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const settings = new SettingsStore(connection, canPullSettings);
    settingsStore = settings;
    const lintBudgetMs = options.lintBudgetMs;
    linter = new DocumentLinter({ connection, documents, settings, hostProfiles, results, support, lint: options.lint, configs, lintBudgetMs });
    workspaceLinter = new WorkspaceLinter({
      connection, documents, folders, settings, hostProfiles, configs, support, lint: options.lint, lintBudgetMs, filesExclude: (folder) => filesExclude(folder),
    });
    hostProfiles.onDidChange(() => {
      linter?.lintAllOpen();
      workspaceLinter?.schedule();
      void connection.sendNotification(hostProfileChangedNotification).catch(() => undefined);
    });
    configs.onDidChange(() => {
      linter?.lintAllOpen();
      workspaceLinter?.schedule();
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind] },
        executeCommandProvider: { commands: [applyFixAllCommand] },
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        documentSymbolProvider: { label: 'MIM Lint' },
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
      // The workspace lint starts after the index, so files are linted once with the inferred profile.
      void (workspaceIndex?.scan((folder) => filesExclude(folder)) ?? Promise.resolve())
        .catch((error: unknown) => log.error(`Workspace scan failed: ${describeError(error)}`))
        .then(() => workspaceLinter?.schedule());
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(log, 'didChangeWatchedFiles', undefined, async (params) => {
      for (const change of params.changes) {
        const fileName = fileNameOf(change.uri);
        if (fileName === undefined || documents.get(change.uri)) continue;
        if (isProjectConfigFile(fileName)) configs?.configChanged(fileName);
        if (change.type === FileChangeType.Deleted) {
          workspaceIndex?.fileDeleted(fileName);
          workspaceLinter?.fileDeleted(fileName);
        } else {
          await workspaceIndex?.fileChanged(fileName);
          await workspaceLinter?.fileChanged(fileName);
        }
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', undefined, (change) => {
      linter?.settingsChanged(change.settings);
      workspaceLinter?.schedule();
    }),
  );

  documents.onDidChangeContent(
    guarded(log, 'didChange', undefined, (event) => {
      const fileName = fileNameOf(event.document.uri);
      if (fileName !== undefined) workspaceIndex?.documentChanged(fileName, event.document.getText());
      if (fileName !== undefined && isProjectConfigFile(fileName)) configs?.configChanged(fileName);
      linter?.documentChanged(event.document.uri);
    }),
  );

  const readinessReport = guarded(log, 'readinessReport', '', async (folderUri: string) => {
    const folder = fileNameOf(folderUri);
    if (folder === undefined) return '';
    return readinessMarkdown({
      folder,
      index: workspaceIndex,
      settings: (await settingsStore?.forDocument(folderUri)) ?? defaultSettings,
      excludes: compileExcludes(await filesExclude(folder), (message) => log.warn(message)),
      openText: (fileName) => documents.all().find((d) => fileNameOf(d.uri) === fileName)?.getText(),
      log: (message) => log.warn(message),
    }, new Date().toISOString().slice(0, 10));
  });
  connection.onRequest(readinessReportRequest, (params: unknown) => readinessReport(stringParameter(params, 'folderUri', readinessReportRequest.method)));

  connection.onRequest(hostProfileRequest, (params: unknown) => toWireProfile(hostProfiles.baseProfileFor(stringParameter(params, 'uri', hostProfileRequest.method))));

  /** `files.exclude` of a folder: patterns set to true. */
  async function filesExclude(folder: string): Promise<string[]> {
    if (!canPullSettings) return [];
    const value: unknown = await connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'files.exclude' });
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
  }
  documents.onDidClose(
    guarded(log, 'didClose', undefined, async (event) => {
      const uri = event.document.uri;
      const fileName = fileNameOf(uri);
      // Closing a file keeps its findings: the workspace pass re-lints it from disk.
      const handOver = fileName !== undefined && workspaceLinter?.takesOver(fileName) === true;
      linter?.documentClosed(uri, handOver);
      if (fileName !== undefined && isProjectConfigFile(fileName)) configs?.configChanged(fileName);
      if (handOver) await workspaceLinter?.documentClosed(uri, fileName);
    }),
  );

  connection.onRequest(lintWorkspaceRequest, guarded(log, 'lintWorkspace', 0, () => workspaceLinter?.lintAll(true) ?? 0));

  connection.onCodeAction(
    guarded(log, 'codeAction', [], (params) => codeActions(params, documents.get(params.textDocument.uri), results, support)),
  );

  connection.onCompletion(guarded(log, 'completion', [], (params) => completionItems(params, documents.get(params.textDocument.uri))));
  connection.onHover(guarded(log, 'hover', null, (params) => hover(params, documents.get(params.textDocument.uri))));
  connection.onDocumentSymbol(guarded(log, 'documentSymbol', [], (params) => documentSymbols(documents.get(params.textDocument.uri))));

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

  connection.onShutdown(() => {
    shutdownReceived = true;
    workspaceIndex?.cancel();
    workspaceLinter?.cancel();
    linter?.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return { shutdownReceived: () => shutdownReceived };
}

/** A request's `key` parameter, which must be a string: anything else is the client's mistake, said as such. */
function stringParameter(params: unknown, key: string, method: string): string {
  const value = typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs the parameters { "${key}": string }.`);
  return value;
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
  };
}
