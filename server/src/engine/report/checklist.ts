// The readiness report: every requirement of Microsoft's planning page, in the page's order, from the
// workspace's files, its host profile and the findings. Pure: no file system, no clock (the date is
// the caller's), and an item that fails to compute says so instead of losing the report.
import { describeProfile, type Fact } from '../profile';
import { guidance, type ChecklistItem, type ProfileFactReport, type ReadinessInput, type ReadinessReport } from './model';
import { ReportWorkspace } from './workspace';
import { netfx35RegistryItem, netfx35UpdateItem } from './items/netfx';
import { schannelItem } from './items/schannel';
import { oledbSpec, snacSpec, sqlClientItem } from './items/sql-clients';
import { certificateItem, unattendedInstallItem } from './items/install';
import { fipsPolicyItem } from './items/fips';

const items: ReadonlyArray<{ id: string; title: string; build(workspace: ReportWorkspace): ChecklistItem }> = [
  { id: 'netfx35-tls-update', title: 'TLS 1.2 update for .NET Framework 3.5', build: netfx35UpdateItem },
  { id: 'netfx35-system-default-tls', title: 'SystemDefaultTlsVersions for .NET 3.5', build: netfx35RegistryItem },
  { id: 'schannel-client-server', title: 'SCHANNEL in Client and Server', build: schannelItem },
  { id: 'sql-native-client', title: 'SQL Server Native Client 11', build: (w) => sqlClientItem(w, snacSpec) },
  { id: 'unattended-install', title: 'Unattended MIM Service install', build: unattendedInstallItem },
  { id: 'ca-certificate', title: 'MIM Service certificate', build: certificateItem },
  { id: 'oledb-driver', title: 'OLE DB Driver for SQL Server', build: (w) => sqlClientItem(w, oledbSpec) },
  { id: 'enforce-fips-policy', title: 'enforceFIPSPolicy', build: fipsPolicyItem },
];

export function readinessReport(input: ReadinessInput): ReadinessReport {
  let workspace: ReportWorkspace | undefined;
  let failure: unknown;
  try {
    workspace = new ReportWorkspace(input);
  } catch (error) {
    failure = error;
  }
  return {
    workspace: input.workspace,
    date: input.date,
    tool: { name: 'mim-lint', version: input.version },
    guidance,
    profile: {
      description: describeProfile(input.profile),
      fips: factReport(input.profile.fips),
      tls12Only: factReport(input.profile.tls12Only),
    },
    items: items.map((item) => buildItem(item, workspace, failure)),
  };
}

function buildItem(item: (typeof items)[number], workspace: ReportWorkspace | undefined, failure: unknown): ChecklistItem {
  try {
    if (workspace) return item.build(workspace);
  } catch (error) {
    failure = error;
  }
  const reason = failure instanceof Error ? failure.message : String(failure);
  return { id: item.id, title: item.title, status: 'no evidence', detail: `mim-lint could not evaluate this requirement (internal error: ${reason}).`, evidence: [], findings: [] };
}

function factReport(fact: Fact): ProfileFactReport {
  return {
    value: fact.value,
    source: fact.source,
    conflict: fact.conflict === true,
    evidence: fact.evidence.map((e) => ({ file: e.file, line: (e.line ?? 0) + 1, message: e.message })),
  };
}
