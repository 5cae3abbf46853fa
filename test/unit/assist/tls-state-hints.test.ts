// Inline TLS state on MIM installs: what the hint says for each way the state is decided (this script,
// a wrapper, the host, paths that disagree), that it is silent when nothing is known, and that over the
// whole script corpus it never disagrees with MIM201.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { callersByScript, lint, profileFromSettings, scriptPathKey, tlsStateHints, unknownProfile, type TlsStateHint } from '../../../server/src/engine/index';
import { parseArguments } from '../../../server/src/cli/args';
import { lintFiles } from '../../../server/src/cli/lint-files';

const tls12Only = profileFromSettings({ fips: 'off', tls12Only: 'on' }, 'setting', unknownProfile());
const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client';
const service = 'msiexec /i "D:\\Media\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1';

const labels = (hints: TlsStateHint[]) => hints.map((h) => h.label);

test('cmd: the line that disabled TLS 1.1 on the path, in run order (a subroutine called first, written last)', () => {
  const text = [
    '@echo off',
    'call :harden',
    service,
    'exit /b 0',
    '',
    ':harden',
    `reg add "${key}" /v Enabled /t REG_DWORD /d 0 /f`,
    `reg add "${key}" /v DisabledByDefault /t REG_DWORD /d 1 /f`,
    'exit /b 0',
    '',
  ].join('\r\n');
  const hints = tlsStateHints(text, 'install.cmd');
  assert.deepEqual(labels(hints), ['TLS 1.1 off — set at line 8']);
  assert.equal(hints[0].offset, text.indexOf('msiexec'));
  assert.equal(hints[0].state, 'off');
  assert.match(hints[0].tooltip, /\*\*disabled\*\* on every path/);
  assert.match(hints[0].tooltip, /- line 8: `reg add "HKLM[^`]*DisabledByDefault[^`]*`/);
  assert.match(hints[0].tooltip, /fails with TLS 1\.1 disabled \(MIM201\)/);
});

test('cmd: a wrapper that keeps TLS 1.1 on around the call is named with its line', () => {
  const wrapper = [
    '@echo off',
    'setlocal',
    `reg add "${key}" /v Enabled /t REG_DWORD /d 1 /f`,
    `reg add "${key}" /v DisabledByDefault /t REG_DWORD /d 0 /f`,
    'rem the install itself',
    '',
    '',
    'call "%~dp0install-service.cmd"',
    `reg add "${key}" /v Enabled /t REG_DWORD /d 0 /f`,
    '',
  ].join('\r\n');
  const install = `@echo off\r\n${service}\r\n`;
  const files = [
    { fileName: 'D:\\Deploy\\install-all.cmd', text: wrapper },
    { fileName: 'D:\\Deploy\\install-service.cmd', text: install },
  ];
  const callers = callersByScript(files, tls12Only).get(scriptPathKey('D:\\Deploy\\install-service.cmd'));
  const hints = tlsStateHints(install, 'D:\\Deploy\\install-service.cmd', { profile: tls12Only, callers });
  assert.deepEqual(labels(hints), ['TLS 1.1 on (wrapper install-all.cmd:8)']);
  // Without the wrapper the same script starts on a TLS 1.2-only host.
  assert.deepEqual(labels(tlsStateHints(install, 'D:\\Deploy\\install-service.cmd', { profile: tls12Only })), ['TLS 1.1 off (TLS 1.2-only host: setting)']);
});

test('paths that disagree say so; nothing known, nothing said', () => {
  const text = [
    '@echo off',
    'if exist C:\\Hardening\\done.flag (',
    `  reg add "${key}" /v Enabled /t REG_DWORD /d 0 /f`,
    ') else (',
    `  reg add "${key}" /v Enabled /t REG_DWORD /d 1 /f`,
    `  reg add "${key}" /v DisabledByDefault /t REG_DWORD /d 0 /f`,
    ')',
    service,
    '',
  ].join('\r\n');
  const hints = tlsStateHints(text, 'install.cmd');
  assert.deepEqual(labels(hints), ['TLS 1.1 on/off depending on path']);
  assert.match(hints[0].tooltip, /line 3:[\s\S]*line 6:/);
  assert.match(hints[0].tooltip, /MIM201 stays silent/);
  // Hardened on one path, unknown on the other (the host is not known): only "off" is certain, on some paths.
  const someOff = `@echo off\r\nif exist C:\\Hardening\\apply.flag reg add "${key}" /v Enabled /t REG_DWORD /d 0 /f\r\n${service}\r\n`;
  assert.deepEqual(labels(tlsStateHints(someOff, 'install.cmd')), ['TLS 1.1 off on some paths']);
  // The host unknown and the script silent about TLS: no hint at all.
  assert.deepEqual(tlsStateHints(`@echo off\r\n${service}\r\n`, 'install.cmd'), []);
  // A function this file does not define may change anything: no guess.
  const unseen = `. .\\tls-helpers.ps1\r\nSet-TlsProtocols -Tls11 Enabled\r\nStart-Process msiexec.exe -ArgumentList '/i "D:\\Media\\Service and Portal.msi" /qn' -Wait\r\n`;
  assert.deepEqual(tlsStateHints(unseen, 'install.ps1', { profile: tls12Only }), []);
});

test('PowerShell and DSC installs, the sync service too; no hint on an uninstall, unreached code or a non-MIM package', () => {
  const text = [
    '$key = "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client"',
    'New-Item -Path $key -Force | Out-Null',
    'Set-ItemProperty -Path $key -Name Enabled -Value 1 -Type DWord',
    'Set-ItemProperty -Path $key -Name DisabledByDefault -Value 0 -Type DWord',
    "Start-Process msiexec.exe -ArgumentList @('/i', '\"D:\\Media\\Synchronization Service.msi\"', '/qn') -Wait",
    "Start-Process msiexec.exe -ArgumentList '/i \"D:\\Media\\sqlncli.msi\" /qn' -Wait",
    "Start-Process msiexec.exe -ArgumentList '/x \"D:\\Media\\Service and Portal.msi\" /qn' -Wait",
    'exit 0',
    "Start-Process msiexec.exe -ArgumentList '/i \"D:\\Media\\Service and Portal.msi\" /qn' -Wait",
    '',
  ].join('\n');
  const hints = tlsStateHints(text, 'install.ps1', { profile: tls12Only });
  assert.deepEqual(hints.map((h) => [h.label, h.packageKind]), [['TLS 1.1 on — set at line 4', 'mim-sync']]);
  const dsc = [
    'Configuration MimService {',
    '  Import-DscResource -ModuleName PSDesiredStateConfiguration',
    '  Node localhost {',
    "    Package MIMService {",
    "      Name = 'Microsoft Identity Manager Service and Portal'",
    "      Path = 'D:\\Media\\Service and Portal\\Service and Portal.msi'",
    "      ProductId = ''",
    "      Arguments = 'ADDLOCAL=CommonServices ACCEPT_EULA=1'",
    '    }',
    '  }',
    '}',
    '',
  ].join('\r\n');
  const dscHints = tlsStateHints(dsc, 'MimService.ps1', { profile: tls12Only });
  assert.deepEqual(labels(dscHints), ['TLS 1.1 off (TLS 1.2-only host: setting)']);
  assert.equal(dscHints[0].offset, dsc.indexOf('Package MIMService'));
});

test('over the script corpus, an unattended MIM Service install is hinted "off" exactly where MIM201 fires', () => {
  const corpus = join(process.cwd(), 'test', 'corpus', 'scripts');
  const tally = { on: 0, off: 0, mixed: 0, mim201: 0 };
  const disagreements: string[] = [];
  for (const name of readdirSync(corpus).filter((n) => statSync(join(corpus, n)).isDirectory())) {
    const host = (JSON.parse(readFileSync(join(corpus, name, 'expected.json'), 'utf8')) as { host: { tls12Only: string; fips: string } }).host;
    // The CLI's own run over the folder: the hints are built with exactly the options each file is linted with.
    lintFiles(parseArguments(['--tls12-only', host.tls12Only, '--fips', host.fips, '.']), join(corpus, name), (text, fileName, options = {}) => {
      const result = lint(text, fileName, options);
      const hints = tlsStateHints(text, fileName, options);
      const fired = result.findings.filter((f) => f.ruleId === 'MIM201');
      tally.mim201 += fired.length;
      for (const hint of hints) tally[hint.state]++;
      // MIM201 points at the install's quiet switch.
      const at = (hint: TlsStateHint, finding: { start: number; end: number }) => hint.quietSwitch?.start === finding.start && hint.quietSwitch.end === finding.end;
      for (const finding of fired) {
        if (!hints.some((h) => h.state === 'off' && at(h, finding))) disagreements.push(`${name}/${fileName}: MIM201 at ${finding.start} without an "off" hint`);
      }
      for (const hint of hints.filter((h) => h.unattendedService)) {
        const firesHere = fired.some((f) => at(hint, f));
        if (firesHere !== (hint.state === 'off')) disagreements.push(`${name}/${fileName}: "${hint.label}" but MIM201 ${firesHere ? 'fires' : 'is silent'}`);
      }
      return result;
    });
  }
  assert.deepEqual(disagreements, []);
  // The corpus exercises every state, and MIM201 fires somewhere in it.
  assert.ok(tally.on > 0 && tally.off > 0 && tally.mixed > 0 && tally.mim201 > 0, JSON.stringify(tally));
});
