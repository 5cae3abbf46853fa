// The readiness checklist on examples/ (read in the test, as the admin's repository), on crafted
// workspaces for the registry items, and on an empty workspace. The date and profile are fixed, so the
// report is the same on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileKindOf, ruleDocsUrl, type HostProfile } from '../../../server/src/engine/index';
import { lintWorkspace, readinessReport, type ChecklistItem, type WorkspaceFile } from '../../../server/src/engine/report/index';
import { formatReportMarkdown } from '../../../server/src/engine/report/index';
import { hosts } from '../helpers';

const date = '2024-05-01';

function readTree(root: string): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (fileKindOf(name)) files.push({ fileName: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') });
    }
  };
  walk(root);
  return files;
}

function report(files: WorkspaceFile[], profile: HostProfile) {
  return readinessReport({ workspace: 'examples', files, profile, findings: lintWorkspace(files, profile), date, version: '9.9.9' });
}

function item(items: readonly ChecklistItem[], id: string): ChecklistItem {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

const examples = readTree(join(process.cwd(), 'examples'));
const only = (...names: string[]) => examples.filter((f) => names.some((n) => f.fileName.endsWith(n)));

test('examples on a FIPS, TLS 1.2-only host: the failing requirements point at their lines and rules', () => {
  const { items, date: reportDate, tool, profile } = report(examples, hosts.hardened);
  assert.equal(reportDate, date);
  assert.equal(tool.version, '9.9.9');
  assert.equal(profile.fips.value, 'on');
  assert.equal(profile.fips.source, 'flag');

  const install = item(items, 'unattended-install');
  assert.equal(install.status, 'not met');
  assert.ok(install.evidence.some((e) => e.file === 'scripts/install-mimservice.cmd' && e.line === 11 && /TLS 1.1 is disabled/.test(e.message)));
  // The wrapper's call is recognised as Microsoft's workaround for the script it calls.
  assert.ok(install.evidence.some((e) => e.file === 'scripts/install-mimservice-wrapped.cmd' && e.line === 9 && /workaround/.test(e.message)));
  assert.ok(install.evidence.some((e) => e.file === 'scripts/reenable-tls11-for-install.bat' && e.line === 11));
  assert.deepEqual(install.findings.map((f) => [f.ruleId, f.file, f.line, f.docsUrl]), [['MIM201', 'scripts/install-mimservice.cmd', 11, ruleDocsUrl('MIM201')]]);

  const certificate = item(items, 'ca-certificate');
  assert.equal(certificate.status, 'not met');
  assert.ok(certificate.evidence.some((e) => e.file === 'scripts/install-mimservice.cmd' && e.line === 20 && e.message.startsWith('CERTIFICATE_NAME=ForefrontIdentityManager')));
  assert.deepEqual(certificate.findings.map((f) => [f.ruleId, f.line]), [['MIM203', 20]]);

  const snac = item(items, 'sql-native-client');
  assert.equal(snac.status, 'not met');
  assert.deepEqual(snac.findings.map((f) => [f.ruleId, f.file, f.line]), [['MIM204', 'scripts/Install-Prerequisites.ps1', 12]]);
  assert.ok(snac.evidence.some((e) => e.file === 'scripts/Install-MIMSync.ps1' && e.line === 21 && /11\.4\.7001\.0 or later/.test(e.message)));

  const oledb = item(items, 'oledb-driver');
  assert.equal(oledb.status, 'not met');
  assert.deepEqual(oledb.findings.map((f) => [f.ruleId, f.line]), [['MIM205', 18]]);

  const fips = item(items, 'enforce-fips-policy');
  assert.equal(fips.status, 'not met');
  assert.deepEqual([...new Set(fips.findings.map((f) => f.ruleId))].sort(), ['MIM101', 'MIM103', 'MIM104', 'MIM105']);
  assert.ok(fips.evidence.some((e) => e.file === 'mim-service-ready/Microsoft.ResourceManagement.Service.exe.config' && /enabled="false"/.test(e.message)));

  // A Windows update: the workspace can never show it.
  assert.equal(item(items, 'netfx35-tls-update').status, 'no evidence');
});

test('the wrapper with the workaround and a CA certificate meets the install requirements', () => {
  const { items } = report(only('reenable-tls11-for-install.bat', 'install-mimservice-wrapped.cmd'), hosts.hardened);
  assert.equal(item(items, 'unattended-install').status, 'met');
  assert.equal(item(items, 'ca-certificate').status, 'met');
  assert.equal(item(items, 'enforce-fips-policy').status, 'no evidence', 'no MIM Service config in these files');
});

test('version checks at the documented minimums meet the SQL client requirements', () => {
  const { items } = report(only('Install-MIMSync.ps1'), hosts.hardened);
  assert.equal(item(items, 'sql-native-client').status, 'met');
  assert.equal(item(items, 'oledb-driver').status, 'met');
});

test('the FIPS-ready config meets enforceFIPSPolicy; on a host without FIPS it does not apply', () => {
  const ready = only('mim-service-ready/Microsoft.ResourceManagement.Service.exe.config');
  assert.equal(item(report(ready, hosts.fips).items, 'enforce-fips-policy').status, 'met');
  const bad = only('mim-service/Microsoft.ResourceManagement.Service.exe.config');
  assert.equal(item(report(bad, hosts.notFips).items, 'enforce-fips-policy').status, 'not applicable');
  assert.equal(item(report(bad, hosts.unknown).items, 'enforce-fips-policy').status, 'not met', 'FIPS unknown: the element is still missing');
});

const schannel = (sides: string[], protocols: Record<string, number>) =>
  sides.flatMap((side) =>
    Object.entries(protocols).map(([protocol, enabled]) =>
      `[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\${protocol}\\${side}]\n"Enabled"=dword:0000000${enabled}\n"DisabledByDefault"=dword:0000000${1 - enabled}\n`,
    ),
  ).join('\n');
const tls12Only = { 'SSL 3.0': 0, 'TLS 1.0': 0, 'TLS 1.1': 0, 'TLS 1.2': 1 };
const netfx = (paths: string[]) =>
  paths.map((p) => `[HKEY_LOCAL_MACHINE\\SOFTWARE\\${p}Microsoft\\.NETFramework\\v2.0.50727]\n"SystemDefaultTlsVersions"=dword:00000001\n"SchUseStrongCrypto"=dword:00000001\n`).join('\n');
const regFile = (body: string) => ({ fileName: 'hardening/tls.reg', text: `Windows Registry Editor Version 5.00\n\n${body}` });

test('registry: SCHANNEL in both sides and SystemDefaultTlsVersions in both v2.0.50727 keys are met', () => {
  const { items } = report([regFile(`${schannel(['Client', 'Server'], tls12Only)}\n${netfx(['', 'WOW6432Node\\'])}`)], hosts.hardened);
  const channel = item(items, 'schannel-client-server');
  assert.equal(channel.status, 'met');
  assert.ok(channel.evidence.some((e) => e.file === 'hardening/tls.reg' && e.message === 'TLS 1.0 (Server) disabled'));
  const defaults = item(items, 'netfx35-system-default-tls');
  assert.equal(defaults.status, 'met');
  assert.equal(defaults.evidence.length, 2);
});

test('registry: only the Client side, or only the 64-bit .NET key, is not met', () => {
  const { items } = report([regFile(`${schannel(['Client'], tls12Only)}\n${netfx([''])}`)], hosts.hardened);
  assert.equal(item(items, 'schannel-client-server').status, 'not met');
  const defaults = item(items, 'netfx35-system-default-tls');
  assert.equal(defaults.status, 'not met');
  assert.match(defaults.detail, /WOW6432Node/);
});

test('a workspace with nothing: every requirement is "no evidence"', () => {
  const empty = report([], hosts.unknown);
  assert.deepEqual(empty.items.map((i) => i.status), empty.items.map(() => 'no evidence'));
  assert.equal(empty.items.length, 8);
  assert.ok(empty.items.every((i) => i.evidence.length === 0 && i.findings.length === 0));
});

test('markdown: dated, versioned, with the profile and relative links to evidence and rule pages', () => {
  const markdown = formatReportMarkdown(report(examples, hosts.hardened));
  assert.match(markdown, /^# MIM 2016 SP2 readiness/);
  assert.match(markdown, /\| Date \| 2024-05-01 \|/);
  assert.match(markdown, /mim-lint 9\.9\.9/);
  assert.match(markdown, /\| FIPS mode \| on, set with `--fips on` \|/);
  assert.ok(markdown.includes('[scripts/install-mimservice.cmd:11](scripts/install-mimservice.cmd#L11)'));
  assert.ok(markdown.includes(`[MIM201](${ruleDocsUrl('MIM201')})`));
  assert.ok(markdown.includes('| 5 | Unattended MIM Service install: TLS 1.1 kept on for the install, TLS 1.2 enforced afterwards | **not met** |'));
  // XML in messages is shown as code, not swallowed as HTML by a markdown viewer.
  assert.ok(markdown.includes('`<enforceFIPSPolicy enabled="false"/>`'));
  assert.ok(!/[^`]<runtime>[^`]/.test(markdown));
});

test('a module whose install function nothing calls: no evidence, said as such, whatever the profile', () => {
  const module = [
    "$script:Schannel = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'",
    'function Install-MIMServiceAndPortal {',
    '    param([Parameter(Mandatory)][string] $MediaRoot)',
    "    $msi = Join-Path -Path $MediaRoot -ChildPath 'Service and Portal\\Service and Portal.msi'",
    '    Start-Process -FilePath msiexec.exe -ArgumentList "/i `"$msi`" /quiet ADDLOCAL=CommonServices CERTIFICATE_NAME=mim.contoso.com" -Wait',
    '}',
    'Export-ModuleMember -Function Install-MIMServiceAndPortal',
    '',
  ].join('\r\n');
  const files = [{ fileName: 'module/MIMDeploy.psm1', text: module }];
  const hardened = item(report(files, hosts.hardened).items, 'unattended-install');
  assert.equal(hardened.status, 'no evidence');
  assert.doesNotMatch(hardened.detail, /host profile does not say/, 'the profile says TLS 1.2-only');
  assert.deepEqual(hardened.evidence.map((e) => [e.line, e.message]), [[5, 'unattended MIM Service install in a function this file never calls: judged where it is called']]);
  assert.match(item(report(files, hosts.unknown).items, 'unattended-install').detail, /host profile does not say/);
});
