// MIM303 with the workspace's evidence: a TLS 1.2-only hardening .reg whose .NET 3.5 values are set by a
// companion file (another .reg, a security template, a script's registry writes) is not missing them.
// The companion is found through the host profile, as the CLI and the language server build it from
// every hardening source; without a workspace (a single file) the rule judges the file alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostEvidence, inferProfile, lint, type HostProfile } from '../../../server/src/engine/index';

const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'registry');
/** facts §7.3: SCHANNEL TLS 1.2-only, .NET 4 keys, FIPS; no v2.0.50727 keys. */
const hardening = readFileSync(join(fixtures, 'tls12-only-hardening.reg'), 'utf8');
const hardeningName = 'D:\\Deploy\\MIM\\registry\\tls12-only-hardening.reg';

const eols = [
  { name: 'LF', apply: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\r?\n/g, '\r\n') },
];

const companionReg = `Windows Registry Editor Version 5.00

; .NET Framework 3.5 (CLR 2): MIM Service. Apply after KB3154520.
[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727]
"SystemDefaultTlsVersions"=dword:00000001
"SchUseStrongCrypto"=dword:00000001

[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727]
"SystemDefaultTlsVersions"=dword:00000001
"SchUseStrongCrypto"=dword:00000001
`;

/** A GPO security template that covers only the 64-bit key. */
const companionInf = `[Unicode]
Unicode=yes
[Version]
signature="$CHICAGO$"
Revision=1
[Registry Values]
MACHINE\\Software\\Microsoft\\.NETFramework\\v2.0.50727\\SystemDefaultTlsVersions=4,1
MACHINE\\Software\\Microsoft\\.NETFramework\\v2.0.50727\\SchUseStrongCrypto=4,1
MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1
`;

/** The prerequisites script of a MIM deployment, writing the .NET values with reg.exe in a subroutine. */
const companionCmd = `@echo off
rem MIM 2016 SP2 prerequisites: .NET 3.5 TLS defaults (KB3154520 is in the image)
setlocal
call :netfx "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727"
reg add "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f >nul
reg add "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f >nul
reg add "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f >nul
exit /b 0

:netfx
reg add %1 /v SchUseStrongCrypto /t REG_DWORD /d 1 /f >nul
exit /b 0
`;

/** A PowerShell rollback script that removes the values again. */
const rollbackPs = `#Requires -RunAsAdministrator
# Rollback of CHG-20417: remove the .NET 3.5 TLS defaults again.
foreach ($path in 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727') {
    Write-Verbose "cleaning $path"
}
Remove-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727' -Name 'SystemDefaultTlsVersions' -ErrorAction SilentlyContinue
Remove-ItemProperty -Path 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727' -Name 'SystemDefaultTlsVersions' -ErrorAction SilentlyContinue
`;

/** The profile the CLI and the language server build from a workspace's hardening sources. */
function workspaceProfile(files: Record<string, string>): HostProfile {
  return inferProfile(Object.entries(files).map(([name, text]) => hostEvidence(text, name)));
}

const mim303 = (text: string, profile?: HostProfile) => lint(text, hardeningName, { profile }).findings.filter((f) => f.ruleId === 'MIM303');

for (const eol of eols) {
  test(`MIM303: a companion .reg, a security template or a script that sets both .NET 3.5 keys silences it (${eol.name})`, () => {
    const text = eol.apply(hardening);
    assert.equal(mim303(text).length, 1, 'alone, the file is missing both keys');
    for (const [name, companion] of [
      ['D:\\Deploy\\MIM\\registry\\netfx35-tls.reg', companionReg],
      ['D:\\Deploy\\MIM\\scripts\\prereqs.cmd', companionCmd],
    ]) {
      const profile = workspaceProfile({ [hardeningName]: text, [name]: eol.apply(companion) });
      assert.deepEqual(mim303(text, profile), [], `${name} sets both keys`);
    }
  });

  test(`MIM303: a companion that sets one key leaves the other reported, pointing at the companion (${eol.name})`, () => {
    const text = eol.apply(hardening);
    const infName = 'D:\\Deploy\\GPO\\MIM-Servers\\GptTmpl.inf';
    const inf = eol.apply(companionInf);
    const [finding] = mim303(text, workspaceProfile({ [hardeningName]: text, [infName]: inf }));
    assert.ok(finding, 'the WOW6432Node key is still missing');
    assert.equal(finding.message, "No SystemDefaultTlsVersions=1 under the 32-bit v2.0.50727 key in the workspace: MIM Service's TLS connections fail.");
    assert.deepEqual(
      finding.related?.map((r) => [r.file, r.line, inf.slice(r.start, r.end), r.message]),
      [[infName, 6, 'MACHINE\\Software\\Microsoft\\.NETFramework\\v2.0.50727\\SystemDefaultTlsVersions=4,1', 'SystemDefaultTlsVersions=1 under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727 is set here']],
    );
    const fix = finding.fixes!.find((f) => f.preferred)!;
    const added = fix.edits.map((e) => e.newText).join('');
    assert.ok(added.includes('[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727]'), added);
    assert.ok(!added.includes('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727]'), 'the key the template sets is not added again');
  });
}

test('MIM303: a companion that removes the values does not count; the finding points at the removal', () => {
  const rollbackName = 'D:\\Deploy\\MIM\\scripts\\Rollback-NetFx.ps1';
  const profile = workspaceProfile({ [hardeningName]: hardening, 'D:\\Deploy\\MIM\\registry\\netfx35-tls.reg': companionReg, [rollbackName]: rollbackPs });
  const [finding] = mim303(hardening, profile);
  assert.ok(finding, 'one source sets the values and another removes them: which runs last is not known');
  assert.ok(finding.related!.some((r) => r.file === rollbackName && r.message.includes('set to 0 or removed here')));
  assert.ok(finding.related!.length <= 4, 'related information stays short');
});

test('MIM303: the file\'s own evidence is not a companion, and a workspace of one file judges it alone', () => {
  const alone = workspaceProfile({ [hardeningName]: hardening });
  assert.equal(mim303(hardening, alone).length, 1);
  // The language server indexes the open document by its path, possibly with another case or slashes.
  const selfWithV2 = hardening + '\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727]\n"SystemDefaultTlsVersions"=dword:00000001\n';
  const indexedAs = workspaceProfile({ 'd:/deploy/mim/registry/TLS12-only-hardening.reg': selfWithV2 });
  const [finding] = mim303(hardening, indexedAs);
  assert.ok(finding, 'an older text of the same file is not a companion');
  assert.equal(finding.related, undefined);
});
