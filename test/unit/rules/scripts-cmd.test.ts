import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callersByScript, fixAll, scriptPathKey } from '../../../server/src/engine/index';
import { applyPreferredFix, expectFindings, hosts, lintFindings } from '../helpers';

const script = 'C:\\MIM\\install-mimservice.cmd';
const eols = [
  { name: 'LF', apply: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\n/g, '\r\n') },
];
const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1';
const install =
  'msiexec.exe /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v "%LOG%" ^\n' +
  '  ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1 ^\n' +
  '  CERTIFICATE_NAME=contoso-mim REBOOT=ReallySuppress\n';
const header = '@echo off\nset MEDIA=D:\\MIM2016SP2\nset LOG=C:\\Logs\\mim.log\n';
const writes = (enable: boolean) =>
  ['Client', 'Server']
    .flatMap((side) => [
      `reg add "${key}\\${side}" /v Enabled /t REG_DWORD /d ${enable ? 1 : 0} /f`,
      `reg add "${key}\\${side}" /v DisabledByDefault /t REG_DWORD /d ${enable ? 0 : 1} /f`,
    ])
    .join('\n');

for (const eol of eols) {
  test(`MIM201: unattended Service and Portal install under TLS 1.2-only, and both fixes (${eol.name})`, () => {
    const text = eol.apply(header + install + 'if errorlevel 1 exit /b 1\necho done\n');
    expectFindings(text, script, hosts.hardened, [['MIM201', '/qn']], ['MIM201']);
    expectFindings(text, script, hosts.tlsLegacy, [], ['MIM201']);
    expectFindings(text, script, hosts.unknown, [], ['MIM201']);
    const wrapped = applyPreferredFix(text, script, hosts.hardened, 'MIM201');
    const comment = (enable: boolean) =>
      enable
        ? 'rem MIM 2016 SP2: keep TLS 1.1 enabled during the unattended MIM Service install (Microsoft: Planning MIM 2016 SP2 in TLS 1.2 or FIPS-mode environments)\n'
        : 'rem MIM 2016 SP2: enforce TLS 1.2 again after the MIM Service install\n';
    assert.equal(
      wrapped,
      eol.apply(header + comment(true) + writes(true) + '\n' + install + 'if errorlevel 1 exit /b 1\n' + comment(false) + writes(false) + '\necho done\n'),
      'the disabling writes come after the errorlevel check, which a reg add would otherwise reset',
    );
    expectFindings(wrapped, script, hosts.hardened, [], ['MIM201', 'MIM202']);
    const interactive = lintFindings(text, script, hosts.hardened).find((f) => f.ruleId === 'MIM201')!.fixes![1];
    assert.equal(interactive.title, 'Install interactively (remove /qn)');
  });

  test(`MIM201 follows the script's own registry writes and set/%VAR% expansion (${eol.name})`, () => {
    const disableFirst = eol.apply(`@echo off\nset P=${key.replace('\\TLS 1.1', '')}\nreg add "%P%\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d 0 /f\n` + header + install);
    expectFindings(disableFirst, script, hosts.unknown, [['MIM201', '/qn']], ['MIM201']);
    const enableFirst = eol.apply(writes(true) + '\n' + header + install + writes(false) + '\n');
    expectFindings(enableFirst, script, hosts.hardened, [], ['MIM201', 'MIM202']);
    const quietViaStart = eol.apply(header + 'start "" /wait msiexec /i "%MEDIA%\\Service and Portal.msi" /quiet\n');
    expectFindings(quietViaStart, script, hosts.hardened, [['MIM201', '/quiet']], ['MIM201']);
    const interactive = eol.apply(header + 'msiexec /i "%MEDIA%\\Service and Portal.msi" /qf\nrem msiexec /i "Service and Portal.msi" /qn\n');
    expectFindings(interactive, script, hosts.hardened, [], ['MIM201']);
    const sync = eol.apply(header + 'msiexec /i "%MEDIA%\\Synchronization Service\\Synchronization Service.msi" /qn ACCEPT_EULA=1\n');
    expectFindings(sync, script, hosts.hardened, [], ['MIM201']);
  });

  test(`MIM201: a wrapper that keeps TLS 1.1 on around the call clears the called script (${eol.name})`, () => {
    const callee = eol.apply(header + install);
    const wrapper = eol.apply(`@echo off\n${writes(true)}\ncall "%~dp0install-mimservice.cmd"\n${writes(false)}\n`);
    const callers = callersByScript([{ text: wrapper, fileName: 'C:\\MIM\\wrapper.bat' }], hosts.hardened);
    const contexts = callers.get(scriptPathKey(script));
    assert.equal(contexts?.length, 1);
    assert.equal(contexts![0].tls11, 'on');
    expectFindings(callee, script, hosts.hardened, [['MIM201', '/qn']], ['MIM201']);
    const findings = lintFindings(callee, script, hosts.hardened, { callers: contexts });
    assert.ok(!findings.some((f) => f.ruleId === 'MIM201'));
    expectFindings(wrapper, 'C:\\MIM\\wrapper.bat', hosts.hardened, [], ['MIM201', 'MIM202']);
  });

  test(`MIM202: TLS 1.1 enabled for the install and never disabled again (${eol.name})`, () => {
    const text = eol.apply(header + writes(true) + '\n' + install + 'echo done\n');
    expectFindings(text, script, hosts.hardened, [['MIM202', `reg add "${key}\\Client" /v Enabled /t REG_DWORD /d 1 /f`]], ['MIM202']);
    expectFindings(text, script, hosts.unknown, [], ['MIM202']);
    const fixed = applyPreferredFix(text, script, hosts.hardened, 'MIM202');
    assert.ok(fixed.endsWith(eol.apply('REBOOT=ReallySuppress\nrem MIM 2016 SP2: enforce TLS 1.2 again after the MIM Service install\n' + writes(false) + '\necho done\n')));
  });

  test(`MIM203: the self-signed default certificate on a TLS 1.2-only host (${eol.name})`, () => {
    const named = eol.apply(header + install.replace('CERTIFICATE_NAME=contoso-mim', 'CERTIFICATE_NAME=ForefrontIdentityManager'));
    expectFindings(named, script, hosts.hardened, [['MIM203', 'CERTIFICATE_NAME=ForefrontIdentityManager']], ['MIM203']);
    expectFindings(named, script, hosts.tlsLegacy, [], ['MIM203']);
    const absent = eol.apply(header + install.replace('CERTIFICATE_NAME=contoso-mim ', ''));
    expectFindings(absent, script, hosts.hardened, [['MIM203', '"%MEDIA%\\Service and Portal\\Service and Portal.msi"']], ['MIM203']);
    const portalOnly = eol.apply(header + install.replace('CommonServices,WebPortals', 'WebPortals').replace('CERTIFICATE_NAME=contoso-mim ', ''));
    expectFindings(portalOnly, script, hosts.hardened, [], ['MIM203']);
    expectFindings(eol.apply(header + install), script, hosts.hardened, [], ['MIM203']);
  });

  test(`MIM204/MIM205: SQL client versions in batch checks (${eol.name})`, () => {
    const text = eol.apply(
      '@echo off\nrem SQL Native Client 11 must be 11.0.7001.0 or later\n' +
      'for /f "tokens=3" %%v in (\'reg query HKLM\\SOFTWARE\\Microsoft\\SQLNCLI11 /v InstalledVersion\') do set SNAC=%%v\n' +
      'if "%SNAC%" LSS "11.4.6020.0" msiexec /i sqlncli.msi /qn IACCEPTSQLNCLILICENSETERMS=YES\n' +
      'rem OLE DB Driver\nmsiexec /i msoledbsql_18.1.0.msi /qn IACCEPTMSOLEDBSQLLICENSETERMS=YES\n',
    );
    expectFindings(text, script, hosts.unknown, [['MIM204', '11.4.6020.0'], ['MIM204', '11.4.6020.0'], ['MIM205', '18.1.0']], ['MIM204', 'MIM205']);
    const fixed = fixAll(text, script, { profile: hosts.unknown });
    assert.ok(fixed.text.includes('"11.4.7001.0"') && fixed.text.includes('msoledbsql_18.2.1.msi'));
    assert.deepEqual(fixed.remaining.filter((f) => f.ruleId === 'MIM204').length, 1, 'the string comparison in cmd has no automatic fix');
  });

  test(`MIM206: legacy SQL providers on a TLS 1.2-only host (${eol.name})`, () => {
    const text = eol.apply('set CONN="Provider=SQLOLEDB;Data Source=sql01;Integrated Security=SSPI"\nrem Provider=SQLNCLI10 in a comment is fine\nset C2=Provider=SQLNCLI11;Server=x\n');
    expectFindings(text, script, hosts.hardened, [['MIM206', 'SQLOLEDB']], ['MIM206']);
    expectFindings(text, script, hosts.tlsLegacy, [], ['MIM206']);
    assert.ok(applyPreferredFix(text, script, hosts.hardened, 'MIM206').includes('Provider=MSOLEDBSQL;Data Source'));
  });

  test(`MIM207/MIM208: property typos, odd values and feature case (${eol.name})`, () => {
    const text = eol.apply(
      header +
        'msiexec /i "%MEDIA%\\Service and Portal.msi" /qn ADDLOCAL=commonServices,WebPortal,CustomThing SQMOPTINTSETTING=0 ^\n' +
        '  MAIL_SERVER_USE_SSL=true ACCEPT_EULA=1 REBOOT=ReallySupress KEEPSQLJOBS=1 SQLServerStore=x\n',
    );
    expectFindings(
      text,
      script,
      hosts.unknown,
      [
        ['MIM208', 'commonServices'],
        ['MIM208', 'WebPortal'],
        ['MIM208', 'CustomThing'],
        ['MIM207', 'SQMOPTINTSETTING'],
        ['MIM208', 'true'],
        ['MIM208', 'ReallySupress'],
      ],
      ['MIM207', 'MIM208'],
    );
    const fixed = fixAll(text, script, { profile: hosts.unknown }).text;
    assert.ok(fixed.includes('ADDLOCAL=CommonServices,WebPortals,CustomThing SQMOPTINSETTING=0'));
    assert.ok(fixed.includes('MAIL_SERVER_USE_SSL=1 ACCEPT_EULA=1 REBOOT=ReallySuppress'));
    const quotedReboot = eol.apply(header + 'msiexec /i sqlncli.msi /qn REBOOT="Supres"\n');
    expectFindings(quotedReboot, script, hosts.unknown, [['MIM208', 'Supres']], ['MIM207', 'MIM208']);
    assert.ok(applyPreferredFix(quotedReboot, script, hosts.unknown, 'MIM208').includes('REBOOT="Suppress"'));
  });
}

test('MIM201/MIM202 fixes go after an errorlevel check block, never between the install and its check', () => {
  const text = header + install + 'if errorlevel 1 (\n  echo Install failed\n  exit /b 1\n)\necho done\n';
  const fixed = applyPreferredFix(text, script, hosts.hardened, 'MIM201');
  assert.ok(fixed.includes('  exit /b 1\n)\nrem MIM 2016 SP2: enforce TLS 1.2 again'), fixed);
});

test('MIM202 also sees TLS 1.1 left on at the Server side; MIM201 ignores uninstalls and Portal-only installs', () => {
  const serverLeftOn = header + writes(true) + '\n' + install + `reg add "${key}\\Client" /v Enabled /t REG_DWORD /d 0 /f\n`;
  expectFindings(serverLeftOn, script, hosts.hardened, [['MIM202', `reg add "${key}\\Client" /v Enabled /t REG_DWORD /d 1 /f`]], ['MIM202']);
  const uninstall = header + 'msiexec /x "%MEDIA%\\Service and Portal.msi" /qn\n';
  expectFindings(uninstall, script, hosts.hardened, [], ['MIM201']);
  const portalOnly = header + install.replace('CommonServices,WebPortals', 'WebPortals');
  expectFindings(portalOnly, script, hosts.hardened, [], ['MIM201']);
});
