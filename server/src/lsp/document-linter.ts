// Lints open documents and publishes their diagnostics. A run reads the settings (an async round trip
// to the client), then lints the text of the version it started on; if the document changed, closed
// or another run started meanwhile, its result is dropped instead of overwriting newer diagnostics.
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintOptions, type LintResult } from '../engine/index';
import { toDiagnostic, type ClientSupport, type LintedDocument } from './convert';
import { Debouncer } from './debounce';
import { describeError } from './guard';
import type { HostProfileSource } from './host-profiles';
import { isLintable, lintInputsFor, lintWithinBudget } from './lint-inputs';
import { LintTimeoutError } from '../common/time-budget';
import { binarySkipReason, isBinaryText } from '../common/text-file';
import type { LintResults } from './lint-results';
import type { ProjectConfigStore } from './project-configs';
import type { SettingsStore } from './settings';
import { fileNameOf } from './uris';

/** Long enough to skip the versions typed in one burst, short enough to feel immediate. */
export const lintDelayMs = 150;

export type LintFunction = typeof lint;

export interface DocumentLinterParts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  hostProfiles: HostProfileSource;
  results: LintResults;
  support: ClientSupport;
  lint?: LintFunction;
  /** The .mimlintrc.json files; without it only the settings apply. */
  configs?: ProjectConfigStore;
  /** A fixed time budget per lint (tests); by default it grows with the document's size. */
  lintBudgetMs?: number;
}

export class DocumentLinter {
  private readonly debouncer = new Debouncer((uri) => void this.lintNow(uri));
  /** The number of each document's latest run; an earlier run, or one for a closed document, is stale. */
  private readonly latestRun = new Map<string, number>();
  private runCounter = 0;
  /** Open documents whose first content has arrived: only later changes wait for the debounce. */
  private readonly seen = new Set<string>();
  private readonly published = new Set<string>();
  /** Rule failures already logged for a document, so a broken rule is not logged on every keystroke. */
  private readonly loggedFailures = new Map<string, string>();
  private readonly lintText: LintFunction;
  /** Each open document's last lint, whose parse the next lint of an edited version starts from. */
  private readonly lastLint = new Map<string, LintResult>();

  constructor(private readonly parts: DocumentLinterParts) {
    this.lintText = parts.lint ?? lint;
  }

  /**
   * Content arrived: a newly opened document is linted at once; an edit is linted after a pause in
   * typing, unless the document's `mimLint.run` is `onSave`, when it waits for documentSaved.
   */
  documentChanged(uri: string): void {
    if (!this.seen.has(uri)) {
      this.seen.add(uri);
      this.debouncer.schedule(uri, 0);
      return;
    }
    void this.parts.settings.forDocument(uri).then((settings) => {
      // Closed meanwhile: nothing to lint.
      if (settings.run === 'onType' && this.seen.has(uri)) this.debouncer.schedule(uri, lintDelayMs);
    });
  }

  /** Saved: with `mimLint.run` `onSave` this is when an edited document is linted again. */
  documentSaved(uri: string): void {
    if (!this.seen.has(uri)) return;
    void this.parts.settings.forDocument(uri).then((settings) => {
      if (settings.run === 'onSave' && this.seen.has(uri)) this.debouncer.schedule(uri, 0);
    });
  }

  /** `pushedSettings`: the `settings` of didChangeConfiguration (only used by clients that cannot be asked). */
  settingsChanged(pushedSettings: unknown): void {
    this.parts.settings.configurationChanged(pushedSettings);
    this.lintAllOpen();
  }

  /** Settings or the host profile changed: every open document is linted again. */
  lintAllOpen(): void {
    for (const document of this.parts.documents.all()) this.debouncer.schedule(document.uri, 0);
  }

  /** `keepDiagnostics`: the workspace pass re-lints the file from disk and publishes over them. */
  documentClosed(uri: string, keepDiagnostics = false): void {
    this.debouncer.cancel(uri);
    // A run still waiting for settings finds no latest run and drops its result.
    this.latestRun.delete(uri);
    this.seen.delete(uri);
    this.loggedFailures.delete(uri);
    this.lastLint.delete(uri);
    this.parts.results.delete(uri);
    this.parts.settings.forget(uri);
    if (this.published.delete(uri) && !keepDiagnostics) this.publish(uri, undefined, []);
  }

  dispose(): void {
    this.debouncer.cancelAll();
  }

  private async lintNow(uri: string): Promise<void> {
    try {
      await this.lintVersion(uri);
    } catch (error) {
      this.parts.connection.console.error(`Linting ${uri} failed: ${describeError(error)}`);
    }
  }

  private async lintVersion(uri: string): Promise<void> {
    const run = this.startRun(uri);
    const fileName = fileNameOf(uri);
    const opened = this.parts.documents.get(uri);
    // Not a file the engine reads: publish nothing, so other tools' diagnostics stay alone.
    if (!opened || fileName === undefined || !isLintable(fileName)) return;
    const version = opened.version;
    const settings = await this.parts.settings.forDocument(uri);
    const document = this.parts.documents.get(uri);
    if (this.latestRun.get(uri) !== run || document?.version !== version) return;
    const inputs = settings.enable ? await lintInputsFor(uri, fileName, settings, this.parts.hostProfiles, this.parts.configs) : undefined;
    if (this.latestRun.get(uri) !== run || this.parts.documents.get(uri)?.version !== version) return;

    if (!inputs || inputs.ignored) {
      this.lastLint.delete(uri);
      this.parts.results.delete(uri);
      if (this.published.delete(uri)) this.publish(uri, version, []);
      return;
    }
    // The reuse options stay out of `inputs.options`, which is kept with the results (code actions
    // re-lint with it): a chain of earlier results must not be kept alive through it.
    const text = document.getText();
    if (isBinaryText(text)) return this.binarySkipped(uri, version);
    const options = { ...inputs.options, reusable: true, reuseFrom: this.lastLint.get(uri) };
    const [result] = lintWithinBudget(this.lintText, [{ text, fileName, options }], this.parts.lintBudgetMs);
    if (result instanceof LintTimeoutError) return this.lintStopped(uri, version, result);
    if (result instanceof Error) throw result;
    // Only a parse is worth keeping (configs); for other kinds there is nothing to start from.
    if (result.reusableParse) this.lastLint.set(uri, result);
    else this.lastLint.delete(uri);
    this.logFailures(uri, result.failures);
    this.publishResult(uri, fileName, version, result, inputs.options);
  }

  private publishResult(uri: string, fileName: string, version: number, result: LintResult, options: LintOptions): void {
    const linted: LintedDocument = { uri, fileName, version, source: result.source };
    this.parts.results.set({ document: linted, findings: result.findings, suppressions: result.suppressions, options });
    const diagnostics = result.findings.map((finding, index) => toDiagnostic(finding, index, linted, this.parts.support));
    this.published.add(uri);
    this.publish(uri, version, diagnostics);
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    this.parts.connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => {
      this.parts.connection.console.error(`Publishing diagnostics for ${uri} failed: ${describeError(error)}`);
    });
  }

  private startRun(uri: string): number {
    const run = ++this.runCounter;
    this.latestRun.set(uri, run);
    return run;
  }

  /** Said once per document, out loud: its findings are gone until an edit lets a lint finish. */
  private lintStopped(uri: string, version: number, error: LintTimeoutError): void {
    this.lastLint.delete(uri);
    this.parts.results.delete(uri);
    if (this.published.delete(uri)) this.publish(uri, version, []);
    if (this.loggedFailures.get(uri) === error.message) return;
    this.loggedFailures.set(uri, error.message);
    this.parts.connection.console.error(error.message);
    this.parts.connection
      .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `MIM Lint: ${error.message}` })
      .catch(() => undefined);
  }

  /** Binary content (a file of NULs opened as text): nothing to lint; said once in the log. */
  private binarySkipped(uri: string, version: number): void {
    this.lastLint.delete(uri);
    this.parts.results.delete(uri);
    if (this.published.delete(uri)) this.publish(uri, version, []);
    const message = `Not linting ${uri}: ${binarySkipReason}.`;
    if (this.loggedFailures.get(uri) === message) return;
    this.loggedFailures.set(uri, message);
    this.parts.connection.console.log(message);
  }

  private logFailures(uri: string, failures: LintResult['failures']): void {
    const report = failures.map((failure) => `Rule ${failure.ruleId} failed on ${uri}: ${describeError(failure.error)}`).join('\n');
    if (report === (this.loggedFailures.get(uri) ?? '')) return;
    this.loggedFailures.set(uri, report);
    if (report) this.parts.connection.console.error(`${report}\nThe other rules' findings are still reported.`);
  }
}
