// Builds the readiness report of host snapshots: one section per host, each requirement judged from
// that host's inventory and profile, findings from its files linked to their rule pages. Pure.
import { ruleDocsUrl } from '../../docs';
import { hostName } from '../../host/snapshot/hosts';
import { emptyInventory } from '../../host/snapshot/inventory';
import { baseName } from '../../file-kinds';
import { describeProfile, type Fact } from '../../profile';
import { SourceText } from '../../source-text';
import type { Location } from '../../types';
import { guidance, type EvidenceLink, type FindingLink, type ProfileFactReport } from '../model';
import { firstSentence } from '../../message';
import type { HostInput, HostReport, HostsInput, HostsReport } from './model';
import { hostRequirements, type HostContext } from './requirements';

export * from './model';
export { formatHostsMarkdown } from './markdown';

export function hostsReport(input: HostsInput): HostsReport {
  return {
    workspace: input.workspace,
    date: input.date,
    tool: { name: 'mim-lint', version: input.version },
    guidance,
    hosts: input.hosts.map(hostReport),
  };
}

function hostReport(input: HostInput): HostReport {
  const sources = new Map(input.files.map((file) => [file.fileName, new SourceText(file.text, file.fileName)]));
  const link = (location: Location): EvidenceLink => ({
    file: location.file,
    line: (location.line ?? sources.get(location.file)?.positionAt(location.start).line ?? 0) + 1,
    message: location.message,
  });
  const links: FindingLink[] = input.findings.flatMap(({ fileName, findings }) =>
    findings.map((finding) => ({ ruleId: finding.ruleId, docsUrl: ruleDocsUrl(finding.ruleId), ...link({ file: fileName, start: finding.start, end: finding.end, message: firstSentence(finding.message) }) })),
  );
  const context: HostContext = {
    profile: input.profile,
    inventory: input.profile.host ?? emptyInventory(),
    link,
    findings: (ruleIds) => links.filter((finding) => ruleIds.includes(finding.ruleId)),
    serviceConfig: input.files.map((file) => file.fileName).find((name) => baseName(name).toLowerCase() === 'microsoft.resourcemanagement.service.exe.config'),
  };
  return {
    host: hostName(input.profile, input.folder),
    folder: input.folder,
    collected: input.profile.host?.date?.value,
    profile: { description: describeProfile(input.profile), fips: factReport(input.profile.fips, link), tls12Only: factReport(input.profile.tls12Only, link) },
    requirements: hostRequirements.map((requirement) => {
      const base = { id: requirement.id, title: requirement.title, findings: context.findings(requirement.rules) };
      try {
        return { ...base, ...requirement.judge(context) };
      } catch (error) {
        // One requirement that fails to compute says so; the others still stand.
        return { ...base, status: 'cannot verify' as const, detail: `mim-lint could not evaluate this requirement (internal error: ${error instanceof Error ? error.message : String(error)}).`, evidence: [] };
      }
    }),
  };
}

function factReport(fact: Fact, link: (location: Location) => EvidenceLink): ProfileFactReport {
  return { value: fact.value, source: fact.source, conflict: fact.conflict === true, evidence: fact.evidence.map(link) };
}
