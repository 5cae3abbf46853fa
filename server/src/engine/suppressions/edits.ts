// The edits behind the suppression quick fixes and the MIM900 fixes: insert a directive (or add an ID to
// one that is already there), remove an ID or a whole directive. Written in the file's own comment
// syntax, indentation and line ending; never inside a continuation, a string or XML markup (the line
// map only offers places between logical lines).
import type { SourceText } from '../source-text';
import type { FileKind, Fix, TextEdit } from '../types';
import type { DirectiveKind, SuppressionDirective } from './directives';
import type { LogicalLines } from './logical-lines';

/** A directive in the file's comment syntax. cmd uses `rem`: a `::` label inside ( … ) can break the block. */
export function directiveComment(kind: FileKind, directive: DirectiveKind, ruleId: string): string {
  const body = `mim-lint-disable-${directive} ${ruleId}`;
  if (kind === 'config') return `<!-- ${body} -->`;
  if (kind === 'cmd') return `rem ${body}`;
  if (kind === 'powershell') return `# ${body}`;
  return `; ${body}`;
}

/** Adds `ruleId` after the directive's last ID: `MIM101` becomes `MIM101, MIM106`. */
export function addIdEdit(directive: SuppressionDirective, ruleId: string): TextEdit {
  const last = directive.ids[directive.ids.length - 1];
  return { start: last.end, end: last.end, newText: `, ${ruleId}` };
}

/** Length of a leading byte-order mark, which no insertion may precede. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Inserts `line` as a line of its own after logical line `index`. */
export function insertLineAfter(lines: LogicalLines, index: number, line: string): TextEdit {
  const eol = lines.source.eol;
  if (index + 1 < lines.lines.length) {
    const at = lines.lines[index + 1].start;
    return { start: at, end: at, newText: line + eol };
  }
  const at = lines.lines[index].end;
  return { start: at, end: at, newText: eol + line };
}

/** Inserts `line` as a line of its own before logical line `index`, with that line's indentation. */
export function insertLineBefore(lines: LogicalLines, index: number, line: string): TextEdit {
  const text = lines.source.text;
  const at = Math.max(lines.lines[index].start, index === 0 ? bomLength(text) : 0);
  const indent = /^[ \t]*/.exec(text.slice(at, lines.lines[index].end))![0];
  return { start: at, end: at, newText: indent + line + lines.source.eol };
}

/** Removes one ID of a directive, or the directive (its comment, its line) when it is the only one. */
export function removeIdFix(lines: LogicalLines, kind: FileKind, directive: SuppressionDirective, index: number): Fix {
  const ids = directive.ids;
  if (ids.length < 2) return removeDirectiveFix(lines, kind, directive);
  const edit =
    index > 0
      ? { start: ids[index - 1].end, end: ids[index].end, newText: '' }
      : { start: ids[0].start, end: ids[1].start, newText: '' };
  return { title: `Remove ${ids[index].id} from this directive`, edits: [edit] };
}

export function removeDirectiveFix(lines: LogicalLines, kind: FileKind, directive: SuppressionDirective): Fix {
  return { title: 'Remove this suppression directive', edits: [removeDirectiveEdit(lines, kind, directive)] };
}

function removeDirectiveEdit(lines: LogicalLines, kind: FileKind, directive: SuppressionDirective): TextEdit {
  const text = lines.source.text;
  if (!directive.wholeComment) return { start: directive.start, end: directive.end, newText: '' };
  const { comment } = directive;
  const index = lines.indexAt(comment.start);
  const content = lines.contentRange(index);
  const contentStart = kind === 'cmd' && text[content.start] === '@' ? skipBlanks(text, content.start + 1) : content.start;
  if (contentStart === comment.start && content.end === comment.end) return removeLineEdit(lines, index);
  // A trailing comment: remove it with the blanks (and, in cmd, the `&`) that attach it to the code.
  let start = comment.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (kind === 'cmd' && text[start - 1] === '&') {
    while (start > 0 && text[start - 1] === '&') start--;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  return { start, end: comment.end, newText: '' };
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

/** Removes a logical line with its line break (the one before it, when it is the last line). */
function removeLineEdit(lines: LogicalLines, index: number): TextEdit {
  const all = lines.lines;
  const text = lines.source.text;
  if (index + 1 < all.length) return { start: Math.max(all[index].start, index === 0 ? bomLength(text) : 0), end: all[index + 1].start, newText: '' };
  const start = index > 0 ? all[index - 1].end : bomLength(text);
  return { start, end: all[index].end, newText: '' };
}

/** Where a `mim-lint-disable-file` directive goes: after the XML declaration, `@echo off`, a script's comment header or the .reg header. */
export function fileDirectiveEdit(lines: LogicalLines, kind: FileKind, comments: ReadonlyArray<{ start: number; end: number }>, line: string): TextEdit {
  const source: SourceText = lines.source;
  const text = source.text;
  const bom = bomLength(text);
  if (kind === 'config') {
    const declaration = /^<\?xml[\s?][^]*?\?>/.exec(text.slice(bom));
    if (declaration) {
      const at = bom + declaration[0].length;
      return { start: at, end: at, newText: source.eol + line };
    }
  } else if (kind === 'cmd') {
    const first = firstLineWhere(lines, (content) => !/^@?[ \t]*(?:rem(?:$|[\s:.,;=(])|::)/i.test(content));
    if (first !== undefined && /^@?[ \t]*echo[ \t]+off[ \t]*$/i.test(lineContent(lines, first))) return insertLineAfter(lines, first, line);
  } else if (kind === 'powershell') {
    // After the last comment of the leading run of comments and blank lines (#Requires, help, notes).
    let lastComment: number | undefined;
    for (let index = 0; index < lines.lines.length; index++) {
      const content = lines.contentRange(index);
      if (content.start === content.end) continue;
      if (!comments.some((c) => c.start <= content.start && c.end >= content.end)) break;
      lastComment = index;
    }
    if (lastComment !== undefined) return insertLineAfter(lines, lastComment, line);
  } else if (kind === 'reg') {
    const first = firstLineWhere(lines, () => true);
    if (first !== undefined && /^(?:Windows Registry Editor Version \d+\.\d+|REGEDIT4)$/i.test(lineContent(lines, first))) return insertLineAfter(lines, first, line);
  }
  return { start: bom, end: bom, newText: line + source.eol };
}

function lineContent(lines: LogicalLines, index: number): string {
  const range = lines.contentRange(index);
  return lines.source.text.slice(range.start, range.end);
}

/** The first non-blank logical line whose content `accept`s. */
function firstLineWhere(lines: LogicalLines, accept: (content: string) => boolean): number | undefined {
  for (let index = 0; index < lines.lines.length; index++) {
    const content = lineContent(lines, index);
    if (content === '') continue;
    if (accept(content)) return index;
  }
  return undefined;
}
