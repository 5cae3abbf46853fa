// Building blocks for script fixes: new statements in the script's own language, line ending and
// indentation, inserted only between whole statements (never inside a ^ or backtick continuation).
import type { SourceText } from '../source-text';
import type { TextEdit } from '../types';
import { schannelProtocolsPath } from '../tls/schannel';
import type { ScriptCommand, ScriptLanguage, ScriptModel, Token } from './model';

const tls11Key = `HKLM\\${schannelProtocolsPath}\\TLS 1.1`;

/** Statements that turn TLS 1.1 on (Enabled=1, DisabledByDefault=0) or off again, Client and Server. */
export function tls11Statements(language: ScriptLanguage, enable: boolean): string[] {
  const enabled = enable ? 1 : 0;
  const disabledByDefault = enable ? 0 : 1;
  const why = enable
    ? 'MIM 2016 SP2: keep TLS 1.1 enabled during the unattended MIM Service install (Microsoft: Planning MIM 2016 SP2 in TLS 1.2 or FIPS-mode environments)'
    : 'MIM 2016 SP2: enforce TLS 1.2 again after the MIM Service install';
  const lines: string[] = [];
  if (language === 'cmd') {
    lines.push(`rem ${why}`);
    for (const side of ['Client', 'Server']) {
      lines.push(`reg add "${tls11Key}\\${side}" /v Enabled /t REG_DWORD /d ${enabled} /f`);
      lines.push(`reg add "${tls11Key}\\${side}" /v DisabledByDefault /t REG_DWORD /d ${disabledByDefault} /f`);
    }
    return lines;
  }
  lines.push(`# ${why}`);
  for (const side of ['Client', 'Server']) {
    const path = `'${tls11Key.replace(/^HKLM/, 'HKLM:')}\\${side}'`;
    lines.push(`New-Item -Path ${path} -Force | Out-Null`);
    lines.push(`New-ItemProperty -Path ${path} -Name 'Enabled' -Value ${enabled} -PropertyType DWord -Force | Out-Null`);
    lines.push(`New-ItemProperty -Path ${path} -Name 'DisabledByDefault' -Value ${disabledByDefault} -PropertyType DWord -Force | Out-Null`);
  }
  return lines;
}

/** Inserts whole lines before the statement that holds `command`, with its indentation. */
export function insertLinesBefore(source: SourceText, command: ScriptCommand, lines: readonly string[]): TextEdit {
  const lineStart = source.lineStarts[source.positionAt(command.statementStart).line];
  const text = lines.map((line) => command.indent + line + source.eol).join('');
  return { start: lineStart, end: lineStart, newText: text };
}

/**
 * The offset after which new statements may go without changing what the script does: the end of the
 * statement that holds `command`, or later, past the error checks that follow it directly
 * (`if errorlevel 1 …`, `if (-not $?) { … }`, `$LASTEXITCODE`) including their blocks, because a
 * `reg add` in between would reset the exit code those checks read.
 */
export function afterErrorChecks(source: SourceText, model: ScriptModel, command: ScriptCommand): number {
  const check = model.language === 'cmd' ? /errorlevel/i : /\$\?|\$LASTEXITCODE/i;
  const [open, close] = model.language === 'cmd' ? ['(', ')'] : ['{', '}'];
  let anchorLine = source.positionAt(command.statementEnd).line;
  let line = anchorLine + 1;
  while (line < source.lineCount && line - anchorLine < 200) {
    const text = source.lineText(line);
    if (text.trim() === '') {
      line++;
      continue;
    }
    if (!check.test(text)) break;
    // Follow the check's block to its closing line.
    let depth = 0;
    let last = line;
    for (let l = line; l < source.lineCount && l - line < 200; l++) {
      depth += balance(source.lineText(l), open, close);
      last = l;
      if (depth <= 0) break;
    }
    anchorLine = last;
    line = last + 1;
  }
  return source.lineEndOffset(anchorLine);
}

/** Opening minus closing brackets outside double quotes. */
function balance(text: string, open: string, close: string): number {
  let depth = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === open) depth++;
    else if (!quoted && c === close) depth--;
  }
  return depth;
}

/** Inserts whole lines after the line that ends at `lineEnd`, with the given indentation. */
export function insertLinesAt(source: SourceText, lineEnd: number, indent: string, lines: readonly string[]): TextEdit {
  return { start: lineEnd, end: lineEnd, newText: lines.map((line) => source.eol + indent + line).join('') };
}

/**
 * Removes one argument: with its comma when it is an array element (`'/qn',`), otherwise with the
 * blank before it, so the rest of the line, including a trailing ^ or backtick, stays as it was.
 */
export function removeArgument(source: SourceText, token: Token): TextEdit {
  const text = source.text;
  let after = token.end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === ',') {
    after++;
    while (text[after] === ' ' || text[after] === '\t') after++;
    return { start: token.start, end: after, newText: '' };
  }
  let before = token.start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  if (text[before - 1] === ',') return { start: before - 1, end: token.end, newText: '' };
  if (before < token.start && text[before - 1] !== '\n' && text[before - 1] !== '\r' && before > 0) {
    return { start: before, end: token.end, newText: '' };
  }
  return { start: token.start, end: after, newText: '' };
}
