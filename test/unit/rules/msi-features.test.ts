// MIM208 on ADDLOCAL and REMOVE: feature names are case-sensitive (facts §9.3), so a name in the wrong
// case installs or removes nothing; ALL is the one special value. Scripts written the way admins write
// them: a cmd subroutine with ^ continuations, a PowerShell function with an argument array.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../../../server/src/engine/index';
import { expectFindings, hosts, lintFindings } from '../helpers';

const eols = [
  { name: 'LF', apply: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\n/g, '\r\n') },
];

const cmdName = 'D:\\Deploy\\MIM\\install-mimservice.cmd';
const cmdScript = `@echo off
rem Unattended MIM 2016 SP2 Service and Portal install, change CHG-20417.
setlocal
set MEDIA=D:\\Deploy\\MIM2016SP2
set LOG=C:\\Logs\\MIM

call :install_service || goto :failed
call :drop_pam
echo MIM Service installed.
exit /b 0

:install_service
echo Installing MIM Service and the SSPR portals...
msiexec.exe /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v "%LOG%\\service.log" ^
  ADDLOCAL=commonservices,RegistrationPortal,resetportal ^
  ACCEPT_EULA=1 SQMOPTINSETTING=0 SQLSERVER_SERVER=SQLMIM01 SQLSERVER_DATABASE=FIMService ^
  CERTIFICATE_NAME=mimservice.contoso.com REBOOT=ReallySuppress
exit /b %errorlevel%

:drop_pam
rem PAM was installed by the pilot; take it off again.
msiexec.exe /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn REMOVE="pamservices, FIMReporting" /l*v "%LOG%\\pam.log"
exit /b %errorlevel%

:failed
echo Install failed with %errorlevel%.
exit /b 1
`;

const psName = 'D:\\Deploy\\MIM\\Install-MIMPortal.ps1';
const psScript = `#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Installs the MIM Portal on a SharePoint front end; -Rollback takes every feature off again.
#>
param(
    [switch] $Rollback
)
$ErrorActionPreference = 'Stop'
$msi = 'D:\\MIM2016SP2\\Service and Portal\\Service and Portal.msi'

if ($Rollback) {
    $p = Start-Process -FilePath msiexec.exe -ArgumentList @('/i', "\`"$msi\`"", '/qn', 'REMOVE=all') -Wait -PassThru
} else {
    $msiArgs = @(
        '/i', "\`"$msi\`"", '/qn',
        'ADDLOCAL=WebPortals,ResetPortals',
        'ACCEPT_EULA=1', 'SERVICEADDRESS=mimservice.contoso.com',
        'SHAREPOINT_URL=https://mim.contoso.com', 'SHAREPOINTUSERS_CONF=1'
    )
    $p = Start-Process -FilePath msiexec.exe -ArgumentList $msiArgs -Wait -PassThru
}
if ($p.ExitCode -notin 0, 3010) { throw "msiexec exited with $($p.ExitCode)" }
`;

for (const eol of eols) {
  test(`MIM208: ADDLOCAL and REMOVE feature names in the wrong case, in a cmd subroutine (${eol.name})`, () => {
    const text = eol.apply(cmdScript);
    const findings = expectFindings(
      text,
      cmdName,
      hosts.unknown,
      [
        ['MIM208', 'commonservices'],
        ['MIM208', 'resetportal'],
        ['MIM208', 'pamservices'],
      ],
      ['MIM208'],
    );
    const byName = (name: string) => findings.find((f) => text.slice(f.start, f.end) === name)!;
    assert.match(byName('pamservices').message, /REMOVE feature pamservices must be spelled PAMServices.*not removed/);
    assert.match(byName('commonservices').message, /ADDLOCAL feature commonservices must be spelled CommonServices.*not installed/);
    const fixed = fixAll(text, cmdName, { profile: hosts.unknown }).text;
    assert.equal(
      fixed,
      text
        .replace('commonservices,RegistrationPortal,resetportal', 'CommonServices,RegistrationPortal,ResetPortal')
        .replace('REMOVE="pamservices, FIMReporting"', 'REMOVE="PAMServices, FIMReporting"'),
      'only the names change; quotes, the blank after the comma and the line endings stay',
    );
    expectFindings(fixed, cmdName, hosts.unknown, [], ['MIM208']);
  });

  test(`MIM208: REMOVE=all and a misspelt feature in a PowerShell argument array (${eol.name})`, () => {
    const text = eol.apply(psScript);
    const removeAll = text.slice(0, text.indexOf('REMOVE=all') + 'REMOVE='.length).split('all').length - 1;
    const findings = expectFindings(text, psName, hosts.unknown, [['MIM208', 'all', removeAll], ['MIM208', 'ResetPortals']], ['MIM208']);
    assert.match(findings.find((f) => text.slice(f.start, f.end) === 'all')!.message, /REMOVE=ALL in capitals/);
    const fixed = fixAll(text, psName, { profile: hosts.unknown }).text;
    assert.ok(fixed.includes("'/qn', 'REMOVE=ALL')"), fixed);
    assert.ok(fixed.includes("'ADDLOCAL=WebPortals,ResetPortal',"), fixed);
  });
}

test('MIM208: exact names, ALL and the public ADDLOCAL=ALL REMOVE=PAMServices pattern are clean', () => {
  const text =
    '@echo off\r\nset MEDIA=D:\\MIM2016SP2\r\n' +
    'msiexec /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=ALL REMOVE=PAMServices ACCEPT_EULA=1\r\n' +
    'msiexec /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL="CommonServices,WebPortals,RegistrationPortal,ResetPortal"\r\n' +
    'msiexec /i "%MEDIA%\\Synchronization Service\\Synchronization Service.msi" /qn ADDLOCAL=ALL ACCEPT_EULA=1\r\n' +
    'rem Sync feature names are not published: a name there is left alone\r\n' +
    'msiexec /i "%MEDIA%\\Synchronization Service\\Synchronization Service.msi" /qn REMOVE=SomeSyncFeature\r\n';
  expectFindings(text, cmdName, hosts.unknown, [], ['MIM208']);
});

test('A wrong-case CommonServices installs no MIM Service: no MIM201 or MIM203 for it, only MIM208', () => {
  const text = eols[1].apply(cmdScript).replace('CERTIFICATE_NAME=mimservice.contoso.com ', '');
  const install = { start: text.indexOf(':install_service\r\necho'), end: text.indexOf('\r\n:drop_pam') };
  const onInstall = (t: string) =>
    lintFindings(t, cmdName, hosts.hardened).filter((f) => f.start >= install.start && f.end <= install.end).map((f) => f.ruleId);
  assert.deepEqual(onInstall(text), ['MIM208', 'MIM208']);
  assert.deepEqual(onInstall(text.replace('commonservices', 'CommonServices')).sort(), ['MIM201', 'MIM203', 'MIM208']);
});
