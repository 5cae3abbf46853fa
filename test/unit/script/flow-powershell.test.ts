// The interpreter on PowerShell: functions run where called, script blocks, branches, try/finally,
// DSC resources in DependsOn order, and scripts that call other scripts in either language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, callersByScript, lint, scriptPathKey } from '../../../server/src/engine/index';
import { expectFindings, hosts, lintFindings } from '../helpers';

const file = 'C:\\MIM\\Deploy-MIMService.ps1';
const key = "'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client'";
const write = (name: string, value: number) => `New-ItemProperty -Path ${key} -Name '${name}' -Value ${value} -PropertyType DWord -Force | Out-Null`;
const tls11 = (on: boolean, indent = '    ') => [`New-Item -Path ${key} -Force | Out-Null`, write('Enabled', on ? 1 : 0), write('DisabledByDefault', on ? 0 : 1)].map((l) => indent + l).join('\r\n');
const install = (indent = '    ') =>
  [
    "$msi = Join-Path $MediaPath 'Service and Portal\\Service and Portal.msi'",
    "$p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList '/i', \"`\"$msi`\"\", '/qn', 'ADDLOCAL=CommonServices', 'CERTIFICATE_NAME=mim.contoso.com'",
    "if ($p.ExitCode -ne 0) { throw \"install failed: $($p.ExitCode)\" }",
  ].map((l) => indent + l).join('\r\n');
const lines = (...parts: string[]) => parts.join('\r\n') + '\r\n';
const header = lines('param([Parameter(Mandatory)] [string] $MediaPath)', "$ErrorActionPreference = 'Stop'");

test('PowerShell: functions defined install-first, called harden-first: the failing install is reported', () => {
  const text = header + lines('function Install-Service {', install(), '}', 'function Set-Hardening {', tls11(false), '}', 'Set-Hardening', 'Install-Service');
  const [finding] = expectFindings(text, file, hosts.unknown, [['MIM201', "'/qn'"]], ['MIM201']);
  assert.deepEqual(finding.related!.map((r) => text.slice(r.start, r.end)), [write('DisabledByDefault', 1).replace(' | Out-Null', '')]);
});

test('PowerShell: functions defined harden-first, called in Microsoft\'s order (enable, install, harden): clean', () => {
  const text = header + lines('function Set-Hardening {', tls11(false), '}', 'function Enable-Legacy {', tls11(true), '}', 'function Install-Service {', install(), '}', 'Enable-Legacy', 'Install-Service', 'Set-Hardening');
  expectFindings(text, file, hosts.hardened, [], ['MIM201', 'MIM202']);
});

test('PowerShell: a function nothing calls does not run', () => {
  const text = header + lines('function Enable-Legacy {', tls11(true), '}', install(''));
  expectFindings(text, file, hosts.hardened, [['MIM201', "'/qn'"]], ['MIM201', 'MIM202']);
});

test('PowerShell: try/finally reverts on every way out; the install fix goes inside the function that runs it', () => {
  const clean = header + lines(tls11(true, ''), 'try {', install(), '} finally {', tls11(false), '}');
  expectFindings(clean, file, hosts.hardened, [], ['MIM201', 'MIM202']);
  const text = header + lines('function Install-Service {', install(), '}', 'Install-Service');
  const finding = lintFindings(text, file, hosts.hardened).find((f) => f.ruleId === 'MIM201')!;
  const fixed = applyEdits(text, finding.fixes!.find((f) => f.preferred)!.edits);
  assert.ok(fixed.includes("Portal.msi'\r\n    # MIM 2016 SP2: keep TLS 1.1 enabled"), fixed);
  expectFindings(fixed, file, hosts.hardened, [], ['MIM201', 'MIM202']);
});

test('PowerShell: if/else where both branches harden is off on every path; only one branch is not an error', () => {
  const both = header + lines('if ($PSVersionTable.PSVersion.Major -ge 5) {', tls11(false), '}', 'else {', tls11(false), '}', install(''));
  expectFindings(both, file, hosts.unknown, [['MIM201', "'/qn'"]], ['MIM201']);
  const one = header + lines('if ($Harden) {', tls11(false), '}', install(''));
  expectFindings(one, file, hosts.unknown, [], ['MIM201']);
});

test('PowerShell: a function that calls itself to retry ends (depth limit)', () => {
  const text = header + lines('function Install-WithRetry([int] $n) {', install(), '    if ($n -lt 3) { Install-WithRetry ($n + 1) }', '}', tls11(true, ''), 'Install-WithRetry 0', tls11(false, ''));
  const result = lint(text, file, { profile: hosts.hardened });
  assert.deepEqual(result.failures, []);
  assert.ok(!result.findings.some((f) => f.ruleId === 'MIM201'));
});

test('DSC: a Package resource written first that DependsOn a Registry resource runs after it', () => {
  const text = lines(
    'Configuration MIMNode {',
    '    Node localhost {',
    '        Package MIMService {',
    "            Path = Join-Path $Node.Media 'Service and Portal\\Service and Portal.msi'",
    "            Arguments = 'ADDLOCAL=CommonServices CERTIFICATE_NAME=mim.contoso.com'",
    "            ProductId = ''",
    "            Name = 'MIM Service'",
    "            DependsOn = '[Registry]Tls11Off'",
    '        }',
    '        Registry Tls11Off {',
    "            Key = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client'",
    "            ValueName = 'Enabled'",
    "            ValueType = 'Dword'",
    "            ValueData = '0'",
    '        }',
    '    }',
    '}',
  );
  const [finding] = expectFindings(text, file, hosts.unknown, [['MIM201', 'Package']], ['MIM201']);
  assert.equal(finding.fixes, undefined, 'no statements are inserted into a configuration');
  const noDependency = text.replace("            DependsOn = '[Registry]Tls11Off'\r\n", '');
  expectFindings(noDependency, file, hosts.unknown, [], ['MIM201']);
});

test('scripts calling scripts: a PowerShell wrapper with TLS 1.1 on around & "$PSScriptRoot\\..\\x.cmd", two wrappers deep', () => {
  const callee = 'C:\\MIM\\install\\install-mimservice.cmd';
  const middle = 'C:\\MIM\\steps\\service.cmd';
  const wrapper = 'C:\\MIM\\deploy\\Build.ps1';
  const files = [
    { fileName: wrapper, text: lines(tls11(true, ''), 'try {', '    & "$PSScriptRoot\\..\\steps\\service.cmd"', '} finally {', tls11(false), '}') },
    { fileName: middle, text: lines('@echo off', 'call "%~dp0..\\install\\.\\install-mimservice.cmd"') },
    { fileName: callee, text: lines('@echo off', 'msiexec /i "D:\\MIM\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=CommonServices') },
  ];
  const callers = callersByScript(files, hosts.hardened);
  assert.deepEqual(callers.get(scriptPathKey(middle))?.map((c) => c.tls11), ['on']);
  assert.deepEqual(callers.get(scriptPathKey(callee))?.map((c) => c.tls11), ['on'], 'the middle script runs the callee in its caller\'s state');
  expectFindings(files[2].text, callee, hosts.hardened, [['MIM201', '/qn']], ['MIM201']);
  const findings = lintFindings(files[2].text, callee, hosts.hardened, { callers: callers.get(scriptPathKey(callee)) });
  assert.ok(!findings.some((f) => f.ruleId === 'MIM201'));
});

test('scripts calling scripts: a call cycle ends', () => {
  const a = { fileName: 'C:\\MIM\\a.cmd', text: lines('@echo off', tls11(false, '').replace(/New-Item[^\r]*\r\n/, ''), 'call "%~dp0b.cmd"') };
  const b = { fileName: 'C:\\MIM\\b.cmd', text: lines('@echo off', 'call "%~dp0a.cmd"') };
  const callers = callersByScript([a, b], hosts.unknown);
  assert.ok(callers.has(scriptPathKey(a.fileName)) && callers.has(scriptPathKey(b.fileName)));
});
