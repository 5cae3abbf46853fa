// The SQL client prerequisites: SQL Server Native Client 11 build 7001 or later (for Sync and the SQL
// MA) and OLE DB Driver 18.2.1 or later (for the MIM Service installer). A script that installs the
// MSI shows the package, not its version; a version check in a script shows the minimum it asks for.
import { minimumLike, oledbTooOld, snacTooOld, versionLiterals, type SqlClient } from '../../script/version-checks';
import type { PackageKind } from '../../script/msiexec';
import type { ChecklistItem, EvidenceLink } from '../model';
import type { ReportWorkspace } from '../workspace';

interface ClientSpec {
  client: SqlClient;
  id: string;
  title: string;
  packageKind: PackageKind;
  product: string;
  minimum: string;
  ruleId: string;
  tooOld(parts: readonly number[]): boolean;
}

export const snacSpec: ClientSpec = {
  client: 'snac',
  id: 'sql-native-client',
  title: 'SQL Server Native Client 11 at 11.0.7001.0 or later (same build as 11.4.7001.0)',
  packageKind: 'sqlncli',
  product: 'SQL Server Native Client 11',
  minimum: '11.0.7001.0',
  ruleId: 'MIM204',
  tooOld: snacTooOld,
};

export const oledbSpec: ClientSpec = {
  client: 'oledb',
  id: 'oledb-driver',
  title: 'OLE DB Driver for SQL Server 18.2 (18.2.1) or later',
  packageKind: 'msoledbsql',
  product: 'OLE DB Driver 18 for SQL Server',
  minimum: '18.2.1',
  ruleId: 'MIM205',
  tooOld: oledbTooOld,
};

export function sqlClientItem(workspace: ReportWorkspace, spec: ClientSpec): ChecklistItem {
  const evidence: EvidenceLink[] = [];
  let checked = false;
  let tooOld = false;
  for (const { file, source, facts } of workspace.scripts) {
    for (const invocation of facts.installs) {
      if (invocation.packageKind !== spec.packageKind || !invocation.packageToken) continue;
      const how = invocation.unattended ? 'installs unattended' : 'installs';
      evidence.push(workspace.at(file.fileName, invocation.command.start, `${how} ${baseName(invocation.packageToken.text)}`));
    }
    for (const literal of versionLiterals(source, facts.model)) {
      if (literal.client !== spec.client) continue;
      const old = spec.tooOld(literal.parts);
      tooOld ||= old;
      checked = true;
      const verdict = old ? `below ${minimumLike(literal)}` : `${minimumLike(literal)} or later`;
      evidence.push(workspace.at(file.fileName, literal.start, `compares the installed version with ${literal.text} (${verdict})`));
    }
  }
  evidence.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const findings = workspace.findings([spec.ruleId]);
  const item = { id: spec.id, title: spec.title, evidence, findings };
  if (findings.length > 0 || tooOld) {
    return { ...item, status: 'not met', detail: `A script accepts ${spec.product} below ${spec.minimum}, or compares its versions in a way that can accept one.` };
  }
  if (checked) {
    return { ...item, status: 'met', detail: `A script checks that ${spec.product} is ${spec.minimum} or later (see the lines below); the host itself is not checked.` };
  }
  if (evidence.length > 0) {
    return { ...item, status: 'no evidence', detail: `A script installs ${spec.product}, but the package's version is not visible in the workspace: make sure the MSI is ${spec.minimum} or later.` };
  }
  return { ...item, status: 'no evidence', detail: `No script in the workspace installs ${spec.product} or checks its version.` };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
}
