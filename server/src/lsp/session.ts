// What the server holds for one connection, built once from the client's initialize request: what the
// client supports, its workspace folders, and the stores and linters that serve them. Every field is
// set from the start, so no handler has to ask whether initialize has happened yet.
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Connection, InitializeParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { hostEvidence } from '../engine/index';
import type { ClientSupport } from './convert';
import { DocumentLinter, type LintFunction } from './document-linter';
import { LintResults } from './lint-results';
import { ProjectConfigStore } from './project-configs';
import { SettingsStore } from './settings';
import { fileNameOf } from './uris';
import { WorkspaceIndex } from './workspace-index';
import { WorkspaceLinter } from './workspace-lint';

export interface ServerOptions {
  /** Replaces the engine's lint (tests use it to simulate a broken engine). */
  lint?: LintFunction;
  /** A fixed time budget per lint, in ms (tests); by default it grows with the file's size. */
  lintBudgetMs?: number;
  /** Replaces the engine's reading of host evidence in the workspace index (tests). */
  hostEvidence?: typeof hostEvidence;
}

export class Session {
  readonly support: ClientSupport;
  /** The client answers workspace/configuration (pull), rather than pushing settings. */
  readonly canPullSettings: boolean;
  /** Settings are pulled, so the server must register for didChangeConfiguration to hear of changes. */
  readonly registerForConfigurationChanges: boolean;
  /** The client re-asks for inlay hints on workspace/inlayHint/refresh (settings or wrapper scripts changed). */
  readonly canRefreshInlayHints: boolean;
  readonly folders: readonly string[];
  readonly results = new LintResults();
  /** The workspace's hardening sources: the host profile of every document, and the readiness report's files. */
  readonly index: WorkspaceIndex;
  readonly configs: ProjectConfigStore;
  readonly settings: SettingsStore;
  readonly linter: DocumentLinter;
  readonly workspaceLinter: WorkspaceLinter;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    params: InitializeParams,
    options: ServerOptions,
  ) {
    const capabilities = params.capabilities;
    this.support = clientSupport(capabilities);
    this.canPullSettings = capabilities.workspace?.configuration === true;
    this.registerForConfigurationChanges = this.canPullSettings && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.canRefreshInlayHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
    this.folders = workspaceFolders(params);
    const log = connection.console;
    const { lint, lintBudgetMs } = options;
    this.index = new WorkspaceIndex(this.folders, (message) => log.warn(message), { hostEvidence: options.hostEvidence, budgetMs: lintBudgetMs });
    // An open .mimlintrc.json counts with its unsaved text.
    this.configs = new ProjectConfigStore(this.folders, (fileName) => this.openText(fileName));
    this.settings = new SettingsStore(connection, this.canPullSettings);
    const parts = { connection, documents, settings: this.settings, hostProfiles: this.index, configs: this.configs, support: this.support, lint, lintBudgetMs };
    this.linter = new DocumentLinter({ ...parts, results: this.results });
    this.workspaceLinter = new WorkspaceLinter({ ...parts, folders: this.folders, filesExclude: (folder) => this.filesExclude(folder) });
  }

  /** The text of an open document, by file name. */
  openText(fileName: string): string | undefined {
    return this.documents.all().find((d) => fileNameOf(d.uri) === fileName)?.getText();
  }

  /** `files.exclude` of a folder: patterns set to true. */
  async filesExclude(folder: string): Promise<string[]> {
    if (!this.canPullSettings) return [];
    const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'files.exclude' });
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
  }

  dispose(): void {
    this.index.cancel();
    this.workspaceLinter.cancel();
    this.linter.dispose();
  }
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
  };
}

function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((folder) => folder.uri) : params.rootUri ? [params.rootUri] : [];
  return uris.map(fileNameOf).filter((folder): folder is string => folder !== undefined);
}
