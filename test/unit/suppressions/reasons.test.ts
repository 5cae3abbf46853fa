// Suppression reasons written the way linter users write them (facts §9.4): ESLint's ` -- reason` in
// every comment syntax that allows it, `: reason` everywhere, and in XML (where `--` breaks the
// comment) a MIM001 that says so. A reason written without a separator is ONE MIM900, never one per word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, fixAll, lint, type LintResult } from '../../../server/src/engine/index';
import { parseXml } from '../../../server/src/engine/xml/parse';
import { hosts, serviceConfig } from '../helpers';

const eols = [
  { name: 'LF', apply: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\n/g, '\r\n') },
];
const cmdFile = 'D:\\Deploy\\MIM\\install-mimservice.cmd';
const psFile = 'D:\\Deploy\\MIM\\Install-MIMService.ps1';
const regFile = 'D:\\Deploy\\MIM\\tls12-only-hardening.reg';
const infFile = 'D:\\Deploy\\GPO\\GptTmpl.inf';
const hardeningReg = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'registry', 'tls12-only-hardening.reg'), 'utf8');

const run = (text: string, file: string, profile = hosts.hardened): LintResult => {
  const result = lint(text, file, { profile });
  assert.deepEqual(result.failures, []);
  return result;
};
const ruleIds = (result: LintResult) => result.findings.map((f) => f.ruleId);
const reasons = (result: LintResult) => result.suppressions!.suppressed.map((s) => `${s.finding.ruleId}: ${s.directive.reason}`);

/** A cmd install in the style of public MIM scripts: REBOOT=ReallySupress is the MIM208 being suppressed. */
const cmdScript = (directive: string) => `@echo off
rem ==================================================================
rem  MIM 2016 SP2 Service and Portal - unattended install (CHG-20417)
rem ==================================================================
setlocal EnableExtensions
set MEDIA=D:\\Deploy\\MIM2016SP2
set LOG=C:\\Logs\\MIM

if not exist "%LOG%" mkdir "%LOG%"
${directive}
msiexec /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v "%LOG%\\service.log" ^
  ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SQLSERVER_SERVER=SQLMIM01 CERTIFICATE_NAME=mimservice.contoso.com REBOOT=ReallySupress
if errorlevel 1 (
  echo Install failed, see %LOG%\\service.log
  exit /b 1
)
echo Done.
`;

for (const eol of eols) {
  test(`cmd: "rem … MIM208 -- reason" suppresses MIM208, keeps the reason and reports no word of it (${eol.name})`, () => {
    const result = run(eol.apply(cmdScript('rem mim-lint-disable-next-line MIM208 -- reviewed 2024-03 with the MIM team')), cmdFile, hosts.unknown);
    assert.deepEqual(ruleIds(result), []);
    assert.deepEqual(reasons(result), ['MIM208: reviewed 2024-03 with the MIM team']);
    const label = run(eol.apply(cmdScript(':: mim-lint-disable-next-line MIM208 --- typo kept, the installer reads only the R')), cmdFile, hosts.unknown);
    assert.deepEqual(reasons(label), ['MIM208: typo kept, the installer reads only the R']);
    const colon = run(eol.apply(cmdScript('rem mim-lint-disable-next-line MIM208: reviewed 2024-03')), cmdFile, hosts.unknown);
    assert.deepEqual(reasons(colon), ['MIM208: reviewed 2024-03'], 'the colon keeps working');
  });

  test(`cmd: a reason without ":" or "--" is ONE MIM900 naming the words, fixed by a colon (${eol.name})`, () => {
    const text = eol.apply(cmdScript('rem mim-lint-disable-next-line MIM208 reviewed 2024-03 with the MIM team'));
    const result = run(text, cmdFile, hosts.unknown);
    assert.deepEqual(ruleIds(result), ['MIM900']);
    const [finding] = result.findings;
    assert.equal(text.slice(finding.start, finding.end), 'reviewed 2024-03 with the MIM team');
    assert.equal(finding.message, `"reviewed 2024-03 with the MIM team" are not rule IDs: did you mean to write a reason after ':'?`);
    assert.deepEqual(reasons(result), ['MIM208: undefined'], 'the rule ID still suppresses');
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.ok(fixed.includes(eol.apply('rem mim-lint-disable-next-line MIM208: reviewed 2024-03 with the MIM team\nmsiexec')), fixed);
    const after = run(fixed, cmdFile, hosts.unknown);
    assert.deepEqual(ruleIds(after), []);
    assert.deepEqual(reasons(after), ['MIM208: reviewed 2024-03 with the MIM team']);
  });
}

test('cmd: words between rule IDs are one MIM900 without a fix (a colon there would drop the next ID)', () => {
  const text = cmdScript('rem mim-lint-disable-next-line MIM208 and MIM207 pending vendor answer');
  const result = run(text, cmdFile, hosts.unknown);
  const unused = result.findings.filter((f) => f.ruleId === 'MIM900');
  const strays = unused.filter((f) => f.message.includes('not rule IDs'));
  assert.equal(strays.length, 1, unused.map((f) => f.message).join('\n'));
  assert.equal(text.slice(strays[0].start, strays[0].end), 'and MIM207 pending vendor answer');
  assert.match(strays[0].message, /^"and MIM207 pending vendor answer" are not rule IDs/);
  assert.equal(strays[0].fixes, undefined);
  const noIds = run(cmdScript('rem mim-lint-disable-next-line reviewed by the MIM team'), cmdFile, hosts.unknown).findings.filter((f) => f.ruleId === 'MIM900');
  assert.equal(noIds.length, 1);
  assert.match(noIds[0].message, /names no rule \("reviewed by the MIM team"\), so it suppresses nothing/);
  assert.equal(noIds[0].fixes![0].title, 'Remove this suppression directive');
});

const psScript = `#Requires -RunAsAdministrator
<#
.SYNOPSIS
    MIM Service install; TLS 1.1 is kept on by Invoke-MIMInstall.ps1, which calls this script.
#>
param([string] $Media = 'D:\\Deploy\\MIM2016SP2')
$ErrorActionPreference = 'Stop'

function Install-MIMService {
    $msi = "$Media\\Service and Portal\\Service and Portal.msi"
    <# mim-lint-disable-next-line MIM201 -- the wrapper enables TLS 1.1 around this call (CHG-20417) #>
    $p = Start-Process msiexec.exe -ArgumentList @('/i', "\`"$msi\`"", '/qn', 'ADDLOCAL=CommonServices') -Wait -PassThru # mim-lint-disable-line MIM203 -- self-signed until the CA template is approved
    if ($p.ExitCode -ne 0) { throw "msiexec failed: $($p.ExitCode)" }
}

Install-MIMService
`;

test('PowerShell: "-- reason" in a <# #> block and after # on the same line', () => {
  for (const eol of eols) {
    const text = eol.apply(psScript);
    const before = run(text.replace(/mim-lint-disable-[a-z-]*/g, 'note:'), psFile);
    assert.deepEqual(ruleIds(before).sort(), ['MIM201', 'MIM203'], 'both are there to suppress');
    const result = run(text, psFile);
    assert.deepEqual(ruleIds(result), []);
    assert.deepEqual(reasons(result).sort(), [
      'MIM201: the wrapper enables TLS 1.1 around this call (CHG-20417)',
      'MIM203: self-signed until the CA template is approved',
    ]);
  }
});

test('.reg and .inf: "; … -- reason" suppresses MIM303 and keeps the reason', () => {
  for (const eol of eols) {
    const reg = eol.apply(
      hardeningReg.replace('; --- .NET 4.x (MIM Sync, tools) ---\n', '; --- .NET 4.x (MIM Sync, tools) ---\n; mim-lint-disable-next-line MIM303 -- the .NET 3.5 keys come from the baseline GPO\n'),
    );
    assert.ok(reg.includes('-- the .NET 3.5'), 'the fixture has the comment this test edits');
    assert.ok(ruleIds(run(eol.apply(hardeningReg), regFile)).includes('MIM303'));
    const regResult = run(reg, regFile);
    assert.ok(!ruleIds(regResult).includes('MIM303') && !ruleIds(regResult).includes('MIM900'), ruleIds(regResult).join(' '));
    assert.deepEqual(reasons(regResult), ['MIM303: the .NET 3.5 keys come from the baseline GPO']);

    const schannel = 'MACHINE\\System\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
    const inf = eol.apply(
      [
        '[Unicode]',
        'Unicode=yes',
        '[Version]',
        'signature="$CHICAGO$"',
        'Revision=1',
        '[Registry Values]',
        '; mim-lint-disable-file MIM303 -- .NET keys are set by the MIM baseline script, not by this GPO',
        ...['SSL 3.0', 'TLS 1.0', 'TLS 1.1'].flatMap((p) => [`${schannel}\\${p}\\Client\\Enabled=4,0`, `${schannel}\\${p}\\Server\\Enabled=4,0`]),
        `${schannel}\\TLS 1.2\\Client\\Enabled=4,1`,
        `${schannel}\\TLS 1.2\\Server\\Enabled=4,1`,
        'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1',
        '',
      ].join('\n'),
    );
    const infResult = run(inf, infFile);
    assert.deepEqual(ruleIds(infResult), []);
    assert.deepEqual(reasons(infResult), ['MIM303: .NET keys are set by the MIM baseline script, not by this GPO']);
  }
});

const serviceConfigText = (comment: string) => `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <configSections>
    <section name="resourceManagementService" type="Microsoft.ResourceManagement.WebServices.ResourceManagementServiceSection, Microsoft.ResourceManagement.Service" />
  </configSections>
  <resourceManagementService externalHostName="mimservice.contoso.com" />
  <runtime>
    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">
      <dependentAssembly>
        <assemblyIdentity name="Microsoft.ResourceManagement" publicKeyToken="31bf3856ad364e35" culture="neutral" />
        <bindingRedirect oldVersion="4.0.0.0-4.1.3418.0" newVersion="4.1.3419.0" />
      </dependentAssembly>
    </assemblyBinding>
    ${comment}
    <enforceFIPSPolicy enabled="false" />
  </runtime>
</configuration>
`;

for (const eol of eols) {
  test(`XML: "--" in a directive is MIM001 saying so, on the dashes, fixed to ":" (${eol.name})`, () => {
    const text = eol.apply(serviceConfigText('<!-- mim-lint-disable-next-line MIM106 -- placed as in the shipped file, CHG-20417 -->'));
    assert.notEqual(parseXml(text).error, undefined, 'the comment is not well-formed');
    const result = run(text, serviceConfig, hosts.fips);
    const mim001 = result.findings.filter((f) => f.ruleId === 'MIM001');
    assert.equal(mim001.length, 1);
    assert.equal(text.slice(mim001[0].start, mim001[0].end), '--');
    assert.match(mim001[0].message, /^"--" in a comment is not well-formed XML, so the process will not start; write the directive's reason after ":"\.$/);
    const fixed = fixAll(text, serviceConfig, { profile: hosts.fips }).text;
    assert.equal(fixed, text.replace('MIM106 -- placed', 'MIM106: placed'), 'only the separator changes');
    assert.equal(parseXml(fixed).error, undefined);
    const after = run(fixed, serviceConfig, hosts.fips);
    assert.deepEqual(ruleIds(after), []);
    assert.deepEqual(reasons(after), ['MIM106: placed as in the shipped file, CHG-20417']);
  });
}

test('XML: "--" inside the reason after a colon is reported the same way and fixed to a colon', () => {
  const text = serviceConfigText('<!-- mim-lint-disable-next-line MIM106: placed as shipped -- see CHG-20417 -->');
  const [finding] = run(text, serviceConfig, hosts.fips).findings.filter((f) => f.ruleId === 'MIM001');
  assert.match(finding.message, /write the directive's reason after ":"/);
  const fixed = fixAll(text, serviceConfig, { profile: hosts.fips }).text;
  assert.equal(fixed, text.replace('shipped -- see', 'shipped: see'));
  assert.deepEqual(reasons(run(fixed, serviceConfig, hosts.fips)), ['MIM106: placed as shipped: see CHG-20417']);
});

test('XML: other MIM001 errors and "--" outside directives keep the plain message', () => {
  const ampersand = serviceConfigText('<!-- mim-lint-disable-next-line MIM106: placed as shipped -->').replace('mimservice.contoso.com', 'mim&service');
  const [plain] = run(ampersand, serviceConfig, hosts.fips).findings.filter((f) => f.ruleId === 'MIM001');
  assert.ok(plain && !plain.message.includes('mim-lint directive'), plain?.message);
  assert.equal(plain.fixes, undefined);
  const note = serviceConfigText('<!-- FIPS -- see the runbook -->');
  const [noteError] = run(note, serviceConfig, hosts.fips).findings.filter((f) => f.ruleId === 'MIM001');
  assert.ok(noteError && !noteError.message.includes('mim-lint directive'), noteError?.message);
});
