// Human output in the shape of ESLint's "stylish": a file's path, then one finding per line as
//   "  line:col  severity  message  ruleId"
// and a summary. The line format is a contract: the `$mim-lint` problem matcher will parse it, so a
// message never spans lines and the rule ID is always the last word.
// Colour (only when asked: a terminal, --color, FORCE_COLOR) changes no character a matcher reads.
import { styleText } from 'node:util';
import type { Severity } from '../../engine/index';
import { countBySeverity, oneBasedRange, type FileReport, type LintReport } from '../report';

type Style = Parameters<typeof styleText>[0];
const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

export function formatStylish(report: LintReport, color = false): string {
  const stylish = streamedStylish(color);
  for (const file of report.files) stylish.add(file);
  return stylish.finish();
}

/** formatStylish a file at a time: each file's lines become text when it is done; the summary at the end. */
export function streamedStylish(color: boolean): { add(file: FileReport): void; finish(): string } {
  // validateStream false: whether to colour is decided here (run.ts), not by styleText's look at stdout.
  const paint = (style: Style, text: string) => (color ? (styleText as (s: Style, t: string, o: object) => string)(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  const counts = countBySeverity([]);
  let fixes = 0;
  let fixedFiles = 0;
  let dryRun = false;
  const add = (file: FileReport) => {
    for (const finding of file.findings) counts[finding.severity]++;
    if (file.fixesApplied > 0) {
      fixes += file.fixesApplied;
      fixedFiles++;
      dryRun ||= file.originalText !== undefined;
    }
    if (file.findings.length === 0) return;
    const rows = file.findings.map((finding) => {
      const { line, column } = oneBasedRange(file.source, finding);
      return { position: `${line}:${column}`, severity: finding.severity, message: oneLine(finding.message), ruleId: finding.ruleId };
    });
    const positionWidth = rows.reduce((width, row) => Math.max(width, row.position.length), 0);
    const severityWidth = rows.reduce((width, row) => Math.max(width, row.severity.length), 0);
    const lines = [paint('underline', file.displayPath)];
    for (const row of rows) {
      const severity = paint(severityStyle[row.severity], row.severity.padEnd(severityWidth));
      lines.push(`  ${paint('dim', row.position.padEnd(positionWidth))}  ${severity}  ${row.message}  ${paint('dim', row.ruleId)}`);
    }
    lines.push('');
    out.push(lines.join('\n'));
  };
  const finish = () => {
    if (fixedFiles > 0) {
      const applied = dryRun ? 'would be applied (dry run: nothing written)' : 'applied';
      out.push(paint('green', `✔ ${plural(fixes, 'fix', 'fixes')} ${applied} in ${plural(fixedFiles, 'file')}`));
    }
    const total = counts.error + counts.warning + counts.info + counts.hint;
    if (total > 0) {
      const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
      if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
      out.push(paint('bold', paint(counts.error > 0 ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${parts.join(', ')})`)));
    }
    return out.length === 0 ? '' : out.join('\n') + '\n';
  };
  return { add, finish };
}

/** Messages may quote multi-line XML; the one-finding-per-line contract comes first. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
