// The model both script readers (cmd/bat and PowerShell) produce: commands in file order with their
// arguments already unquoted and, where a variable was assigned earlier in the file, expanded. Every
// token keeps the source range it came from, so findings and fixes point at what the admin wrote.
// Readers never execute anything.
import type { FlowProgram } from './flow/model';

export type ScriptLanguage = 'cmd' | 'powershell';

export interface Token {
  /** The value after unquoting, escape processing and variable expansion. */
  text: string;
  /** Source range of the token as written (for an expanded variable: the reference, e.g. `%MSI%`). */
  start: number;
  end: number;
  /** False when part of the value could not be known without running the script ($(...), unknown variables). */
  resolved: boolean;
  /** The token was written in quotes (so a fix that rewrites it keeps them). */
  quoted: boolean;
}

export interface ScriptCommand {
  /**
   * The command as invoked, lower-cased, without directory and without `.exe`: `msiexec`, `reg`,
   * `call`, `new-itemproperty`, `start-process` … For `Start-Process msiexec -ArgumentList …`,
   * `& msiexec …`, `start /wait msiexec …` the reader normalises to `msiexec` with the arguments of the
   * launched program, and records the launcher in `via`.
   */
  name: string;
  /** The token that names the program (e.g. `msiexec.exe`, `"C:\Windows\System32\msiexec.exe"`). */
  nameToken: Token;
  /** Arguments in order, flattened (PowerShell arrays and -ArgumentList strings split into tokens as msiexec would). */
  args: Token[];
  /**
   * PowerShell named parameters, by full lower-case parameter name as written (`-path` → `path`);
   * a switch parameter maps to a token with text 'true'. Empty for cmd.
   */
  named: Record<string, Token>;
  /** PowerShell positional arguments (empty for cmd: there `args` holds everything). */
  positional: Token[];
  /** The launcher when the program was started indirectly: `start-process`, `start`, `&`, `call`. */
  via?: string;
  /** Range of the command text (may span continuation lines). */
  start: number;
  end: number;
  /**
   * The whole statement that holds the command (e.g. `$p = Start-Process … -PassThru`, or a cmd line
   * with `&&` chains): fixes insert new statements before `statementStart`'s line and after
   * `statementEnd`'s line, never inside a continuation.
   */
  statementStart: number;
  statementEnd: number;
  /** Leading whitespace of the statement's first line. */
  indent: string;
  /** Nesting depth of blocks ((…) in cmd, {…} in PowerShell) the statement is in; 0 at top level. */
  depth: number;
}

export interface ScriptComment {
  start: number;
  end: number;
  /** Comment text without the marker (`rem`, `::`, `#`, `<# #>`). */
  text: string;
}

export interface ScriptModel {
  language: ScriptLanguage;
  commands: ScriptCommand[];
  comments: ScriptComment[];
  /** Ranges of code that are not comments, in order (rules scan these, never comments). */
  code: Array<{ start: number; end: number }>;
  /** The commands in the order they can run (see flow/interpret.ts). */
  flow: FlowProgram;
}
