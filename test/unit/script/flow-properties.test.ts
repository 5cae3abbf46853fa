// Property tests of the script interpreter (issue 12): wrapping statements in a subroutine or function
// that is called once, or reordering blocks with labels and goto without changing the run order,
// leaves the findings as they were; no generated program loops or runs past a small step count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../../server/src/engine/index';
import { scriptFacts } from '../../../server/src/engine/script/facts';
import { readScript } from '../../../server/src/engine/script/read-script';
import { hosts } from '../helpers';

fc.configureGlobal({ seed: Number(process.env.MIM_LINT_FC_SEED ?? 20261204) });

const cmdKey = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1';
const psKey = "'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client'";
const cmdStatements = [
  `reg add "${cmdKey}\\Client" /v Enabled /t REG_DWORD /d 0 /f`,
  `reg add "${cmdKey}\\Client" /v Enabled /t REG_DWORD /d 1 /f`,
  `reg add "${cmdKey}\\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f`,
  `reg add "${cmdKey}\\Server" /v Enabled /t REG_DWORD /d 1 /f`,
  `reg delete "${cmdKey}\\Client" /v Enabled /f`,
  'msiexec /i "D:\\MIM\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=CommonServices',
  'msiexec /i "D:\\MIM\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=CommonServices CERTIFICATE_NAME=ForefrontIdentityManager',
  'echo step',
];
const psStatements = [
  `New-ItemProperty -Path ${psKey} -Name 'Enabled' -Value 0 -PropertyType DWord -Force`,
  `New-ItemProperty -Path ${psKey} -Name 'Enabled' -Value 1 -PropertyType DWord -Force`,
  `New-ItemProperty -Path ${psKey} -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force`,
  `Remove-ItemProperty -Path ${psKey} -Name 'Enabled'`,
  "Start-Process msiexec.exe -Wait -ArgumentList '/i', '\"D:\\MIM\\Service and Portal\\Service and Portal.msi\"', '/qn', 'ADDLOCAL=CommonServices'",
  "Write-Host 'step'",
];
const profiles = Object.values(hosts);

/** Findings as rule, covered text and message: the same whatever the surrounding lines. */
function judged(text: string, fileName: string, profile: (typeof profiles)[number]): string[] {
  const result = lint(text, fileName, { profile });
  assert.deepEqual(result.failures, []);
  return result.findings.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.start, f.end))} ${f.message}`).sort();
}

const block = (pool: string[]) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 });

test('cmd: statements wrapped in a subroutine called once give the same findings', () => {
  fc.assert(
    fc.property(block(cmdStatements), block(cmdStatements), fc.constantFrom(...profiles), (before, body, profile) => {
      const plain = ['@echo off', ...before, ...body, 'exit /b 0'].join('\r\n') + '\r\n';
      const wrapped = ['@echo off', ...before, 'call :body', 'exit /b 0', ':body', ...body, 'goto :eof'].join('\r\n') + '\r\n';
      assert.deepEqual(judged(wrapped, 'C:\\MIM\\a.cmd', profile), judged(plain, 'C:\\MIM\\a.cmd', profile));
    }),
    { numRuns: 60 },
  );
});

test('cmd: two blocks written in the other order and joined by goto give the same findings', () => {
  fc.assert(
    fc.property(block(cmdStatements), block(cmdStatements), fc.constantFrom(...profiles), (first, second, profile) => {
      const plain = ['@echo off', ...first, ...second].join('\r\n') + '\r\n';
      const reordered = ['@echo off', 'goto first', ':second', ...second, 'goto end', ':first', ...first, 'goto second', ':end'].join('\r\n') + '\r\n';
      assert.deepEqual(judged(reordered, 'C:\\MIM\\a.cmd', profile), judged(plain, 'C:\\MIM\\a.cmd', profile));
    }),
    { numRuns: 60 },
  );
});

test('PowerShell: statements wrapped in a function called once give the same findings', () => {
  fc.assert(
    fc.property(block(psStatements), block(psStatements), fc.constantFrom(...profiles), (before, body, profile) => {
      const plain = [...before, ...body].join('\r\n') + '\r\n';
      const wrapped = ['function Invoke-Body {', ...body.map((s) => '    ' + s), '}', ...before, 'Invoke-Body'].join('\r\n') + '\r\n';
      assert.deepEqual(judged(wrapped, 'C:\\MIM\\a.ps1', profile), judged(plain, 'C:\\MIM\\a.ps1', profile));
    }),
    { numRuns: 60 },
  );
});

test('no program of labels, gotos, calls, branches and loops makes the interpreter loop or run long', () => {
  const labels = ['a', 'b', 'c', 'd'];
  const statement = fc.oneof(
    fc.constantFrom(...cmdStatements),
    fc.constantFrom(...labels).map((l) => `:${l}`),
    fc.constantFrom(...labels).map((l) => `goto ${l}`),
    fc.constantFrom(...labels).map((l) => `call :${l}`),
    fc.constantFrom('exit /b', 'goto :eof', 'if exist x.flag (', ')', ') else (', 'for %%f in (*.log) do (', 'echo x && exit /b 1'),
  );
  fc.assert(
    fc.property(fc.array(statement, { maxLength: 40 }), (statements) => {
      const text = statements.join('\r\n') + '\r\n';
      const facts = scriptFacts(readScript('cmd', text, 'C:\\MIM\\x.cmd'), text, hosts.unknown, [], 'C:\\MIM\\x.cmd');
      assert.ok(facts.flowSteps < 200_000, `${facts.flowSteps} steps`);
    }),
    { numRuns: 200 },
  );
});
