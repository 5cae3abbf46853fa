// Hover in the files admins edit: what an msiexec property, feature or value does; what the FIPS and
// runtime elements and AppContext switches mean; what a SCHANNEL or .NET registry value means and the
// TLS state it leaves ("TLS 1.1 Client: disabled").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../../server/src/engine/index';
import { serviceConfig, syncConfig } from '../helpers';
import { atCursor } from './cursor';

const cmdScript = `@echo off\r
rem MIM Service install with the TLS 1.1 workaround\r
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d 1 /f\r
msiexec /i "D:\\Media\\Service and Portal\\Service and Portal.msi" /qn ^\r
  ADDLOCAL=CommonServices,webportals REBOOT=ReallySuppress ^\r
  FIREWALL_CONF=1 SQMOPTINTSETTING=0 SERVICE_ACCOUNT_NAME=svc-mim\r
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f\r
`;

function hoverIn(kind: Parameters<typeof hoverAt>[0], text: string, marker: string, fileName: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(marker, offset + 1);
  assert.ok(offset >= 0, marker);
  const found = hoverAt(kind, text, offset + 1, fileName);
  return found && { ...found, covered: text.slice(found.start, found.end) };
}

test('msiexec: property, feature in the wrong case, REBOOT and 0/1 values, a misspelled property', () => {
  const name = 'install.cmd';
  const property = hoverIn('cmd', cmdScript, 'SERVICE_ACCOUNT_NAME', name);
  assert.equal(property?.covered, 'SERVICE_ACCOUNT_NAME');
  assert.match(property!.contents, /\*\*SERVICE_ACCOUNT_NAME\*\* \(Service and Portal\.msi\)\n\nMIM Service account; a gMSA name ends in \$/);
  const feature = hoverIn('cmd', cmdScript, 'CommonServices', name);
  assert.equal(feature?.covered, 'CommonServices');
  assert.match(feature!.contents, /installs MIM Service\. Feature names are case-sensitive/);
  assert.match(hoverIn('cmd', cmdScript, 'webportals', name)!.contents, /must be spelled \*\*WebPortals\*\*/);
  assert.match(hoverIn('cmd', cmdScript, 'ReallySuppress', name)!.contents, /^\*\*REBOOT=ReallySuppress\*\*: Suppresses every restart/);
  assert.match(hoverIn('cmd', cmdScript, '=1 SQM', name)!.contents, /^\*\*FIREWALL_CONF=1\*\*: yes\./);
  assert.match(hoverIn('cmd', cmdScript, 'SQMOPTINTSETTING', name)!.contents, /not a known property of Service and Portal\.msi; did you mean \*\*SQMOPTINSETTING\*\*/);
  assert.match(hoverIn('cmd', cmdScript, 'ADDLOCAL', name)!.contents, /Values: ALL or feature names, comma-separated, exact case/);
});

test('script registry writes: what the value means and the state after the command', () => {
  const enable = hoverIn('cmd', cmdScript, '/v Enabled', 'install.cmd');
  assert.match(enable!.contents, /\*\*Enabled=1\*\* under `HKLM\\SYSTEM\\.*TLS 1\.1\\Client`/);
  assert.match(enable!.contents, /After this command: TLS 1\.1 Client: enabled\./);
  assert.match(hoverIn('cmd', cmdScript, '/v DisabledByDefault', 'install.cmd')!.contents, /After this command: TLS 1\.1 Client: disabled by default \(DisabledByDefault=1\)\./);
  const ps = atCursor(`$netfx = 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727'
New-ItemProperty -Path $netfx -Name Sys‸temDefaultTlsVersions -Value 1 -PropertyType DWord -Force | Out-Null
`);
  const netfx = hoverAt('powershell', ps.text, ps.offset, 'harden.ps1');
  assert.match(netfx!.contents, /\*\*SystemDefaultTlsVersions=1\*\*.*\n\nSystemDefaultTlsVersions: 1 lets \.NET use the protocols the OS/);
  assert.match(netfx!.contents, /\.NET 3\.5 \(CLR 2\): the runtime MIM Service uses/);
  assert.equal(hoverIn('cmd', cmdScript, 'echo', 'install.cmd'), undefined);
});

const regFile = `Windows Registry Editor Version 5.00\r
\r
[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client]\r
"Enabled"=dword:00000001\r
\r
; later in the same export: switched off again\r
[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client]\r
"Enabled"=dword:00000000\r
"DisabledByDefault"=dword:00000001\r
`;

test('.reg: a value says what it means and how the file leaves the protocol', () => {
  const first = hoverIn('reg', regFile, '"Enabled"', 'tls.reg');
  assert.equal(first?.covered, '"Enabled"=dword:00000001');
  assert.match(first!.contents, /Enabled: 0 turns the protocol off/);
  assert.match(first!.contents, /TLS 1\.1 Client, as this file leaves it: disabled \(Enabled=0\)\./);
  const key = hoverIn('reg', regFile, 'HKEY_LOCAL_MACHINE', 'tls.reg');
  assert.match(key!.contents, /^SCHANNEL switches for TLS 1\.1 on the Client side/);
  assert.equal(hoverIn('reg', regFile, 'Windows Registry', 'tls.reg'), undefined);
});

const config = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <startup useLegacyV2RuntimeActivationPolicy="true">
    <supportedRuntime version="v4.0" sku=".NETFramework,Version=v4.6.2" />
  </startup>
  <runtime>
    <enforceFIPSPolicy enabled="false" />
    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSystemDefaultTlsVersions=false;Switch.System.Net.DontEnableSchUseStrongCrypto=true" />
  </runtime>
</configuration>
`;

test('configs: enforceFIPSPolicy, supportedRuntime and each AppContext switch', () => {
  assert.match(hoverIn('config', config, 'enforceFIPSPolicy', serviceConfig)!.contents, /Access Denied/);
  assert.match(hoverIn('config', config, 'supportedRuntime', syncConfig)!.contents, /`v2\.0\.50727` is CLR 2/);
  const strong = hoverIn('config', config, 'DontEnableSchUseStrongCrypto', syncConfig);
  assert.equal(strong?.covered, 'Switch.System.Net.DontEnableSchUseStrongCrypto=true');
  assert.match(strong!.contents, /when true, turns off strong cryptography/);
  assert.match(hoverIn('config', config, 'DontEnableSystemDefault', syncConfig)!.contents, /instead of using the operating system defaults/);
  assert.equal(hoverIn('config', config, 'startup', syncConfig), undefined);
});
