// .NET 3.5 and TLS 1.2: MIM Service runs on CLR 2, which reads the v2.0.50727 keys. The workspace can
// show SystemDefaultTlsVersions there; the TLS 1.2 update for .NET 3.5 is a Windows update it cannot show.
import type { ChecklistItem, EvidenceLink } from '../model';
import type { ReportWorkspace } from '../workspace';

const netfx35Keys = [
  { path: 'SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727', label: 'v2.0.50727' },
  { path: 'SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727', label: 'WOW6432Node v2.0.50727' },
];

export function netfx35UpdateItem(): ChecklistItem {
  return {
    id: 'netfx35-tls-update',
    title: 'TLS 1.2 update for .NET Framework 3.5 installed',
    status: 'no evidence',
    detail:
      'MIM Service runs on .NET Framework 3.5, which needs the "TLS System Default Versions" update to use TLS 1.2 ' +
      '(KB3154520 on Windows Server 2012 R2, KB3154519 on 2012, KB3154518 on 2008 R2; included in the May 2016 and later ' +
      'cumulative updates of Windows Server 2016). It is a Windows update, not a file: a workspace cannot show it. Check the ' +
      "host's update history.",
    evidence: [],
    findings: [],
  };
}

export function netfx35RegistryItem(workspace: ReportWorkspace): ChecklistItem {
  const evidence: EvidenceLink[] = [];
  const states = netfx35Keys.map((key) => {
    let on = false;
    let off = false;
    for (const { file, writes } of workspace.registry) {
      // Within a file the last write of the value decides.
      const last = writes.filter((w) => w.hive === 'HKLM' && w.path.toLowerCase() === key.path.toLowerCase() && w.valueName?.toLowerCase() === 'systemdefaulttlsversions').at(-1);
      if (!last) continue;
      const enabled = last.operation === 'set-value' && typeof last.data === 'number' && last.data !== 0;
      const disabled = last.operation === 'delete-value' || (last.operation === 'set-value' && last.data === 0);
      if (enabled) on = true;
      if (disabled) off = true;
      const what = enabled ? 'set to 1' : disabled ? (last.operation === 'delete-value' ? 'deleted' : 'set to 0') : 'set to a value the script computes';
      evidence.push(workspace.at(file.fileName, last.start, `SystemDefaultTlsVersions under ${key.label} ${what}`));
    }
    return { key, on, off };
  });
  const findings = workspace.findings(['MIM303']);
  const missing = states.filter((s) => !s.on).map((s) => s.key.label);
  const item = { id: 'netfx35-system-default-tls', title: 'SystemDefaultTlsVersions=1 for .NET 3.5 (v2.0.50727, native and WOW6432Node)', evidence, findings };
  if (evidence.length === 0 && findings.length === 0) {
    return { ...item, status: 'no evidence', detail: 'No .reg, .inf or script in the workspace sets SystemDefaultTlsVersions under HKLM\\SOFTWARE\\[WOW6432Node\\]Microsoft\\.NETFramework\\v2.0.50727.' };
  }
  const problems = [
    ...(states.some((s) => s.off) ? ['a hardening source sets it to 0 or deletes it'] : []),
    ...(missing.length > 0 ? [`it is not set to 1 under ${missing.join(' or ')} (Microsoft's .NET guidance sets both keys)`] : []),
  ];
  if (problems.length > 0 || findings.length > 0) {
    const why = problems.length > 0 ? problems.join('; ') : 'a TLS 1.2-only hardening file leaves it out';
    return { ...item, status: 'not met', detail: `SystemDefaultTlsVersions for .NET 3.5: ${why}. Without it MIM Service (.NET 3.5) does not use the TLS versions Windows allows.` };
  }
  return { ...item, status: 'met', detail: 'SystemDefaultTlsVersions=1 is set under both v2.0.50727 keys, so .NET 3.5 uses the TLS versions Windows allows (once the update above is installed).' };
}
