// Each requirement of the planning page, judged from one host's inventory and profile. A value the
// snapshot does not hold is "cannot verify", never "met"; the manifest's Missing: lines turn a missing
// component into "not met" where the host needs it.
import { commonName } from '../../host/snapshot/certutil';
import { normalizedPath } from '../../host/snapshot/keys';
import { serviceOnly, syncOnly, versionBelow, versionParts, type HostInventory, type InventoryValue } from '../../host/snapshot/inventory';
import type { HostProfile } from '../../profile';
import { selfSignedCertificateName } from '../../script/mim-packages';
import { oledbTooOld, snacTooOld } from '../../script/version-checks';
import type { Location } from '../../types';
import type { EvidenceLink } from '../model';
import type { HostRequirement, HostStatus } from './model';

export interface HostContext {
  profile: HostProfile;
  inventory: HostInventory;
  link(location: Location): EvidenceLink;
  /** Findings of these rules in the host's files. */
  findings(ruleIds: readonly string[]): HostRequirement['findings'];
  /** The host's copy of the MIM Service config, if the snapshot holds one. */
  serviceConfig?: string;
}

type Judged = Omit<HostRequirement, 'id' | 'title' | 'findings'>;

const fipsRules = ['MIM101', 'MIM102', 'MIM103', 'MIM104', 'MIM105'];

/** In the planning page's order; `rules` are the findings shown with the requirement. */
export const hostRequirements: ReadonlyArray<{ id: string; title: string; rules: readonly string[]; judge(host: HostContext): Judged }> = [
  { id: 'schannel-tls12-only', title: 'SCHANNEL: only TLS 1.2 enabled (Client and Server)', rules: ['MIM302'], judge: schannel },
  { id: 'netfx35-tls-update', title: 'TLS 1.2 update for .NET Framework 3.5 installed', rules: [], judge: netfx35Update },
  { id: 'netfx35-system-default-tls', title: 'SystemDefaultTlsVersions=1 for .NET 3.5 (v2.0.50727, native and WOW6432Node)', rules: ['MIM304'], judge: netfx35Registry },
  { id: 'netfx46', title: '.NET Framework 4.6 or later (the SP2 installer needs it)', rules: [], judge: netfx46 },
  { id: 'sql-native-client', title: 'SQL Server Native Client 11 at build 7001 or later (11.4.7001.0)', rules: ['MIM401'], judge: snac },
  { id: 'oledb-driver', title: 'OLE DB Driver 18 for SQL Server 18.2.1 or later', rules: ['MIM402'], judge: oledb },
  { id: 'mim-build', title: 'MIM 2016 SP2 (4.6.34.0) or later', rules: ['MIM403'], judge: mimBuild },
  { id: 'ca-certificate', title: 'MIM Service certificate from a trusted CA (not the self-signed ForefrontIdentityManager)', rules: ['MIM404'], judge: certificate },
  { id: 'enforce-fips-policy', title: 'enforceFIPSPolicy enabled="false" in the MIM Service config (FIPS hosts)', rules: fipsRules, judge: fipsPolicy },
];

const judged = (status: HostStatus, detail: string, evidence: EvidenceLink[] = []): Judged => ({ status, detail, evidence });

function schannel(host: HostContext): Judged {
  const fact = host.profile.tls12Only;
  const evidence = fact.evidence.map((location) => host.link(location));
  if (fact.value === 'on') return judged('met', 'SSL 3.0, TLS 1.0 and TLS 1.1 are disabled and TLS 1.2 is enabled in the SCHANNEL export.', evidence);
  if (fact.value === 'off') {
    return judged('not met', 'TLS 1.0 or TLS 1.1 is still enabled: the host is not TLS 1.2-only yet (the other requirements are what it needs before they are disabled).', evidence);
  }
  return judged('cannot verify', fact.conflict ? 'The exports disagree on SCHANNEL.' : 'The snapshot has no SCHANNEL export that shows the protocols.', evidence);
}

function netfx35Update(host: HostContext): Judged {
  const evidence = host.inventory.netfx35 ? [host.link(host.inventory.netfx35.at)] : [];
  return judged(
    'cannot verify',
    'Cannot verify from the registry: the "TLS System Default Versions" update for .NET 3.5 (KB3154520 on Windows Server 2012 R2, ' +
      'KB3154519 on 2012, KB3154518 on 2008 R2; in the May 2016 and later cumulative updates of Windows Server 2016) leaves no ' +
      'documented registry marker, and SystemDefaultTlsVersions is configuration, not proof of the update. Check the update history.',
    evidence,
  );
}

function netfx35Registry(host: HostContext): Judged {
  const keys = [
    { path: 'software\\microsoft\\.netframework\\v2.0.50727', label: 'v2.0.50727' },
    { path: 'software\\wow6432node\\microsoft\\.netframework\\v2.0.50727', label: 'WOW6432Node v2.0.50727' },
  ];
  const evidence: EvidenceLink[] = [];
  const wrong: string[] = [];
  const unseen: string[] = [];
  for (const key of keys) {
    const value = host.inventory.netfxTls[`${key.path}|systemdefaulttlsversions`];
    if (value) evidence.push(host.link(value.at));
    if (value && value.value !== '0') continue;
    (value || host.inventory.exportedKeys.includes(key.path) ? wrong : unseen).push(key.label);
  }
  if (wrong.length > 0) return judged('not met', `SystemDefaultTlsVersions is 0 or not set under ${wrong.join(' and ')}: MIM Service (.NET 3.5) does not use the TLS versions Windows allows.`, evidence);
  if (unseen.length > 0) return judged('cannot verify', `The snapshot has no export of ${unseen.join(' or ')}.`, evidence);
  return judged('met', 'SystemDefaultTlsVersions=1 under both v2.0.50727 keys.', evidence);
}

function netfx46(host: HostContext): Judged {
  const release = host.inventory.netfx4Release;
  if (!release) return judged('cannot verify', 'The snapshot has no export of NDP\\v4\\Full.');
  const ok = Number(release.value) >= 393295;
  return judged(ok ? 'met' : 'not met', ok ? `Release ${release.value} is .NET Framework 4.6 (393295) or later.` : `Release ${release.value} is older than .NET Framework 4.6 (393295).`, [host.link(release.at)]);
}

function missing(host: HostContext, path: string): InventoryValue | undefined {
  return host.inventory.missing.find((line) => normalizedPath(line.value.replace(/^HK(?:LM|EY_LOCAL_MACHINE)\\/i, '')) === path);
}

function snac(host: HostContext): Judged {
  const value = host.inventory.snac;
  const parts = value && versionParts(value.value);
  // An old SNAC on a MIM Service box is left alone, as MIM401 leaves it: only Sync and the SQL MA use it.
  if (value && parts && snacTooOld(parts) && serviceOnly(host.inventory)) {
    return judged('not applicable', `SQL Server Native Client 11 ${value.value} is installed, but the host runs the MIM Service and not the Sync Service: SNAC is a prerequisite of MIM Sync and the SQL MA.`, [host.link(value.at)]);
  }
  if (value && parts) {
    return snacTooOld(parts)
      ? judged('not met', `SQL Server Native Client 11 ${value.value} is below build 7001: MIM Sync and the SQL MA cannot use TLS 1.2.`, [host.link(value.at)])
      : judged('met', `SQL Server Native Client 11 ${value.value} (build 7001 or later; 11.0.7001.0 and 11.4.7001.0 are the same build).`, [host.link(value.at)]);
  }
  if (serviceOnly(host.inventory)) return judged('not applicable', 'The host runs the MIM Service and not the Sync Service: SNAC is a prerequisite of MIM Sync and the SQL MA.');
  const absent = missing(host, 'software\\microsoft\\sqlncli11');
  if (absent && !syncOnly(host.inventory)) return judged('cannot verify', 'SQL Server Native Client 11 is not installed; it is needed only where MIM Sync runs.', [host.link(absent.at)]);
  if (absent) return judged('not met', 'SQL Server Native Client 11 is not installed on this Sync server.', [host.link(absent.at)]);
  return judged('cannot verify', 'The snapshot has no export of HKLM\\SOFTWARE\\Microsoft\\SQLNCLI11.');
}

function oledb(host: HostContext): Judged {
  const value = host.inventory.oledb18;
  const parts = value && versionParts(value.value);
  // An old driver on a Sync box is left alone, as MIM402 leaves it: only the MIM Service installer needs it.
  if (value && parts && oledbTooOld(parts) && syncOnly(host.inventory)) {
    return judged('not applicable', `OLE DB Driver 18 ${value.value} is installed, but the host runs the Sync Service and not the MIM Service, whose installer needs 18.2.1 or later.`, [host.link(value.at)]);
  }
  if (value && parts) {
    return oledbTooOld(parts)
      ? judged('not met', `OLE DB Driver 18 ${value.value} is below 18.2.1, which the MIM Service installer needs.`, [host.link(value.at)])
      : judged('met', `OLE DB Driver 18 ${value.value} (18.2.1 or later).`, [host.link(value.at)]);
  }
  if (syncOnly(host.inventory)) return judged('not applicable', 'The host runs the Sync Service and not the MIM Service, whose installer needs OLE DB Driver 18.');
  const absent = missing(host, 'software\\microsoft\\msoledbsql');
  const v19 = host.inventory.oledb19;
  const evidence = [...(v19 ? [host.link(v19.at)] : []), ...(absent ? [host.link(absent.at)] : [])];
  if (absent) {
    return judged('not met', v19 ? 'Only OLE DB Driver 19 (MSOLEDBSQL19) is installed; the MIM Service installer asks for the v18 provider, MSOLEDBSQL.' : 'OLE DB Driver 18 is not installed.', evidence);
  }
  return judged('cannot verify', 'The snapshot has no export of HKLM\\SOFTWARE\\Microsoft\\MSOLEDBSQL.', evidence);
}

function mimBuild(host: HostContext): Judged {
  const entries = [...host.inventory.mimService, ...host.inventory.mimSync];
  if (entries.length === 0) return judged('cannot verify', 'The snapshot has no MIM Uninstall entry (Microsoft Identity Manager Service and Portal or Synchronization Service).');
  const old = entries.filter((entry) => {
    const parts = versionParts(entry.value);
    return parts !== undefined && versionBelow(parts, [4, 6, 34, 0]);
  });
  const evidence = entries.map((entry) => host.link(entry.at));
  if (old.length > 0) return judged('not met', `${old.map((e) => e.value).join(' and ')} is older than MIM 2016 SP2 (4.6.34.0), the first build that works TLS 1.2-only.`, evidence);
  return judged('met', 'Every MIM product on the host is build 4.6.34.0 or later.', evidence);
}

function certificate(host: HostContext): Judged {
  const { certificates } = host.inventory;
  if (syncOnly(host.inventory)) return judged('not applicable', 'The host runs the Sync Service and not the MIM Service.');
  if (certificates.length === 0) return judged('cannot verify', 'The snapshot has no certutil -store My dump with certificates.');
  const selfSigned = certificates.filter((c) => c.selfSigned && commonName(c.subject)?.toLowerCase() === selfSignedCertificateName.toLowerCase());
  if (selfSigned.length > 0) {
    return judged('not met', `LocalMachine\\My holds a certificate whose Subject equals its Issuer, CN=${selfSignedCertificateName}: most likely the self-signed certificate the MIM Service installer creates, which MIM Service cannot use when only TLS 1.2 is enabled.`, selfSigned.map((c) => host.link(c.at)));
  }
  const issued = certificates.filter((c) => !c.selfSigned);
  if (issued.length === 0) return judged('cannot verify', 'LocalMachine\\My holds only self-signed certificates with other subjects; which one the MIM Service uses is not in the registry.', certificates.map((c) => host.link(c.at)));
  return judged('met', `No self-signed ${selfSignedCertificateName} certificate in LocalMachine\\My, and CA-issued certificates are there; the dump cannot show which one the MIM Service's binding uses.`, issued.map((c) => host.link(c.at)));
}

function fipsPolicy(host: HostContext): Judged {
  const fips = host.profile.fips;
  const evidence = fips.evidence.map((location) => host.link(location));
  if (fips.value === 'off') return judged('not applicable', 'FIPS mode is disabled on this host.', evidence);
  const findings = host.findings(fipsRules);
  if (fips.value === 'unknown') return judged('cannot verify', 'The snapshot has no export of Lsa\\FIPSAlgorithmPolicy.', evidence);
  if (!host.serviceConfig) return judged('cannot verify', 'FIPS mode is on, and the snapshot holds no copy of Microsoft.ResourceManagement.Service.exe.config.', evidence);
  if (findings.length > 0) return judged('not met', 'FIPS mode is on, and the MIM Service config does not turn enforceFIPSPolicy off correctly: MIM Service workflows fail with "Access Denied".', evidence);
  return judged('met', `FIPS mode is on, and ${host.serviceConfig} sets <enforceFIPSPolicy enabled="false"/> in <runtime>.`, evidence);
}
