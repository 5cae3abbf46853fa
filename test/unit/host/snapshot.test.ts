// Host snapshots: a folder of `reg export`s (UTF-16LE, CRLF, the regedit header), a `certutil -store
// My` dump and the copied MIM Service config is one server. Its inventory, its profile, and findings
// on the export line that holds each value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostEvidence, lint, SourceText } from '../../../server/src/engine/index';
import { groupByHost, hostName } from '../../../server/src/engine/host/snapshot/hosts';
import { serviceConfigPath } from '../../../server/src/engine/host/snapshot/inventory';
import { readSnapshot, snapshotFindings, snapshotProfile, type SnapshotFile } from './snapshot-helpers';

test('the fixtures are written the way reg export writes: UTF-16LE with BOM, CRLF, the regedit header', async () => {
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync('test/fixtures/snapshots/mimapp01-evidence/sqlncli11.reg');
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
  const text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  assert.ok(text.startsWith('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SQLNCLI11]\r\n'));
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
});

test('inventory of a ready single-box server: every §9.5 value with the export line that holds it', () => {
  const profile = snapshotProfile(readSnapshot('mimapp01'));
  const host = profile.host!;
  assert.equal(profile.fips.value, 'on');
  assert.equal(profile.tls12Only.value, 'on');
  assert.equal(host.name?.value, 'MIMAPP01');
  assert.equal(host.date?.value, 'Fri 12/04/2026 14:05:12.31');
  assert.deepEqual(
    [host.snac?.value, host.oledb18?.value, host.oledb19?.value, host.netfx35?.value, host.netfx4Release?.value],
    ['11.4.7001.0', '18.7.4.0', undefined, '3.5.30729.4926', '528049'],
  );
  assert.deepEqual(host.mimService.map((v) => v.value), ['4.6.673.0']);
  assert.deepEqual(host.mimSync.map((v) => v.value), ['4.6.673.0']);
  // ImagePath is REG_EXPAND_SZ: reg export writes it as hex(2) UTF-16 bytes over continuation lines.
  assert.equal(serviceConfigPath(host), 'C:\\Program Files\\Microsoft Forefront Identity Manager\\2010\\Service\\Microsoft.ResourceManagement.Service.exe.config');
  assert.equal(host.syncPath?.value, 'C:\\Program Files\\Microsoft Forefront Identity Manager\\2010\\Synchronization Service\\');
  assert.deepEqual(host.certificates.map((c) => [c.subject, c.selfSigned]), [
    ['CN=MIMAPP01.contoso.com', false],
    ['CN=mimservice.contoso.com, OU=Identity, O=Contoso, L=Seattle, S=WA, C=US', false],
  ]);
  assert.deepEqual(host.missing.map((m) => m.value), ['HKLM\\SOFTWARE\\Microsoft\\MSOLEDBSQL19']);
  assert.equal(host.netfxTls['software\\microsoft\\.netframework\\v2.0.50727|systemdefaulttlsversions']?.value, '1');
  // Locations: the file and the 0-based line of the value (line 4 of sqlncli11.reg, after header and key).
  assert.equal(host.snac?.at.file, 'test/fixtures/snapshots/mimapp01-evidence/sqlncli11.reg');
  assert.equal(host.snac?.at.line, 3);
  assert.equal(host.mimService[0].at.file.endsWith('uninstall-mim-service.reg'), true);
});

test('a snapshot of a ready server produces no finding at all (config copy, exports, certificate dump)', () => {
  const files = readSnapshot('mimapp01');
  assert.ok(files.length >= 17, 'every export, the dump, the manifest and the config copy are read');
  assert.deepEqual(snapshotFindings(files), []);
});

test('missing SNAC QFE: MIM401 on the InstalledVersion data of the SQLNCLI11 export, no manifest needed', () => {
  const files = readSnapshot('mimsync02');
  assert.equal(files.some((f) => f.fileName.endsWith('evidence-manifest.txt')), false);
  assert.deepEqual(snapshotFindings(files), [['sqlncli11.reg', 'MIM401', '"11.3.6020.0"']]);
  assert.equal(hostName(snapshotProfile(files), 'test/fixtures/snapshots/mimsync02-evidence'), 'mimsync02');
});

test('SP1 build with the self-signed certificate: MIM403 on DisplayVersion, MIM404 on the Subject line', () => {
  assert.deepEqual(snapshotFindings(readSnapshot('mimsvc03')), [
    ['certutil-store-my.txt', 'MIM404', 'Subject: CN=ForefrontIdentityManager'],
    ['uninstall-mim-service.reg', 'MIM403', '"4.5.286.0"'],
  ]);
});

test('FIPS host whose config lacks the element: the copied config is linted with that host\'s profile (MIM101)', () => {
  const files = readSnapshot('mimsvc04');
  assert.deepEqual(snapshotFindings(files), [['Microsoft.ResourceManagement.Service.exe.config', 'MIM101', '<runtime>']]);
  // The same config outside a snapshot, with nothing saying FIPS: no finding.
  const config = files.find((f) => f.fileName.endsWith('.config'))!;
  assert.deepEqual(lint(config.text, 'repo/Microsoft.ResourceManagement.Service.exe.config').findings, []);
});

test('several snapshots in one workspace: each folder is its own host, with its own profile', () => {
  const files = ['mimapp01', 'mimsync02', 'mimsvc03', 'mimsvc04'].flatMap(readSnapshot);
  const ordinary = { fileName: 'repo/hardening/tls12.reg', text: 'Windows Registry Editor Version 5.00\r\n' };
  const all = [ordinary, ...files];
  const split = groupByHost(all, all.map((f) => hostEvidence(f.text, f.fileName)));
  assert.deepEqual(split.workspace.map((f) => f.fileName), ['repo/hardening/tls12.reg']);
  assert.deepEqual(
    split.hosts.map((h) => [h.directory.split('/').at(-1), h.profile.fips.value, h.profile.tls12Only.value, h.profile.fips.conflict ?? false]),
    [
      ['mimapp01-evidence', 'on', 'on', false],
      ['mimsync02-evidence', 'off', 'on', false],
      ['mimsvc03-evidence', 'off', 'on', false],
      ['mimsvc04-evidence', 'on', 'on', false],
    ],
  );
});

test('a hardening .reg in a repository is not a snapshot: it names no inventory key', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync('examples/hardening/tls12-only-hardening.reg', 'utf8');
  const split = groupByHost([{ fileName: 'examples/hardening/tls12-only-hardening.reg', text }], [hostEvidence(text, 'examples/hardening/tls12-only-hardening.reg')]);
  assert.equal(split.hosts.length, 0);
});

const header = 'Windows Registry Editor Version 5.00\r\n\r\n';
const tls12Only = snapshotFile('schannel.reg', schannelExport());

function snapshotFile(name: string, text: string): SnapshotFile {
  return { fileName: `snap/web01-evidence/${name}`, text };
}

function schannelExport(): string {
  const base = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
  const side = (protocol: string, s: string, on: boolean) => `${base}\\${protocol}\\${s}]\r\n"DisabledByDefault"=dword:0000000${on ? 0 : 1}\r\n"Enabled"=dword:0000000${on ? 1 : 0}\r\n\r\n`;
  return header + ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2'].flatMap((p) => ['Client', 'Server'].map((s) => side(p, s, p === 'TLS 1.2'))).join('');
}

function oledbExport(key: string, version: string): string {
  return `${header}[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\${key}]\r\n"InstalledVersion"="${version}"\r\n\r\n`;
}

const manifestMissingV18 = snapshotFile('evidence-manifest.txt', 'mim-lint host evidence\r\nHost: WEB01\r\nMissing: HKLM\\SOFTWARE\\Microsoft\\MSOLEDBSQL\r\n');

test('OLE DB: 18.1 is too old (MIM402 error); only v19 is a warning, and only when the collector says v18 is missing', () => {
  assert.deepEqual(snapshotFindings([tls12Only, snapshotFile('msoledbsql.reg', oledbExport('MSOLEDBSQL', '18.1.0.0'))]), [['msoledbsql.reg', 'MIM402', '"18.1.0.0"']]);
  assert.deepEqual(snapshotFindings([tls12Only, snapshotFile('msoledbsql.reg', oledbExport('MSOLEDBSQL', '18.2.1.0'))]), []);
  const v19 = snapshotFile('msoledbsql19.reg', oledbExport('MSOLEDBSQL19', '19.3.2.0'));
  assert.deepEqual(snapshotFindings([tls12Only, v19, manifestMissingV18]), [['msoledbsql19.reg', 'MIM402', '"19.3.2.0"']]);
  const profile = snapshotProfile([tls12Only, v19, manifestMissingV18]);
  assert.equal(lint(v19.text, v19.fileName, { profile }).findings[0].severity, 'warning');
  // Without the manifest the v18 export may simply not have been made: stay silent.
  assert.deepEqual(snapshotFindings([tls12Only, v19]), []);
});

test('host rules stay silent when the host is not TLS 1.2-only, and outside snapshots', () => {
  const old = snapshotFile('msoledbsql.reg', oledbExport('MSOLEDBSQL', '18.1.0.0'));
  const legacy = snapshotFile('schannel.reg', schannelExport().replace(/(TLS 1\.1\\(?:Client|Server)\]\r\n"DisabledByDefault"=dword:0000000)1\r\n"Enabled"=dword:00000000/g, '$10\r\n"Enabled"=dword:00000001'));
  assert.deepEqual(snapshotFindings([legacy, old]), []);
  assert.deepEqual(lint(old.text, 'repo/msoledbsql.reg').findings, [], 'no snapshot, no host inventory');
});

test('MIM404 needs the MIM Service subject: a self-signed certificate with another name is not judged', () => {
  const dump = (subject: string) =>
    snapshotFile(
      'certutil-store-my.txt',
      `My "Personal"\r\n================ Certificate 0 ================\r\nSerial Number: 1f\r\nIssuer: ${subject}\r\n NotBefore: 3/14/2019 10:21 AM\r\n NotAfter: 3/14/2029 10:21 AM\r\nSubject: ${subject}\r\nSignature matches Public Key\r\nRoot Certificate: Subject matches Issuer\r\nCert Hash(sha1): 5d1e8f03a7c24b6e9f1a0c3b5d7e9f2a4c6b8d01\r\nCertUtil: -store command completed successfully.\r\n`,
    );
  assert.deepEqual(snapshotFindings([tls12Only, dump('CN=web01.contoso.com')]), []);
  const found = snapshotFindings([tls12Only, dump('CN=ForefrontIdentityManager')]);
  assert.deepEqual(found, [['certutil-store-my.txt', 'MIM404', 'Subject: CN=ForefrontIdentityManager']]);
  const file = dump('CN=ForefrontIdentityManager');
  const finding = lint(file.text, file.fileName, { profile: snapshotProfile([tls12Only, file]) }).findings[0];
  assert.equal(new SourceText(file.text, file.fileName).positionAt(finding.start).line, 6);
});

test('a MIM build compare is numeric: 4.6.34.0 and 4.6.258.0 pass, 4.5.286.0 and 4.4.1459.0 do not', () => {
  const entry = (version: string) =>
    snapshotFile(
      'uninstall-mim-service.reg',
      `${header}[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{6A0F8C53-2E1D-4B7A-9C84-3F5E21D07B96}]\r\n"DisplayVersion"="${version}"\r\n"DisplayName"="Microsoft Identity Manager Service and Portal"\r\n\r\n`,
    );
  for (const version of ['4.6.34.0', '4.6.258.0', '4.6.673.0']) assert.deepEqual(snapshotFindings([tls12Only, entry(version)]), [], version);
  for (const version of ['4.5.286.0', '4.4.1459.0']) assert.deepEqual(snapshotFindings([tls12Only, entry(version)]), [['uninstall-mim-service.reg', 'MIM403', `"${version}"`]], version);
});

test('an export of the whole Uninstall key: only its direct entries are products, not their subkeys', () => {
  // `reg export …\Uninstall` (or regedit) writes every entry and its subkeys; a subkey's own DisplayName
  // and DisplayVersion (a component or a language entry) are not the product's build.
  const uninstall = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
  const entry = (key: string, name: string, version: string) => `[${uninstall}\\${key}]\r\n"DisplayName"="${name}"\r\n"DisplayVersion"="${version}"\r\n\r\n`;
  const file = snapshotFile(
    'uninstall-all.reg',
    `${header}[${uninstall}]\r\n\r\n` +
      entry('{0F7E3C21-5B4A-4D6E-9C8B-1A2B3C4D5E6F}', 'Microsoft Identity Manager Service and Portal', '4.6.607.0') +
      entry('{0F7E3C21-5B4A-4D6E-9C8B-1A2B3C4D5E6F}\\Components', 'Microsoft Identity Manager Service and Portal', '1.0.0.0') +
      entry('{A1B2C3D4-E5F6-4789-8ABC-DEF012345678}', 'Microsoft Identity Manager Add-ins and Extensions', '4.1.3419.0'),
  );
  assert.deepEqual(snapshotFindings([tls12Only, file]), []);
  assert.deepEqual(snapshotProfile([tls12Only, file]).host?.mimService.map((entry) => entry.value), ['4.6.607.0']);
});
