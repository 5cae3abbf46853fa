// Realistic files that make every rule report, for the message table in messages.test.ts: the shipped
// examples plus files written the way admins write them (comments, wrappers, transforms, .reg exports).
import { readFileSync } from 'node:fs';
import type { HostProfile } from '../../../server/src/engine/profile';
import { hosts, serviceConfig, syncConfig } from '../helpers';
import { serviceConfigWithoutFipsPolicy } from '../../lsp/fixtures';
import { readSnapshot, snapshotProfile } from '../host/snapshot-helpers';

export interface MessageCase {
  name: string;
  fileName: string;
  text: string;
  profile: HostProfile;
}

const example = (path: string) => readFileSync(`examples/${path}`, 'utf8');

const serviceRuntime = (runtime: string, extra = '') =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <configSections>',
    '    <section name="resourceManagementService" type="Microsoft.ResourceManagement.WebServices.ResourceManagementServiceSection, Microsoft.ResourceManagement.Service" />',
    '  </configSections>',
    '  <resourceManagementService externalHostName="mimservice.contoso.com" />',
    extra,
    '  <runtime>',
    runtime,
    '  </runtime>',
    '</configuration>',
    '',
  ].filter((line) => line !== '').join('\n');

/** The <assemblyBinding> of the protocol tests' MIM Service config, as installed. */
const binding = ((lines) => lines.slice(lines.indexOf('  <runtime>') + 1, lines.indexOf('  </runtime>')).join('\n'))(serviceConfigWithoutFipsPolicy.split('\r\n'));

const transformFile = 'D:\\Build\\MIM\\Microsoft.ResourceManagement.Service.exe.Release.config';
const transform = (body: string) =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
    body,
    '</configuration>',
    '',
  ].join('\n');

const scheme = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const reg = (...blocks: string[]) => ['Windows Registry Editor Version 5.00', '', ...blocks, ''].join('\r\n');
const disabled = (protocol: string, side: string) => `[${scheme}\\${protocol}\\${side}]\r\n"Enabled"=dword:00000000\r\n"DisabledByDefault"=dword:00000001\r\n`;
const olderOff = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'].flatMap((p) => [disabled(p, 'Client'), disabled(p, 'Server')]);
const netfx = (path: string, values: string) => `[HKEY_LOCAL_MACHINE\\SOFTWARE\\${path}]\r\n${values}`;
const netfxAll = [
  netfx('Microsoft\\.NETFramework\\v2.0.50727', '"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000001\r\n'),
  netfx('WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727', '"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000001\r\n'),
];

/** A host whose hardening sources disagree on FIPS mode: this script says on, another says off. */
const conflictScript = '@echo off\r\nrem FIPS for the MIM servers (CHG-2291)\r\nreg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d 1 /f\r\n';
const conflictFile = 'C:\\MIM\\hosts\\mimsvc1\\harden.cmd';
const fipsConflict: HostProfile = {
  ...hosts.unknown,
  fips: {
    value: 'unknown',
    source: 'evidence',
    conflict: true,
    evidence: [
      { file: conflictFile, start: conflictScript.indexOf('reg add'), end: conflictScript.indexOf(' /f'), line: 2, message: 'FIPS mode is enabled here' },
      { file: 'C:\\MIM\\hosts\\mimsvc2\\harden.cmd', start: 40, end: 120, line: 4, message: 'FIPS mode is disabled here' },
      { file: 'C:\\MIM\\hosts\\mimsvc3\\harden.cmd', start: 40, end: 120, line: 4, message: 'FIPS mode is disabled here' },
    ],
  },
};

/** A file of a host snapshot folder (test/fixtures/snapshots), linted with that host's profile; `edit` changes its text. */
function snapshotCase(name: string, host: string, file: string, edit = (text: string) => text): MessageCase {
  const files = readSnapshot(host).map((f) => (f.fileName.endsWith(`/${file}`) ? { ...f, text: edit(f.text) } : f));
  const found = files.find((f) => f.fileName.endsWith(`/${file}`))!;
  return { name, fileName: found.fileName, text: found.text, profile: snapshotProfile(files) };
}

export const messageCases: MessageCase[] = [
  // Shipped examples.
  { name: 'example service config', fileName: serviceConfig, text: example('mim-service/Microsoft.ResourceManagement.Service.exe.config'), profile: hosts.hardened },
  { name: 'example sync config', fileName: syncConfig, text: example('sync/miiserver.exe.config'), profile: hosts.hardened },
  { name: 'example install script', fileName: 'C:\\MIM\\install-mimservice.cmd', text: example('scripts/install-mimservice.cmd'), profile: hosts.hardened },
  { name: 'example prerequisites', fileName: 'C:\\MIM\\Install-Prerequisites.ps1', text: example('scripts/Install-Prerequisites.ps1'), profile: hosts.hardened },
  // MIM001, MIM002: configs that do not load.
  {
    name: 'never closed',
    fileName: serviceConfig,
    text: serviceRuntime(`    <enforceFIPSPolicy enabled="false" />\n${binding}`).replace('  </runtime>\n', ''),
    profile: hosts.fips,
  },
  {
    name: 'bare ampersand',
    fileName: syncConfig,
    text: '<?xml version="1.0"?>\r\n<configuration>\r\n  <appSettings>\r\n    <add key="MailFrom" value="MIM Sync & Reports" />\r\n  </appSettings>\r\n</configuration>\r\n',
    profile: hosts.hardened,
  },
  {
    name: 'broken transform',
    fileName: transformFile,
    text: transform('  <runtime>\n    <enforceFIPSPolicy enabled="false" xdt:Transform="Insert">\n  </runtime>'),
    profile: hosts.fips,
  },
  {
    name: 'directive with dashes',
    fileName: serviceConfig,
    text: serviceRuntime(`    <!-- mim-lint-disable-next-line MIM106 -- reviewed with the MIM team -->\n    <enforceFIPSPolicy enabled="false" />\n${binding}`),
    profile: hosts.fips,
  },
  {
    name: 'namespaced root',
    fileName: serviceConfig,
    text: serviceRuntime(`    <enforceFIPSPolicy enabled="false" />\n${binding}`).replace('<configuration>', '<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0">'),
    profile: hosts.fips,
  },
  {
    name: 'wrong root',
    fileName: syncConfig,
    text: '<?xml version="1.0"?>\n<settings>\n  <runtime />\n</settings>\n',
    profile: hosts.hardened,
  },
  // MIM101–MIM107: the FIPS policy element.
  { name: 'policy missing', fileName: serviceConfig, text: serviceRuntime(binding), profile: hosts.fips },
  { name: 'policy enforced', fileName: serviceConfig, text: serviceRuntime(`    <enforceFIPSPolicy enabled="true" />\n${binding}`), profile: hosts.fips },
  {
    name: 'policy misplaced',
    fileName: serviceConfig,
    text: serviceRuntime(binding.replace('    </assemblyBinding>', '      <enforceFIPSPolicy enabled="false" />\n    </assemblyBinding>')),
    profile: hosts.fips,
  },
  { name: 'policy wrong case', fileName: serviceConfig, text: serviceRuntime(`    <EnforceFipsPolicy Enabled="false" />\n${binding}`), profile: hosts.notFips },
  { name: 'policy value 0', fileName: serviceConfig, text: serviceRuntime(`    <enforceFIPSPolicy enabled="0" />\n${binding}`), profile: hosts.fips },
  { name: 'policy without value', fileName: serviceConfig, text: serviceRuntime(`    <enforceFIPSPolicy />\n${binding}`), profile: hosts.unknown },
  {
    name: 'policy after binding, twice',
    fileName: serviceConfig,
    text: serviceRuntime(`    <enforceFIPSPolicy enabled="false" />\n${binding}\n    <!-- added again by CHG-3310 -->\n    <enforceFIPSPolicy enabled="false" />`),
    profile: hosts.fips,
  },
  // MIM101–MIM103 in transforms.
  {
    name: 'transform removes policy',
    fileName: transformFile,
    text: transform('  <runtime>\n    <!-- the FIPS exemption was thought to be needed in the lab only -->\n    <enforceFIPSPolicy xdt:Transform="RemoveAll" />\n  </runtime>'),
    profile: hosts.fips,
  },
  { name: 'transform removes runtime', fileName: transformFile, text: transform('  <runtime xdt:Transform="Remove" />'), profile: hosts.fips },
  {
    name: 'transform replaces runtime',
    fileName: transformFile,
    text: transform(`  <runtime xdt:Transform="Replace">\n${binding}\n  </runtime>`),
    profile: hosts.fips,
  },
  {
    name: 'transform enforces policy',
    fileName: transformFile,
    text: transform('  <runtime>\n    <enforceFIPSPolicy enabled="true" xdt:Transform="SetAttributes(enabled)" />\n  </runtime>'),
    profile: hosts.fips,
  },
  {
    name: 'transform inserts misplaced policy',
    fileName: transformFile,
    text: transform('  <enforceFIPSPolicy enabled="false" xdt:Transform="Insert" />'),
    profile: hosts.fips,
  },
  // MIM108, MIM109: the runtime MIM Service loads.
  {
    name: 'service on CLR 4',
    fileName: serviceConfig,
    text: serviceRuntime(`    <enforceFIPSPolicy enabled="false" />\n${binding}`, '  <startup>\n    <supportedRuntime version="v4.0.30319" />\n    <supportedRuntime version="v2.0.50727" />\n  </startup>'),
    profile: hosts.fips,
  },
  {
    name: 'switches in the service config',
    fileName: serviceConfig,
    text: serviceRuntime(
      `    <enforceFIPSPolicy enabled="false" />\n    <!-- TLS 1.2 for the MIM Service (CHG-5120) -->\n    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSystemDefaultTlsVersions=false" />\n${binding}`,
      '  <startup>\n    <supportedRuntime version="v2.0.50727" />\n  </startup>',
    ),
    profile: hosts.hardened,
  },
  // MIM201, MIM202: scripts around the unattended install.
  {
    name: 'install after hardening',
    fileName: 'C:\\MIM\\Deploy\\01-harden-and-install.cmd',
    text: [
      '@echo off',
      'setlocal',
      'set SCH=HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols',
      'for %%P in ("TLS 1.0" "TLS 1.1") do (',
      '  reg add "%SCH%\\%%~P\\Client" /v Enabled /t REG_DWORD /d 0 /f',
      '  reg add "%SCH%\\%%~P\\Server" /v Enabled /t REG_DWORD /d 0 /f',
      ')',
      'msiexec /i "%~dp0Service and Portal.msi" /qn /l*v "%TEMP%\\mimservice.log" ^',
      '  ADDLOCAL=CommonServices,WebPortals SQMOPTINSETTING=yes ^',
      '  SQLSERVER_SERVER=SQL01 CERTIFICATE_NAME=mimservice.contoso.com ACCEPT_EULA=1',
      'if errorlevel 1 exit /b 1',
      '',
    ].join('\r\n'),
    profile: hosts.unknown,
  },
  { name: 'TLS 1.1 left on', fileName: 'C:\\MIM\\reenable-tls11.bat', text: example('scripts/reenable-tls11-for-install.bat').replace(/^reg add "%P%\\TLS 1\.1\\(Client|Server)" \/v (Enabled \/t REG_DWORD \/d 0|DisabledByDefault \/t REG_DWORD \/d 1) \/f\r?\n/gm, ''), profile: hosts.hardened },
  // MIM203, MIM207, MIM208: msiexec properties.
  {
    name: 'msiexec properties',
    fileName: 'C:\\MIM\\Install-MIMService.ps1',
    text: [
      '# Unattended MIM Service and Portal install (run as the MIM install account)',
      '$msi = Join-Path $PSScriptRoot \'Service and Portal.msi\'',
      '$arguments = @(',
      '  \'/i\', "`"$msi`"", \'/qn\',',
      '  \'ADDLOCAL=CommonServices,WebPortals,registrationportal\',',
      '  \'SQLSERVER_SERVER=SQL01\', \'SQLSERVER_DATABASE=FIMService\',',
      '  \'SERVICE_ACCOUNT_NAME=svc-mimservice\', \'SERVICE_ACOUNT_DOMAIN=CONTOSO\',',
      '  \'SEND_TELEMETRY=yes\', \'REBOOT=ReallySupress\'',
      ')',
      'Start-Process msiexec.exe -ArgumentList $arguments -Wait',
      '',
    ].join('\r\n'),
    profile: hosts.hardened,
  },
  {
    name: 'self-signed certificate',
    fileName: 'C:\\MIM\\New-MIMCertificate.ps1',
    text: '# Certificate for the MIM Service (ForefrontIdentityManager)\r\nNew-SelfSignedCertificate -DnsName mimservice.contoso.com -FriendlyName ForefrontIdentityManager -CertStoreLocation Cert:\\LocalMachine\\My\r\n',
    profile: hosts.hardened,
  },
  // MIM204, MIM205: SQL client versions.
  {
    name: 'SQL client checks',
    fileName: 'C:\\MIM\\Test-Prerequisites.ps1',
    text: [
      'function Test-SqlClients {',
      '  $snac = (Get-ItemProperty \'HKLM:\\SOFTWARE\\Microsoft\\SQLNCLI11\' -ErrorAction SilentlyContinue).InstalledVersion',
      '  if ($snac -lt \'11.4.7001.0\') { Write-Warning \'SQL Server Native Client 11 is too old for TLS 1.2\' }',
      '  $oledb = Get-ItemProperty \'HKLM:\\SOFTWARE\\Microsoft\\MSOLEDBSQL19\' -ErrorAction SilentlyContinue',
      '  if (-not $oledb) { throw \'Install the Microsoft OLE DB Driver for SQL Server\' }',
      '}',
      'Test-SqlClients',
      '',
    ].join('\r\n'),
    profile: hosts.hardened,
  },
  // MIM301–MIM305: registry exports and security templates.
  {
    name: 'hardening, client only',
    fileName: 'C:\\MIM\\GPO\\tls12-client.reg',
    text: reg(disabled('TLS 1.0', 'Client'), `[${scheme}\\TLS 1.2\\Client]\r\n"Enabled"=dword:00000001\r\n"DisabledByDefault"=dword:00000000\r\n`),
    profile: hosts.unknown,
  },
  {
    name: 'hardening that disables TLS 1.2',
    fileName: 'C:\\MIM\\GPO\\tls-hardening.reg',
    text: reg(...olderOff, disabled('TLS 1.2', 'Server'), `[${scheme}\\TLS 1.2\\Client]\r\n"Enabled"=dword:00000001\r\n"DisabledByDefault"=dword:00000000\r\n`, ...netfxAll),
    profile: hosts.unknown,
  },
  {
    name: 'hardening without .NET 3.5 keys',
    fileName: 'C:\\MIM\\GPO\\tls12-only.reg',
    text: reg(
      ...olderOff,
      netfx('Microsoft\\.NETFramework\\v4.0.30319', '"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000000\r\n'),
      netfx('WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727', '"SystemDefaultTlsVersions"=dword:00000000\r\n"SchUseStrongCrypto"=dword:00000001\r\n'),
    ),
    profile: hosts.unknown,
  },
  {
    name: 'malformed .reg',
    fileName: 'C:\\MIM\\GPO\\fips.reg',
    text: reg(
      '[HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy]\r\n"Enabled"=dword:1\r\n',
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy]\r\n"Enabled"=dword:000000001\r\n"MDMEnabled"=dword 0\r\n',
    ),
    profile: hosts.unknown,
  },
  { name: '.reg without header', fileName: 'C:\\MIM\\GPO\\fips-export.reg', text: '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy]\r\n"Enabled"=dword:00000001\r\n', profile: hosts.unknown },
  {
    name: 'malformed security template',
    fileName: 'C:\\MIM\\GPO\\GptTmpl.inf',
    text: '[Unicode]\r\nUnicode=yes\r\n[Registry Values]\r\nMACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4;1\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n',
    profile: hosts.unknown,
  },
  // MIM401–MIM404: what a host snapshot records.
  snapshotCase('snapshot: Native Client 11', 'mimsync02', 'sqlncli11.reg'),
  snapshotCase('snapshot: OLE DB Driver', 'mimapp01', 'msoledbsql.reg', (text) => text.replace('"18.7.4.0"', '"18.1.0.0"')),
  snapshotCase('snapshot: MIM build', 'mimsvc03', 'uninstall-mim-service.reg'),
  snapshotCase('snapshot: certificate store', 'mimsvc03', 'certutil-store-my.txt'),
  // MIM306: the workspace's hardening sources disagree.
  { name: 'conflicting FIPS evidence', fileName: conflictFile, text: conflictScript, profile: fipsConflict },
  // MIM900: directives that suppress nothing.
  {
    name: 'unused directives',
    fileName: 'C:\\MIM\\install-sync.cmd',
    text: [
      '@echo off',
      'rem mim-lint-disable-next-line MIM201: TLS 1.1 stays on until the install is done (CHG-4410)',
      'msiexec /i "%~dp0Synchronization Service.msi" /qb ACCEPT_EULA=1',
      'rem mim-lint-disable-next-line MIM206 reviewed with the MIM team',
      'rem mim-lint-disable-line MIM999',
      'rem mim-lint-disabel-file MIM203',
      '',
    ].join('\r\n'),
    profile: hosts.hardened,
  },
];

/** MIM901 is reported on .mimlintrc.json itself, by the config reader. */
export const projectConfigCases: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'unknown rule, bad value', text: '{\n  // CHG-4410: quieter in the lab\n  "rules": { "MIM106": "of", "mim108": "off", "MIM999": "warning" },\n  "ignore": ["archive/{old"]\n}\n' },
  { name: 'unknown key', text: '{\n  "rules": {},\n  "hosts": { "fips": "on" }\n}\n' },
  { name: 'not JSON', text: '{\n  "rules": { "MIM106": "off" }\n  "host": { "fips": "on" }\n}\n' },
];
