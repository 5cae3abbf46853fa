// The interpreter on batch files: subroutines, goto, branches and chains judged in the order they run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCallers, lint, scriptPathKey, type ScriptCall } from '../../../server/src/engine/index';
import { readScript } from '../../../server/src/engine/script/read-script';
import { expectFindings, hosts } from '../helpers';

const file = 'C:\\MIM\\deploy-mimservice.cmd';
const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1';
const tls11 = (on: boolean) =>
  ['Client', 'Server']
    .flatMap((side) => [
      `reg add "${key}\\${side}" /v Enabled /t REG_DWORD /d ${on ? 1 : 0} /f`,
      `reg add "${key}\\${side}" /v DisabledByDefault /t REG_DWORD /d ${on ? 0 : 1} /f`,
    ])
    .join('\r\n');
const install =
  'msiexec /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v C:\\Logs\\svc.log ^\r\n' +
  '  ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1 CERTIFICATE_NAME=mim.contoso.com\r\n' +
  'if errorlevel 1 echo Install failed & exit /b 1\r\n';
const lines = (...parts: string[]) => parts.join('\r\n') + '\r\n';

test('cmd: call :harden before call :install, labels written install-first: the failing install is reported', () => {
  const text = lines('@echo off', 'set MEDIA=D:\\MIM', 'call :harden', 'call :install', 'exit /b 0', '', ':install', install + 'goto :eof', '', ':harden', tls11(false), 'goto :eof');
  const [finding] = expectFindings(text, file, hosts.unknown, [['MIM201', '/qn']], ['MIM201', 'MIM202']);
  // relatedInformation: the write that left TLS 1.1 Client off on the path to the install.
  const related = finding.related!.map((r) => text.slice(r.start, r.end));
  assert.deepEqual(related, [`reg add "${key}\\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f`]);
});

test('cmd: Microsoft\'s order (install, then harden) in subroutines written harden-first is clean', () => {
  const text = lines('@echo off', 'set MEDIA=D:\\MIM', 'call :enable', 'call :install', 'call :harden', 'exit /b 0', ':harden', tls11(false), 'exit /b', ':enable', tls11(true), 'exit /b', ':install', install + 'exit /b 0');
  expectFindings(text, file, hosts.hardened, [], ['MIM201', 'MIM202']);
});

test('cmd: goto jumps between labels in either text order', () => {
  const hardenFirst = lines('@echo off', 'set MEDIA=D:\\MIM', 'goto harden', ':install', install + 'goto end', ':harden', tls11(false), 'goto install', ':end');
  expectFindings(hardenFirst, file, hosts.unknown, [['MIM201', '/qn']], ['MIM201']);
  const installFirst = lines('@echo off', 'set MEDIA=D:\\MIM', 'goto install', ':harden', tls11(false), 'goto end', ':install', install + 'goto harden', ':end');
  expectFindings(installFirst, file, hosts.unknown, [], ['MIM201']);
});

test('cmd: paths that disagree before the install (if without else) are not an error; both branches disabling is', () => {
  const oneBranch = lines('@echo off', 'set MEDIA=D:\\MIM', 'if exist C:\\harden.flag (', tls11(false), ')', install);
  expectFindings(oneBranch, file, hosts.unknown, [], ['MIM201']);
  const both = lines('@echo off', 'set MEDIA=D:\\MIM', 'if exist C:\\harden.flag (', tls11(false), ') else (', `  reg add "${key}\\Client" /v Enabled /t REG_DWORD /d 0 /f`, ')', install);
  expectFindings(both, file, hosts.unknown, [['MIM201', '/qn']], ['MIM201']);
  const chained = lines('@echo off', 'set MEDIA=D:\\MIM', `reg add "${key}\\Client" /v Enabled /t REG_DWORD /d 0 /f && echo hardened`, install);
  expectFindings(chained, file, hosts.unknown, [['MIM201', '/qn']], ['MIM201']);
  const orExit = lines('@echo off', 'set MEDIA=D:\\MIM', `call :harden || exit /b 1`, install + 'exit /b 0', ':harden', tls11(false), 'exit /b 0');
  expectFindings(orExit, file, hosts.unknown, [['MIM201', '/qn']], ['MIM201']);
});

test('cmd: code after exit, and a subroutine nothing calls, do not run', () => {
  const text = lines('@echo off', 'set MEDIA=D:\\MIM', 'call :install', 'exit /b 0', ':enable', tls11(true), 'goto :eof', ':install', install + 'goto :eof');
  expectFindings(text, file, hosts.hardened, [['MIM201', '/qn']], ['MIM201', 'MIM202']);
});

test('cmd: a subroutine that calls itself ends (depth limit) and leaves the state unknown', () => {
  const text = lines('@echo off', 'set MEDIA=D:\\MIM', tls11(false), 'call :retry', install, 'exit /b', ':retry', 'ping -n 5 localhost >nul', 'call :retry', 'goto :eof');
  const result = lint(text, file, { profile: hosts.unknown });
  assert.deepEqual(result.failures, []);
  assert.ok(!result.findings.some((f) => f.ruleId === 'MIM201'));
});

test('cmd: reg delete of the TLS 1.1 values returns it to the default (on): not a revert (facts §9.2)', () => {
  const text = lines('@echo off', 'set MEDIA=D:\\MIM', tls11(true), install, `reg delete "${key}\\Client" /v Enabled /f`, `reg delete "${key}\\Client" /v DisabledByDefault /f`, `reg delete "${key}\\Server" /f`);
  expectFindings(text, file, hosts.hardened, [['MIM202', `reg add "${key}\\Client" /v Enabled /t REG_DWORD /d 1 /f`]], ['MIM202']);
});

test('cmd: REMOVE=ALL is an uninstall: no MIM201, no MIM203', () => {
  const text = lines('@echo off', tls11(false), 'msiexec /i "D:\\MIM\\Service and Portal\\Service and Portal.msi" REMOVE=ALL /qn');
  expectFindings(text, file, hosts.hardened, [], ['MIM201', 'MIM203']);
});

test('cmd: delayed expansion names the package and the key', () => {
  const text = lines('@echo off', 'setlocal EnableDelayedExpansion', 'set "BASE=' + key + '"', 'set "PKG=D:\\MIM\\Service and Portal\\Service and Portal.msi"', 'reg add "!BASE!\\Client" /v Enabled /t REG_DWORD /d 0 /f', 'msiexec /i "!PKG!" /qn ADDLOCAL=CommonServices CERTIFICATE_NAME=mim.contoso.com');
  expectFindings(text, file, hosts.unknown, [['MIM201', '/qn']], ['MIM201']);
});

test('cmd: a self-doubling variable is capped: a tiny file stays small and fast', () => {
  const text = '@echo off\r\nset A=xx\r\n' + 'set A=%A%%A%%A%%A%\r\n'.repeat(16) + 'msiexec /i "%A%.msi" /qn\r\n';
  assert.ok(text.length < 400);
  const msiexec = readScript('cmd', text, file).commands.find((c) => c.name === 'msiexec')!;
  assert.ok(msiexec.args[1].text.length <= 16_384 + 4, `${msiexec.args[1].text.length} characters`);
  assert.equal(msiexec.args[1].resolved, false, 'a value past the cap is forgotten, not truncated');
  assert.deepEqual(lint(text, file, { profile: hosts.hardened }).failures, []);
});

test('call bookkeeping is linear: each call extends its target\'s caller list in place', () => {
  const callers = new Map();
  const call = (line: number): ScriptCall => ({ target: 'C:\\MIM\\x.cmd', context: { tls11: 'on', location: { file: 'w.cmd', start: line, end: line, message: 'called here' } } });
  addCallers(callers, [call(0)]);
  const list = callers.get(scriptPathKey('C:\\MIM\\x.cmd'));
  addCallers(callers, Array.from({ length: 100_000 }, (_, i) => call(i + 1)));
  assert.equal(callers.get(scriptPathKey('C:\\MIM\\x.cmd')), list, 'the same list, not a copy per call');
  assert.equal(list.length, 100_001);
});
