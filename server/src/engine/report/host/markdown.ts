// The host report as markdown: a summary table (a column per host), then one section per host with
// its profile, its requirements and the export lines that decided each. Links are relative to the
// reported folder, like the workspace report's.
import { code, inline, place } from '../markdown';
import type { ProfileFactReport } from '../model';
import { hostStatuses, type HostReport, type HostsReport, type HostStatus } from './model';

export function formatHostsMarkdown(report: HostsReport): string {
  const lines = [
    '# MIM 2016 SP2 readiness of servers: TLS 1.2 and FIPS mode',
    '',
    '| | |',
    '|---|---|',
    `| Folder | ${code(report.workspace)} |`,
    `| Date | ${report.date} |`,
    `| Checked with | ${report.tool.name} ${report.tool.version} |`,
    `| Requirements from | [${report.guidance.title}](${report.guidance.url}) |`,
    `| Hosts | ${report.hosts.length} |`,
    '',
    'Judged from each server\'s own registry exports, certificate list and MIM Service config (a host snapshot); ' +
      '"cannot verify" means the snapshot does not show it.',
    '',
    ...summaryTable(report.hosts),
  ];
  for (const host of report.hosts) lines.push('', ...hostSection(host));
  return lines.join('\n') + '\n';
}

function summaryTable(hosts: readonly HostReport[]): string[] {
  if (hosts.length === 0) return ['No host snapshot found.'];
  const requirements = hosts[0].requirements;
  return [
    `| Requirement | ${hosts.map((h) => inline(h.host)).join(' | ')} |`,
    `|---|${hosts.map(() => '---').join('|')}|`,
    ...requirements.map((requirement, i) => `| ${inline(requirement.title)} | ${hosts.map((h) => statusCell(h.requirements[i].status)).join(' | ')} |`),
    `| **Summary** | ${hosts.map((h) => summary(h)).join(' | ')} |`,
  ];
}

function hostSection(host: HostReport): string[] {
  const lines = [
    `## ${inline(host.host)}`,
    '',
    '| | |',
    '|---|---|',
    `| Snapshot | ${code(host.folder)} |`,
    ...(host.collected ? [`| Collected | ${inline(host.collected)} |`] : []),
    `| Host profile | ${inline(host.profile.description)} |`,
    `| FIPS mode | ${factLine(host.profile.fips)} |`,
    `| TLS 1.2-only | ${factLine(host.profile.tls12Only)} |`,
    '',
    `**Summary:** ${summary(host)}.`,
  ];
  host.requirements.forEach((requirement, i) => {
    lines.push('', `### ${i + 1}. ${inline(requirement.title)}`, '', `**Status: ${requirement.status}.** ${inline(requirement.detail)}`);
    if (requirement.evidence.length > 0) lines.push('', 'Evidence:', '', ...requirement.evidence.map((e) => `- ${place(e)}: ${inline(e.message)}`));
    if (requirement.findings.length > 0) {
      lines.push('', 'Findings:', '', ...requirement.findings.map((f) => `- [${f.ruleId}](${f.docsUrl}) at ${place(f)}: ${inline(f.message)}`));
    }
  });
  return lines;
}

function statusCell(status: HostStatus): string {
  return status === 'not met' ? '**not met**' : status;
}

function summary(host: HostReport): string {
  const counts = new Map<HostStatus, number>();
  for (const requirement of host.requirements) counts.set(requirement.status, (counts.get(requirement.status) ?? 0) + 1);
  return hostStatuses.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(', ');
}

function factLine(fact: ProfileFactReport): string {
  const places = fact.evidence.map(place).join(', ');
  if (fact.conflict) return `unknown: the exports disagree (${places})`;
  if (fact.source === 'evidence') return `${fact.value}, from ${places}`;
  if (fact.source === 'default') return `${fact.value}: no export says`;
  return `${fact.value}, set by ${fact.source === 'flag' ? 'a command-line flag' : fact.source === 'setting' ? 'a setting' : 'the project configuration'}`;
}
