// Workspace-wide results: every file of the workspace folders that mim-lint reads is linted from disk
// and its diagnostics published, so the Problems panel shows files nobody opened. Open documents are
// the DocumentLinter's (their text wins over the disk); a closed one is re-linted from disk. A file
// is linted again only when its mtime, size or lint inputs (settings, config, host profile) changed.
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintOptions } from '../engine/index';
import { toDiagnostic, type ClientSupport, type LintedDocument } from './convert';
import type { LintFunction } from './document-linter';
import { compileExcludes, type Glob } from './glob';
import { describeError } from './guard';
import type { HostProfileSource } from './host-profiles';
import { isLintable, lintInputsFor, lintInputsKey, lintWithinBudget, type LintOutcome } from './lint-inputs';
import { LintTimeoutError } from '../common/time-budget';
import { binarySkipReason, isBinaryText } from '../common/text-file';
import type { ProjectConfigStore } from './project-configs';
import { isInside } from '../common/paths';
import type { MimLintSettings, SettingsStore } from './settings';
import { fileNameOf } from './uris';
import { readTextFile, statFile } from './read-text';
import { readAhead, workspaceFiles } from './walk';
import { workspaceLintStatusNotification, type WorkspaceLintStatus } from '../protocol';

/** Coalesces the bursts of changes at start (index scan, settings, configs) into one pass. */
export const workspaceLintDelayMs = 100;

export interface WorkspaceLintParts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: readonly string[];
  settings: SettingsStore;
  hostProfiles: HostProfileSource;
  configs: ProjectConfigStore;
  support: ClientSupport;
  filesExclude(folder: string): Promise<string[]>;
  lint?: LintFunction;
  /** A fixed time budget per lint (tests); by default it grows with the file's size. */
  lintBudgetMs?: number;
}

interface FolderState {
  settings: MimLintSettings;
  excludes: Glob[];
}

export class WorkspaceLinter {
  /** What each file's published diagnostics were computed from: mtime, size and lint inputs. */
  private readonly linted = new Map<string, string>();
  /** Files with diagnostics published by this pass, and the URI they were published under. */
  private readonly published = new Map<string, string>();
  /** Files over the size limit already logged (by size), so each is logged once. */
  private readonly skippedLogged = new Map<string, number>();
  private readonly folderStates = new Map<string, FolderState>();
  private generation = 0;
  private cancelled = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly lintText: LintFunction;

  constructor(private readonly parts: WorkspaceLintParts) {
    this.lintText = parts.lint ?? lint;
  }

  /** Something that may change many files' results happened: one pass soon, superseding a running one. */
  schedule(): void {
    if (this.cancelled) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.lintAll(), workspaceLintDelayMs);
  }

  /** Lints every folder now; `fresh` forgets what was linted (the "Lint Workspace" command). */
  async lintAll(fresh = false): Promise<number> {
    clearTimeout(this.timer);
    if (fresh) this.linted.clear();
    const generation = ++this.generation;
    const started = Date.now();
    // The client's status item says that a pass runs and how long the last one took.
    this.notify({ running: true });
    try {
      const count = await this.lintFolders(generation);
      if (generation === this.generation) this.notify({ running: false, files: count, milliseconds: Date.now() - started });
      return count;
    } catch (error) {
      this.notify({ running: false });
      throw error;
    }
  }

  private notify(status: WorkspaceLintStatus): void {
    this.parts.connection.sendNotification(workspaceLintStatusNotification, status).catch(() => undefined);
  }

  private async lintFolders(generation: number): Promise<number> {
    let count = 0;
    for (const folder of this.parts.folders) {
      const seen = new Set<string>();
      try {
        count += await this.lintFolder(folder, generation, seen);
      } catch (error) {
        this.log(`Linting the workspace folder ${folder} failed: ${describeError(error)}`);
      }
      if (generation !== this.generation || this.cancelled) return count;
      // Deleted, newly excluded or ignored files lose their findings.
      for (const fileName of [...this.published.keys()]) {
        if (this.parts.configs.folderOf(fileName) === folder && !seen.has(fileName)) this.forget(fileName);
      }
    }
    return count;
  }

  /** Whether a closing document of this file is handed over to the workspace pass (its findings stay). */
  takesOver(fileName: string): boolean {
    const folder = this.parts.configs.folderOf(fileName);
    const state = folder === undefined ? undefined : this.folderStates.get(folder);
    return state !== undefined && isOn(state.settings) && isLintable(fileName);
  }

  /** A document closed: from now on the disk content counts, published under the client's URI. */
  async documentClosed(uri: string, fileName: string): Promise<void> {
    this.published.set(fileName, uri);
    this.linted.delete(fileName);
    await this.fileChanged(fileName);
  }

  /** A watched file was created or changed on disk. */
  async fileChanged(fileName: string): Promise<void> {
    const folder = this.parts.configs.folderOf(fileName);
    const state = folder === undefined ? undefined : this.folderStates.get(folder);
    if (!state || !isLintable(fileName) || this.isOpen(fileName)) return;
    const relativeExcluded = state.excludes.some((pattern) => pattern.test(relativeTo(folder!, fileName)));
    if (!isOn(state.settings) || relativeExcluded) this.forget(fileName);
    else await this.lintFile(fileName, state.settings);
  }

  fileDeleted(fileName: string): void {
    this.forget(fileName);
  }

  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
  }

  private async lintFolder(folder: string, generation: number, seen: Set<string>): Promise<number> {
    const settings = await this.parts.settings.forDocument(pathToFileURL(folder).href);
    const excludes = compileExcludes(await this.parts.filesExclude(folder), (message) => this.log(message));
    this.folderStates.set(folder, { settings, excludes });
    if (!isOn(settings)) return 0;
    let count = 0;
    await readAhead(
      workspaceFiles(folder, excludes, (message) => this.log(message)),
      async (fileName) => {
        if (!isLintable(fileName) || this.parts.configs.folderOf(fileName) !== folder) return undefined;
        seen.add(fileName);
        return this.isOpen(fileName) ? undefined : this.prepare(fileName, settings);
      },
      (files) => {
        count += this.finish(files);
      },
      () => generation !== this.generation || this.cancelled,
      (fileName, error) => this.log(`Reading ${fileName} failed: ${describeError(error)}`),
    );
    return count;
  }

  /** Lints one file from disk unless nothing changed since the last time; true if it was linted. */
  private async lintFile(fileName: string, settings: MimLintSettings): Promise<boolean> {
    const file = await this.prepare(fileName, settings);
    return file !== undefined && this.finish([file]) > 0;
  }

  /** The I/O half: size check, lint inputs, and the text, unless nothing changed since the last lint. */
  private async prepare(fileName: string, settings: MimLintSettings): Promise<PreparedFile | undefined> {
    const uri = this.published.get(fileName) ?? pathToFileURL(fileName).href;
    const info = await statFile(fileName);
    if (!info) {
      this.forget(fileName);
      return undefined;
    }
    const maxBytes = settings.maxFileSizeKB * 1024;
    if (info.size > maxBytes) return this.skipLarge(fileName, info.size, settings);
    const inputs = await lintInputsFor(uri, fileName, settings, this.parts.hostProfiles, this.parts.configs);
    if (inputs.ignored) {
      this.forget(fileName);
      return undefined;
    }
    const stamp = `${info.mtimeMs}:${info.size}:${lintInputsKey(inputs.options)}`;
    if (this.linted.get(fileName) === stamp) return undefined;
    const read = await readTextFile(fileName, maxBytes);
    if (read && 'tooLarge' in read) return this.skipLarge(fileName, read.tooLarge, settings);
    if (read && isBinaryText(read.text)) {
      // Logged once: the stamp keeps it from being read again until it changes.
      this.log(`Not linting ${fileName}: ${binarySkipReason}.`);
      this.forget(fileName);
      this.linted.set(fileName, stamp);
      return undefined;
    }
    return read === undefined ? undefined : { fileName, uri, stamp, text: read.text, options: inputs.options };
  }

  /** Over the size limit (also a file that grew past it while it was read): logged once per size. */
  private skipLarge(fileName: string, size: number, settings: MimLintSettings): undefined {
    if (this.skippedLogged.get(fileName) !== size) this.log(`Not linting ${fileName}: ${Math.ceil(size / 1024)} KB is over mimLint.maxFileSizeKB (${settings.maxFileSizeKB}); open it to lint it.`);
    this.skippedLogged.set(fileName, size);
    this.forget(fileName);
    return undefined;
  }

  /** The CPU half: lint and publish; how many files were linted. */
  private finish(files: readonly PreparedFile[]): number {
    // Opened meanwhile: the document's text wins and the DocumentLinter publishes it.
    const closed = files.filter((file) => !this.isOpen(file.fileName));
    const outcomes = lintWithinBudget(this.lintText, closed, this.parts.lintBudgetMs);
    closed.forEach((file, i) => this.publishOutcome(file, outcomes[i]));
    return closed.length;
  }

  private publishOutcome(file: PreparedFile, result: LintOutcome): void {
    if (result instanceof Error) {
      // Stopped or broken: logged, and not tried again until the file or its lint inputs change.
      this.log(result instanceof LintTimeoutError ? result.message : `Linting ${file.fileName} failed: ${describeError(result)}`);
      this.forget(file.fileName);
      this.linted.set(file.fileName, file.stamp);
      return;
    }
    for (const failure of result.failures) this.log(`Rule ${failure.ruleId} failed on ${file.fileName}: ${describeError(failure.error)}`);
    const document: LintedDocument = { uri: file.uri, fileName: file.fileName, version: 0, source: result.source };
    const diagnostics = result.findings.map((finding, index) => toDiagnostic(finding, index, document, this.parts.support));
    this.linted.set(file.fileName, file.stamp);
    this.published.set(file.fileName, file.uri);
    this.publish(file.uri, diagnostics);
  }

  private forget(fileName: string): void {
    this.linted.delete(fileName);
    const uri = this.published.get(fileName);
    if (uri === undefined) return;
    this.published.delete(fileName);
    if (!this.isOpen(fileName)) this.publish(uri, []);
  }

  private isOpen(fileName: string): boolean {
    return this.parts.documents.all().some((document) => fileNameOf(document.uri) === fileName);
  }

  private publish(uri: string, diagnostics: Parameters<Connection['sendDiagnostics']>[0]['diagnostics']): void {
    this.parts.connection.sendDiagnostics({ uri, diagnostics }).catch((error: unknown) => this.log(`Publishing diagnostics for ${uri} failed: ${describeError(error)}`));
  }

  private log(message: string): void {
    this.parts.connection.console.log(message);
  }
}

interface PreparedFile {
  fileName: string;
  uri: string;
  stamp: string;
  text: string;
  options: LintOptions;
}

function isOn(settings: MimLintSettings): boolean {
  return settings.enable && settings.lintWorkspace;
}

function relativeTo(folder: string, fileName: string): string {
  return isInside(fileName, folder) ? fileName.slice(folder.length).replace(/^[\\/]+/, '').split(/[\\/]/).join('/') : fileName;
}
