// Human output in the shape of ESLint's "stylish": a file's path, then one finding per line as
//   "  line:col  severity  message  ruleId"
// and a summary. The line format is a contract: the `$mim-lint` problem matcher will parse it, so a
// message never spans lines and the rule ID is always the last word.
// Colour (only when asked: a terminal, --color, FORCE_COLOR) changes no character a matcher reads.
import { styleText } from 'node:util';
import type { Severity } from '../../engine/index';
import { countBySeverity, oneBasedRange, type LintReport } from '../report';

type Style = Parameters<typeof styleText>[0];
const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

export function formatStylish(report: LintReport, color = false): string {
  // validateStream false: whether to colour is decided here (run.ts), not by styleText's look at stdout.
  const paint = (style: Style, text: string) => (color ? (styleText as (s: Style, t: string, o: object) => string)(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((finding) => {
      const { line, column } = oneBasedRange(file.source, finding);
      return { position: `${line}:${column}`, severity: finding.severity, message: oneLine(finding.message), ruleId: finding.ruleId };
    });
    const positionWidth = rows.reduce((width, row) => Math.max(width, row.position.length), 0);
    const severityWidth = rows.reduce((width, row) => Math.max(width, row.severity.length), 0);
    out.push(paint('underline', file.displayPath));
    for (const row of rows) {
      const severity = paint(severityStyle[row.severity], row.severity.padEnd(severityWidth));
      out.push(`  ${paint('dim', row.position.padEnd(positionWidth))}  ${severity}  ${row.message}  ${paint('dim', row.ruleId)}`);
    }
    out.push('');
  }
  const fixed = report.files.filter((file) => file.fixesApplied > 0);
  if (fixed.length > 0) {
    const fixes = fixed.reduce((sum, file) => sum + file.fixesApplied, 0);
    const applied = fixed.some((file) => file.originalText !== undefined) ? 'would be applied (dry run: nothing written)' : 'applied';
    out.push(paint('green', `✔ ${plural(fixes, 'fix', 'fixes')} ${applied} in ${plural(fixed.length, 'file')}`));
  }
  const counts = countBySeverity(report.files);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total > 0) {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
    out.push(paint('bold', paint(counts.error > 0 ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${parts.join(', ')})`)));
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

/** Messages may quote multi-line XML; the one-finding-per-line contract comes first. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
