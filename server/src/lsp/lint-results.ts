// The last lint of each open document, kept so that code actions (and later fix-all) serve the fixes
// that were computed for exactly the text the client shows, never re-linting an older or newer text.
import type { Finding, LintOptions, Suppressions } from '../engine/index';
import type { LintedDocument } from './convert';

export interface LintSnapshot {
  document: LintedDocument;
  findings: readonly Finding[];
  /** The suppression directives of that text, and the "Suppress …" fixes for its findings. */
  suppressions?: Suppressions;
  /** What the lint ran with (host profile, severities, callers): fix-all re-lints with the same. */
  options?: LintOptions;
}

export class LintResults {
  private readonly byUri = new Map<string, LintSnapshot>();

  set(snapshot: LintSnapshot): void {
    this.byUri.set(snapshot.document.uri, snapshot);
  }

  /** The snapshot for `uri`, only if it was computed from `version` of the document. */
  current(uri: string, version: number): LintSnapshot | undefined {
    const snapshot = this.byUri.get(uri);
    return snapshot?.document.version === version ? snapshot : undefined;
  }

  /** The last snapshot for `uri`, whatever version it was computed from. */
  latest(uri: string): LintSnapshot | undefined {
    return this.byUri.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
