// Core data of the engine. Plain data only: the LSP layer, the CLI and the tests all consume these
// without knowing how a rule works. All positions are UTF-16 offsets into the document text as the
// editor holds it (no BOM); SourceText converts them to lines and columns.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** What a file is, decided from its name (and for configs, sometimes its content). */
export type FileKind = 'config' | 'cmd' | 'powershell' | 'reg' | 'inf' | 'evidence';

/** A replacement of [start, end) by newText. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix for a finding: applied by fix-all and `mim-lint --fix`. */
  preferred?: boolean;
}

/** A place in some file, used for evidence and related information. */
export interface Location {
  /** Path or URI of the file, as the caller named it. */
  file: string;
  start: number;
  end: number;
  /** 0-based line of start, filled by whoever knows the file's text, for display without re-reading it. */
  line?: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  related?: Location[];
  fixes?: Fix[];
  /** Diagnostic tags, as LSP defines them: the directive or code is unnecessary. */
  unnecessary?: boolean;
}
