// The readiness report as markdown, for a change request: a header that says when, with what and for
// which host, a one-line summary, then one section per requirement with its evidence and findings.
// Links are relative to the workspace root, so the file works next to the repository it describes.
// The text helpers at the end (place, inline, escape, code) are shared with the host report (host/markdown.ts).
import type { EvidenceLink, FindingLink, ProfileFactReport, ReadinessReport, RequirementStatus } from './model';
import { requirementStatuses } from './model';

export function formatReportMarkdown(report: ReadinessReport): string {
  const lines = [
    '# MIM 2016 SP2 readiness: TLS 1.2 and FIPS mode',
    '',
    '| | |',
    '|---|---|',
    `| Workspace | ${code(report.workspace)} |`,
    `| Date | ${report.date} |`,
    `| Checked with | ${report.tool.name} ${report.tool.version} |`,
    `| Requirements from | [${report.guidance.title}](${report.guidance.url}) |`,
    `| Host profile | ${inline(report.profile.description)} |`,
    `| FIPS mode | ${factLine(report.profile.fips, '--fips', 'mimLint.host.fips')} |`,
    `| TLS 1.2-only | ${factLine(report.profile.tls12Only, '--tls12-only', 'mimLint.host.tls12Only')} |`,
    '',
    `**Summary:** ${summary(report)}. The report shows what the files of this workspace say; it does not inspect a host.`,
    '',
    '| # | Requirement | Status |',
    '|---|---|---|',
    ...report.items.map((item, i) => `| ${i + 1} | ${inline(item.title)} | **${item.status}** |`),
  ];
  report.items.forEach((item, i) => {
    lines.push('', `## ${i + 1}. ${inline(item.title)}`, '', `**Status: ${item.status}.** ${inline(item.detail)}`);
    if (item.evidence.length > 0) lines.push('', 'Evidence:', '', ...item.evidence.map((e) => `- ${place(e)}: ${inline(e.message)}`));
    if (item.findings.length > 0) lines.push('', 'Findings:', '', ...item.findings.map((f) => `- ${findingLine(f)}`));
  });
  return lines.join('\n') + '\n';
}

function summary(report: ReadinessReport): string {
  const counts = new Map<RequirementStatus, number>();
  for (const item of report.items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return requirementStatuses.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(', ');
}

function factLine(fact: ProfileFactReport, flag: string, setting: string): string {
  const places = fact.evidence.map(place).join(', ');
  if (fact.conflict) return `unknown: the hardening sources disagree (${places})`;
  switch (fact.source) {
    case 'flag':
      return `${fact.value}, set with ${code(`${flag} ${fact.value}`)}`;
    case 'setting':
      return `${fact.value}, set in ${code(setting)}`;
    case 'config':
      return `${fact.value}, set in the project configuration`;
    case 'evidence':
      return `${fact.value}, inferred from ${places}`;
    default:
      return `${fact.value}: nothing in the workspace says`;
  }
}

function findingLine(finding: FindingLink): string {
  return `[${finding.ruleId}](${finding.docsUrl}) at ${place(finding)}: ${inline(finding.message)}`;
}

/** `scripts/install.cmd:11`, linked to the line the way code hosts anchor it. */
export function place(link: EvidenceLink): string {
  const target = link.file.split('/').map(encodeURIComponent).join('/');
  return `[${escape(link.file)}:${link.line}](${target}#L${link.line})`;
}

/** XML tags (adjacent ones together) and registry paths: shown as written, in code spans. */
const verbatim = /((?:<[^<>\s][^<>]*>)+|\bHK(?:LM|EY_LOCAL_MACHINE)\\[^\s,;]*[^\s,;.])/;

/** Text for markdown: verbatim parts in code spans, the rest escaped where markdown would read it as syntax. */
export function inline(text: string): string {
  return text
    .split(verbatim)
    .map((part, i) => (i % 2 === 1 ? code(part) : escape(part)))
    .join('');
}

/** Underscores are left alone: inside words (CERTIFICATE_NAME) they are not emphasis. */
function escape(text: string): string {
  return text.replace(/[\\`*[\]|<>]/g, (c) => `\\${c}`);
}

export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}
