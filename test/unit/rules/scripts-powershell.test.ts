import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixAll } from '../../../server/src/engine/index';
import { applyPreferredFix, expectFindings, hosts, lintFindings } from '../helpers';

const script = 'C:\\MIM\\Install-MIMService.ps1';
const eols = [
  { name: 'LF', apply: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\n/g, '\r\n') },
];
const install =
  "$media = 'D:\\MIM2016SP2'\n" +
  'if ($true) {\n' +
  "    $msiArgs = @('/i', \"`\"$media\\Service and Portal\\Service and Portal.msi`\"\", '/qn', 'ADDLOCAL=CommonServices')\n" +
  '    $p = Start-Process msiexec.exe -ArgumentList $msiArgs -Wait -PassThru\n' +
  '    if ($p.ExitCode -ne 0) { throw "failed" }\n' +
  '}\n';

for (const eol of eols) {
  test(`PowerShell MIM201: Start-Process with an argument array, fixed with New-ItemProperty lines in the block's indentation (${eol.name})`, () => {
    const text = eol.apply(install);
    expectFindings(text, script, hosts.hardened, [['MIM201', "'/qn'"]], ['MIM201']);
    const fixed = applyPreferredFix(text, script, hosts.hardened, 'MIM201');
    const key = "'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client'";
    assert.ok(fixed.includes(eol.apply(`    New-Item -Path ${key} -Force | Out-Null\n    New-ItemProperty -Path ${key} -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null\n`)), fixed);
    assert.ok(fixed.includes(eol.apply('-Wait -PassThru\n    # MIM 2016 SP2: enforce TLS 1.2 again')), 'the disabling lines follow the install inside the block');
    expectFindings(fixed, script, hosts.hardened, [], ['MIM201', 'MIM202']);
    const interactive = lintFindings(text, script, hosts.hardened).find((f) => f.ruleId === 'MIM201')!.fixes![1];
    const withoutQuiet = text.slice(0, interactive.edits[0].start) + text.slice(interactive.edits[0].end);
    assert.ok(withoutQuiet.includes("Portal.msi`\"\", 'ADDLOCAL=CommonServices')"), 'the array element goes with its comma');
  });

  test(`PowerShell: a $? check after a direct msiexec call keeps its meaning (${eol.name})`, () => {
    const text = eol.apply("msiexec /i 'D:\\Service and Portal.msi' /quiet\nif (-not $?) {\n    throw 'install failed'\n}\nWrite-Host done\n");
    const fixed = applyPreferredFix(text, script, hosts.hardened, 'MIM201');
    assert.ok(fixed.includes(eol.apply("    throw 'install failed'\n}\n# MIM 2016 SP2: enforce TLS 1.2 again")), fixed);
  });

  test(`PowerShell MIM204: a [version] check below build 7001 and a string comparison (${eol.name})`, () => {
    const text = eol.apply(
      "$snac = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\SQLNCLI11'\n" +
        "if ([version]$snac.InstalledVersion -lt [version]'11.4.6020.0') { Write-Warning 'old' }\n" +
        "if ($snac.InstalledVersion -lt '11.4.7001.0') { Write-Warning 'old' }\n",
    );
    expectFindings(text, script, hosts.unknown, [['MIM204', '11.4.6020.0'], ['MIM204', '11.4.7001.0']], ['MIM204']);
    const fixed = fixAll(text, script, { profile: hosts.unknown });
    assert.ok(fixed.text.includes("[version]'11.4.7001.0') { Write-Warning 'old' }" + eol.apply('\n') + "if ([version]$snac.InstalledVersion -lt [version]'11.4.7001.0')"), fixed.text);
    assert.deepEqual(fixed.remaining.filter((f) => f.ruleId === 'MIM204'), []);
  });
}

test('the Sync install of facts §7.5 is clean on a hardened host', () => {
  const text = readFileSync('test/fixtures/powershell/Install-MIMSync.ps1', 'utf8');
  assert.deepEqual(lintFindings(text, 'Install-MIMSync.ps1', hosts.hardened).map((f) => f.ruleId), []);
});
