// Applies the suppression directives of a file to the findings of its rules, after the rules ran:
// suppressed findings leave the result (so the editor, the CLI and fix-all never see them) and are
// kept with the directive and its reason; directives that suppressed nothing, or name an unknown
// rule, become MIM900 findings. Also computes the "Suppress … on this line / in this file" fixes.
import type { HostProfile } from '../profile';
import { shown } from '../message';
import { mim900 } from '../rules/mim900-unused-suppression';
import { allRules } from '../rules/index';
import type { Rule } from '../rules/rule';
import type { SourceText } from '../source-text';
import type { FileKind, Finding, Fix, Severity } from '../types';
import { parseDirectives, type CommentRange, type DirectiveKind, type SuppressionDirective } from './directives';
import { addIdEdit, directiveComment, fileDirectiveEdit, insertLineBefore, removeDirectiveFix, removeIdFix } from './edits';
import { LogicalLines } from './logical-lines';

export type { SuppressionDirective } from './directives';
export { parseDirectives } from './directives';

export const unusedSuppressionId = mim900.meta.id;

export interface SuppressedFinding {
  finding: Finding;
  /** The directive that suppressed it (the first, when several do); its `reason` is the justification. */
  directive: SuppressionDirective;
}

export interface SuppressionInput {
  source: SourceText;
  kind: FileKind;
  /** The comments the file's reader found: directives are read only from these. */
  comments: readonly CommentRange[];
  findings: readonly Finding[];
  /** Rules that ran to the end on this file: only their directives can be judged unused. */
  ran: ReadonlySet<string>;
  profile: HostProfile;
  /** MIM900's severity, or undefined when it is off or not among the rules run. */
  unusedSeverity: Severity | undefined;
}

export class Suppressions {
  readonly directives: SuppressionDirective[];
  readonly suppressed: SuppressedFinding[] = [];
  private linesCache: LogicalLines | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly kind: FileKind,
    comments: readonly CommentRange[],
  ) {
    this.comments = kind === 'config' ? comments.map((comment) => wholeXmlComment(source.text, comment)) : comments;
    this.directives = parseDirectives(source.text, this.comments);
  }

  private readonly comments: readonly CommentRange[];

  get lines(): LogicalLines {
    this.linesCache ??= new LogicalLines(this.source, this.kind);
    return this.linesCache;
  }

  /**
   * "Suppress MIMxxx on this line" and "… in this file", as plain fixes (never preferred: fix-all must
   * not hide problems). An existing directive for the same place gets the ID added instead.
   */
  fixesFor(finding: Finding): Fix[] {
    if (finding.ruleId === unusedSuppressionId) return [];
    try {
      return [this.lineFix(finding), this.fileFix(finding.ruleId)];
    } catch {
      return []; // a fix offer is never worth failing a lint or a code-action request for
    }
  }

  private lineFix(finding: Finding): Fix {
    const { ruleId } = finding;
    const title = `Suppress ${ruleId} on this line`;
    const index = this.lines.indexAt(finding.start);
    // An XML declaration must stay first in the file: there the directive goes after the line instead.
    const sameLine = this.kind === 'config' && index === 0 && this.source.text.startsWith('<?xml', this.lines.contentRange(0).start);
    const existing = this.directives.filter((d) => d.ids.length > 0 && this.targetOf(d) === index && d.kind === (sameLine ? 'line' : 'next-line'));
    if (existing.length > 0) return { title, edits: [addIdEdit(existing[existing.length - 1], ruleId)] };
    if (sameLine) {
      const end = this.lines.lines[0].end;
      return { title, edits: [{ start: end, end, newText: ` ${directiveComment(this.kind, 'line', ruleId)}` }] };
    }
    return { title, edits: [insertLineBefore(this.lines, index, directiveComment(this.kind, 'next-line', ruleId))] };
  }

  private fileFix(ruleId: string): Fix {
    const title = `Suppress ${ruleId} in this file`;
    const existing = this.directives.find((d) => d.kind === 'file' && d.ids.length > 0);
    if (existing) return { title, edits: [addIdEdit(existing, ruleId)] };
    return { title, edits: [fileDirectiveEdit(this.lines, this.kind, this.comments, directiveComment(this.kind, 'file', ruleId))] };
  }

  /** The logical line a directive covers: 'file' for all, -1 for none. */
  targetOf(directive: SuppressionDirective): number | 'file' {
    if (directive.kind === 'file') return 'file';
    if (directive.kind === 'line') return this.lines.indexAt(directive.comment.start);
    if (directive.kind !== 'next-line') return -1;
    // Directives stacked on lines of their own all apply to the first line of code below them.
    let target = this.lines.indexAt(directive.comment.end) + 1;
    while (this.directiveOnlyLines.has(target)) target++;
    return target < this.lines.lines.length ? target : -1;
  }

  private directiveOnlyCache: Set<number> | undefined;
  private get directiveOnlyLines(): Set<number> {
    if (!this.directiveOnlyCache) {
      this.directiveOnlyCache = new Set();
      const text = this.source.text;
      for (const directive of this.directives) {
        if (directive.kind !== 'next-line') continue;
        const index = this.lines.indexAt(directive.comment.start);
        const content = this.lines.contentRange(index);
        let start = content.start;
        if (text[start] === '@') start++;
        while (text[start] === ' ' || text[start] === '\t') start++;
        if (start === directive.comment.start && content.end === directive.comment.end) this.directiveOnlyCache.add(index);
      }
    }
    return this.directiveOnlyCache;
  }
}

/** The XML reader may end a comment at its final `>` rather than after it: take the comment through `-->`. */
function wholeXmlComment(text: string, comment: CommentRange): CommentRange {
  if (text.startsWith('-->', comment.end - 3)) return comment;
  const close = text.indexOf('-->', comment.start + 4);
  return { start: comment.start, end: close < 0 ? text.length : close + 3 };
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressions: Suppressions;
}

export function applySuppressions(input: SuppressionInput): SuppressionOutcome {
  const suppressions = new Suppressions(input.source, input.kind, input.comments);
  if (suppressions.directives.length === 0) return { findings: [...input.findings], suppressions };
  const used = new Set<string>();
  const kept = suppress(suppressions, input.findings, used);
  const unused = input.unusedSeverity ? unusedFindings(suppressions, input, used, input.unusedSeverity) : [];
  // MIM900 itself can be suppressed (`mim-lint-disable-file MIM900`); its IDs are never reported unused.
  return { findings: [...kept, ...suppress(suppressions, unused, used)], suppressions };
}

const useKey = (directive: SuppressionDirective, index: number) => `${directive.start}:${index}`;

function suppress(suppressions: Suppressions, findings: readonly Finding[], used: Set<string>): Finding[] {
  const kept: Finding[] = [];
  const lines = suppressions.lines;
  const targets = new Map(suppressions.directives.map((d) => [d, suppressions.targetOf(d)]));
  for (const finding of findings) {
    let by: SuppressionDirective | undefined;
    const line = lines.indexAt(finding.start);
    for (const directive of suppressions.directives) {
      const target = targets.get(directive);
      if (target !== 'file' && target !== line) continue;
      directive.ids.forEach((id, index) => {
        if (id.id !== finding.ruleId) return;
        used.add(useKey(directive, index));
        by ??= directive;
      });
    }
    if (by) suppressions.suppressed.push({ finding, directive: by });
    else kept.push(finding);
  }
  return kept;
}

const placeOf: Record<DirectiveKind, string> = { 'next-line': 'on the next line', line: 'on this line', file: 'in this file' };

function unusedFindings(suppressions: Suppressions, input: SuppressionInput, used: ReadonlySet<string>, severity: Severity): Finding[] {
  const findings: Finding[] = [];
  const lines = suppressions.lines;
  const report = (start: number, end: number, message: string, fix?: Fix) =>
    findings.push({ ruleId: unusedSuppressionId, severity, start, end, message, unnecessary: true, ...(fix ? { fixes: [fix] } : {}) });
  const profileKnown = input.profile.fips.value !== 'unknown' && input.profile.tls12Only.value !== 'unknown';
  for (const directive of suppressions.directives) {
    if (!directive.kind) {
      report(directive.start, directive.start + directive.keyword.length,
        `Unknown directive "${shown(directive.keyword, 28)}" suppresses nothing (use mim-lint-disable-next-line, -line or -file).`);
      continue;
    }
    if (directive.ids.length === 0) {
      const words = directive.strays.length > 0 ? ` ("${strayText(input.source.text, directive)}")` : '';
      report(directive.start, directive.end,
        `This ${directive.keyword} names no rule${words}, so it suppresses nothing.`,
        removeDirectiveFix(lines, input.kind, directive));
      continue;
    }
    if (directive.strays.length > 0) {
      // One finding for the words, however many: they are most likely a reason written without its separator.
      const first = directive.strays[0];
      const last = directive.strays[directive.strays.length - 1];
      report(first.start, last.end,
        `"${strayText(input.source.text, directive)}" ${directive.strays.length > 1 ? 'are not rule IDs' : 'is not a rule ID'}: did you mean to write a reason after ':'?`,
        reasonFix(directive));
    }
    directive.ids.forEach((id, index) => {
      if (id.id === unusedSuppressionId || used.has(useKey(directive, index))) return;
      const fix = removeIdFix(lines, input.kind, directive, index);
      const rule = ruleById(id.id);
      if (!rule) {
        report(id.start, id.end, `Unknown rule "${shown(id.id, 24)}" in this directive: there is no such mim-lint rule, so it suppresses nothing.`, fix);
      } else if (!rule.meta.fileKinds.includes(input.kind)) {
        report(id.start, id.end, `Unused suppression: ${id.id} never checks ${kindNames[input.kind]}, so this directive suppresses nothing.`, fix);
      } else if (input.ran.has(id.id) && (profileKnown || !rule.meta.usesProfile)) {
        // A rule that did not run, or that depends on a host fact still unknown here, may need the directive elsewhere.
        report(id.start, id.end, `Unused suppression: no ${id.id} finding ${placeOf[directive.kind!]} to suppress.`, fix);
      }
    });
  }
  return findings;
}

/** The stray words as written, from the first to the last. */
function strayText(text: string, directive: SuppressionDirective): string {
  return shown(text.slice(directive.strays[0].start, directive.strays[directive.strays.length - 1].end), 40);
}

/** Words that all follow the last ID become the reason: `MIM208 reviewed 2024-03` → `MIM208: reviewed 2024-03`. */
function reasonFix(directive: SuppressionDirective): Fix | undefined {
  const lastId = directive.ids[directive.ids.length - 1];
  const first = directive.strays[0];
  if (first.start < lastId.end || directive.reason !== undefined) return undefined;
  return { title: 'Make the words after the rule IDs the reason', edits: [{ start: lastId.end, end: first.start, newText: ': ' }] };
}

const kindNames: Record<FileKind, string> = {
  config: '.config files',
  cmd: 'batch scripts',
  powershell: 'PowerShell scripts',
  reg: '.reg files',
  inf: 'security templates (.inf)',
  evidence: 'host evidence text (certutil dumps)',
};

function ruleById(id: string): Rule | undefined {
  return id === unusedSuppressionId ? mim900 : allRules.find((rule) => rule.meta.id === id);
}
