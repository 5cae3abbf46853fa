// Reads the text `certutil -store My` prints (redirected to a file): one block per certificate, opened
// by `================ Certificate N ================`, with `Serial Number:`, `Issuer:`, ` NotBefore:`,
// ` NotAfter:`, `Subject:`, then `Root Certificate: Subject matches Issuer` or `Non-root Certificate`,
// and `Cert Hash(sha1):` (40 hex digits, or spaced bytes on older Windows). The format is documented in
// docs/host-snapshots.md with its sources. Nothing here trusts the dump: unknown lines are skipped.
import { scanLines } from '../../registry/lines';

export interface DumpField {
  value: string;
  /** Offsets of the whole line (what a finding underlines). */
  start: number;
  end: number;
}

export interface DumpedCertificate {
  /** `N` of `Certificate N`. */
  index: number;
  subject?: DumpField;
  issuer?: DumpField;
  notAfter?: DumpField;
  thumbprint?: DumpField;
  /** certutil's own verdict line (`Root Certificate: Subject matches Issuer`), when printed. */
  rootLine?: DumpField;
}

export interface CertificateDump {
  /** The first line: the store certutil listed (`My "Personal"`), when present. */
  store?: string;
  certificates: DumpedCertificate[];
}

const certificateHeader = /^=+\s*Certificate\s+(\d+)\s*=+$/i;
const field = /^(Serial Number|Issuer|NotBefore|NotAfter|Subject|Cert Hash\(sha1\)|Root Certificate|Possible Root Certificate)\s*:\s?(.*)$/i;

/** Whether the text looks like a certutil store listing (a certificate header line). */
export function isCertificateDump(text: string): boolean {
  return /^=+\s*Certificate\s+\d+\s*=+\s*$/im.test(text);
}

export function readCertificateDump(text: string): CertificateDump {
  const dump: CertificateDump = { certificates: [] };
  let current: DumpedCertificate | undefined;
  for (const line of scanLines(text)) {
    if (line.start === line.end) continue;
    const content = text.slice(line.start, line.end);
    const header = certificateHeader.exec(content);
    if (header) {
      current = { index: Number(header[1]) };
      dump.certificates.push(current);
      continue;
    }
    if (!current) {
      if (dump.store === undefined && !/^CertUtil:/i.test(content)) dump.store = content;
      continue;
    }
    const match = field.exec(content);
    if (!match) continue;
    const value: DumpField = { value: match[2].trim(), start: line.start, end: line.end };
    const name = match[1].toLowerCase();
    if (name === 'subject') current.subject ??= value;
    else if (name === 'issuer') current.issuer ??= value;
    else if (name === 'notafter') current.notAfter ??= value;
    else if (name === 'cert hash(sha1)') current.thumbprint ??= { ...value, value: value.value.replace(/\s+/g, '').toLowerCase() };
    else if (name === 'root certificate') current.rootLine ??= value;
  }
  return dump;
}

/**
 * Subject = Issuer: the certificate signed itself (or certutil said "Root Certificate: Subject matches
 * Issuer"). A CA root in My would match too, which is why a rule also requires the MIM Service's subject.
 */
export function isSelfSigned(certificate: DumpedCertificate): boolean {
  if (certificate.rootLine && /subject matches issuer/i.test(certificate.rootLine.value)) return true;
  if (!certificate.subject || !certificate.issuer) return false;
  return normalizedName(certificate.subject.value) === normalizedName(certificate.issuer.value);
}

/** A distinguished name compared the way certutil prints it: case and spaces after commas do not matter. */
export function normalizedName(name: string): string {
  return name.trim().replace(/\s*,\s*/g, ',').toLowerCase();
}

/** The CN of a distinguished name (`CN=ForefrontIdentityManager, O=…` → `ForefrontIdentityManager`). */
export function commonName(name: string): string | undefined {
  const match = /(?:^|,)\s*CN=([^,]*)/i.exec(name);
  return match ? match[1].trim() : undefined;
}
