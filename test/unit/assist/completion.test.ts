// Completion in MIM install command lines: the cursor in every form the script readers know (cmd
// subroutine with ^ continuations, Start-Process -ArgumentList strings and arrays, DSC Package), and
// the promise that makes it trustworthy: whatever is offered, MIM207 and MIM208 accept once inserted,
// and whatever they flag is never offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, ruleById, type AssistCompletion } from '../../../server/src/engine/index';
import { knownPackages, propertyDescriptions } from '../../../server/src/engine/script/mim-packages';
import { hosts, lintFindings } from '../helpers';
import { atCursor, insert } from './cursor';

const cmdName = 'D:\\Deploy\\MIM\\install-mimservice.cmd';
const psName = 'D:\\Deploy\\MIM\\Install-MIM.ps1';
const crlf = (t: string) => t.replace(/\n/g, '\r\n');

const cmdScript = (cursorLine: string) => `@echo off
rem Unattended MIM 2016 SP2 Service and Portal install, change CHG-20417.
setlocal
set MEDIA=D:\\Deploy\\MIM2016SP2
set LOG=C:\\Logs\\MIM

call :install_service || goto :failed
exit /b 0

:install_service
echo Installing MIM Service and the SSPR portals...
msiexec.exe /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v "%LOG%\\service.log" ^
  ACCEPT_EULA=1 SQLSERVER_SERVER=SQLMIM01 ^
${cursorLine}
exit /b %ERRORLEVEL%

:failed
echo Install failed with %ERRORLEVEL%.
exit /b 1
`;

const psArray = (cursorElement: string) => `#Requires -RunAsAdministrator
param([string]$Media = 'D:\\Deploy\\MIM2016SP2')

function Install-MimService {
    $msi = Join-Path $Media 'Service and Portal\\Service and Portal.msi'
    $arguments = @(
        '/i', "\`"$msi\`"", '/qn',
        '/l*v', 'C:\\Logs\\MIM\\service.log',
        'ACCEPT_EULA=1',
        ${cursorElement}
    )
    $p = Start-Process msiexec.exe -ArgumentList $arguments -Wait -PassThru
    if ($p.ExitCode -ne 0) { throw "msiexec failed: $($p.ExitCode)" }
}

Install-MimService
`;

const psString = (cursorPart: string) => `$log = 'C:\\Logs\\MIM\\service.log'
# Service and Portal, unattended
Start-Process -FilePath msiexec.exe -Wait -ArgumentList "/i \`"D:\\Media\\Service and Portal\\Service and Portal.msi\`" /qn /l*v \`"$log\`" ${cursorPart}"
`;

const dsc = (cursorPart: string) => `Configuration MimSync {
    Import-DscResource -ModuleName PSDesiredStateConfiguration
    Node 'SYNC01' {
        Package MimSync {
            Ensure    = 'Present'
            Name      = 'Microsoft Identity Manager Synchronization Service'
            Path      = 'D:\\Media\\Synchronization Service\\Synchronization Service.msi'
            ProductId = ''
            Arguments = 'ACCEPT_EULA=1 STORESERVER=SQL01 ${cursorPart}'
        }
    }
}
`;

const splatted = (cursorElement: string) => `function Install-MimSync([string]$Media) {
    $splat = @{
        FilePath     = 'msiexec.exe'
        ArgumentList = @('/i', "\`"$Media\\Synchronization Service\\Synchronization Service.msi\`"", '/qn', 'ACCEPT_EULA=1', ${cursorElement})
        Wait         = $true
        PassThru     = $true
    }
    $p = Start-Process @splat
    if ($p.ExitCode -ne 0) { throw "Sync install failed: $($p.ExitCode)" }
}
`;

interface Case {
  name: string;
  marked: string;
  fileName: string;
}

const cases: Case[] = [
  { name: 'cmd, property after ^', marked: cmdScript('  SQM‸'), fileName: cmdName },
  { name: 'cmd CRLF, feature list', marked: crlf(cmdScript('  ADDLOCAL=CommonServices,‸ REBOOT=ReallySuppress')), fileName: cmdName },
  { name: 'cmd, REBOOT value', marked: cmdScript('  REBOOT=Re‸'), fileName: cmdName },
  { name: 'PowerShell array, property', marked: psArray("'MAIL_‸'"), fileName: psName },
  { name: 'PowerShell array, REMOVE', marked: psArray("'REMOVE=‸'"), fileName: psName },
  { name: 'PowerShell string, 0/1 flag', marked: psString('FIREWALL_CONF=‸'), fileName: psName },
  { name: 'PowerShell string, property', marked: psString('‸'), fileName: psName },
  { name: 'DSC Package, Sync property', marked: dsc('GROUP‸'), fileName: psName },
  { name: 'DSC Package, Sync ADDLOCAL', marked: dsc('ADDLOCAL=‸'), fileName: psName },
  { name: 'PowerShell splatting, Sync property', marked: splatted("'GROUPA‸'"), fileName: psName },
];

function complete(c: Case): { text: string; items: AssistCompletion[] } {
  const { text, offset } = atCursor(c.marked);
  return { text, items: completionsAt(c.fileName.endsWith('.ps1') ? 'powershell' : 'cmd', text, offset, c.fileName) };
}

const labels = (items: AssistCompletion[]) => items.map((i) => i.label);
const msiRules = [ruleById('MIM207')!, ruleById('MIM208')!];
const msiFindings = (text: string, fileName: string) => lintFindings(text, fileName, hosts.unknown, { rules: msiRules });

test('properties of the package the command installs, with what each does', () => {
  const { text, items } = complete(cases[0]);
  const sqm = items.find((i) => i.label === 'SQMOPTINSETTING');
  assert.ok(sqm, 'SQMOPTINSETTING offered');
  assert.match(sqm.documentation, /Customer Experience Improvement Program/);
  assert.equal(text.slice(sqm.start, sqm.end), 'SQM');
  assert.equal(sqm.insertText, 'SQMOPTINSETTING=');
  assert.ok(!labels(items).includes('STORESERVER'), 'a Sync property is not offered for Service and Portal.msi');
  const sync = complete(cases[7]).items;
  assert.ok(labels(sync).includes('GROUPADMINS') && !labels(sync).includes('SQLSERVER_SERVER'), 'DSC Package of the Sync MSI: Sync properties');
  const splat = complete(cases[9]);
  const groupAdmins = splat.items.find((i) => i.label === 'GROUPADMINS');
  // $Media is a parameter: the package is not known, so both packages' properties are offered.
  assert.ok(groupAdmins && labels(splat.items).includes('SQLSERVER_SERVER'), 'Start-Process @splat: properties of both packages');
  assert.equal(splat.text.slice(groupAdmins.start, groupAdmins.end), 'GROUPA');
});

test('features after ADDLOCAL= and REMOVE= in exact case, without those already listed', () => {
  const { text, items } = complete(cases[1]);
  assert.deepEqual(labels(items), knownPackages['mim-service']!.features!.map((f) => f.name).filter((n) => n !== 'CommonServices'));
  assert.equal(items[0].start, items[0].end, 'inserted after the comma');
  assert.equal(text.slice(items[0].start - 1, items[0].start), ',');
  const remove = complete(cases[4]).items;
  assert.deepEqual(labels(remove).slice(0, 2), ['ALL', 'CommonServices']);
  assert.deepEqual(labels(complete(cases[8]).items), ['ALL'], 'Synchronization Service.msi: feature names unknown, ALL only');
});

test('values of REBOOT and the 0/1 flags replace what is typed', () => {
  const { text, items } = complete(cases[2]);
  assert.deepEqual(labels(items), ['Force', 'Suppress', 'ReallySuppress', 'F', 'S', 'R']);
  assert.equal(text.slice(items[0].start, items[0].end), 'Re');
  assert.deepEqual(labels(complete(cases[5]).items), ['1', '0']);
});

test('both packages when the package is not known, none in comments, package paths and log files', () => {
  const unknown = atCursor('msiexec /i %1 /qn ‸\n');
  const items = completionsAt('cmd', unknown.text, unknown.offset, 'x.cmd');
  assert.ok(labels(items).includes('STORESERVER') && labels(items).includes('SQLSERVER_SERVER'));
  for (const marked of [
    'rem msiexec /i "Service and Portal.msi" /qn ADD‸\n',
    'msiexec /i "Service and Portal‸.msi" /qn\n',
    'msiexec /i "Service and Portal.msi" /qn /l*v C:\\Logs\\AD‸\n',
    'echo ADD‸\n',
  ]) {
    const at = atCursor(marked);
    assert.deepEqual(completionsAt('cmd', at.text, at.offset, 'x.cmd'), [], marked);
  }
  const sqlClient = atCursor('msiexec /i sqlncli.msi /qn ‸\n');
  const standard = labels(completionsAt('cmd', sqlClient.text, sqlClient.offset, 'x.cmd'));
  assert.ok(standard.includes('REBOOT') && !standard.includes('ACCEPT_EULA'), 'other packages: standard properties only');
});

test('every known property has a description', () => {
  for (const kind of ['mim-service', 'mim-sync'] as const) {
    for (const name of knownPackages[kind]!.properties) assert.ok(propertyDescriptions[name], name);
  }
});

/** A value that MIM208 accepts for a property just inserted as `NAME=`. */
function acceptedValue(name: string): string {
  if (name === 'REBOOT') return 'ReallySuppress';
  if (name === 'ADDLOCAL' || name === 'REMOVE') return 'ALL';
  return items01.has(name) ? '1' : 'x';
}
const items01 = new Set(['ACCEPT_EULA', 'SQMOPTINSETTING', 'EXISTINGDATABASE', 'MAIL_SERVER_USE_SSL', 'MAIL_SERVER_IS_EXCHANGE',
  'MAIL_SERVER_IS_EXCHANGE_ONLINE', 'POLL_EXCHANGE_ENABLED', 'USE_MANAGED_ACCOUNT_FOR_SERVICE', 'FIREWALL_CONF', 'SHAREPOINTUSERS_CONF']);

test('every item offered is accepted by MIM207 and MIM208 once inserted', () => {
  for (const c of cases) {
    const { text, items } = complete(c);
    assert.ok(items.length > 0, `${c.name}: items`);
    for (const item of items) {
      const value = item.kind === 'property' ? acceptedValue(item.label) : '';
      const edited = insert(text, item, value);
      // Only findings on what was inserted count: the fixtures leave nothing else for these rules to flag.
      const findings = msiFindings(edited, c.fileName).filter((f) => f.start < item.start + item.insertText.length + value.length && f.end > item.start);
      assert.deepEqual(findings.map((f) => f.message), [], `${c.name}: ${item.label}`);
    }
  }
});

/** Misspellings an admin makes: a swapped pair, a dropped letter, a doubled letter, the wrong case. */
function misspellings(name: string): string[] {
  const out = new Set<string>([name.toLowerCase(), name.toUpperCase()]);
  for (let i = 0; i < name.length - 1; i++) out.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
  for (let i = 0; i < name.length; i++) {
    out.add(name.slice(0, i) + name.slice(i + 1));
    out.add(name.slice(0, i) + name[i] + name.slice(i));
  }
  out.delete(name);
  return [...out];
}

test('no misspelling that MIM207 or MIM208 flags is ever offered', () => {
  let flagged = 0;
  for (const c of cases) {
    const { text, items } = complete(c);
    const offered = new Set(labels(items));
    for (const item of items.slice(0, 8)) {
      for (const wrong of misspellings(item.label)) {
        const typo = { ...item, insertText: item.kind === 'property' ? `${wrong}=` : wrong };
        const value = item.kind === 'property' ? acceptedValue(item.label) : '';
        const edited = insert(text, typo, value);
        const caught = msiFindings(edited, c.fileName).some((f) => f.start < item.start + typo.insertText.length + value.length && f.end > item.start);
        if (!caught) continue;
        flagged++;
        assert.ok(!offered.has(wrong), `${c.name}: ${wrong} is flagged but offered`);
      }
    }
  }
  assert.ok(flagged > 50, `the rules caught misspellings to compare with (${flagged})`);
});

test('a long script: the same items and exact ranges as near the top (completion reads a window around the cursor)', () => {
  const filler = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `echo step ${i} ^\n  continued` : `set STEP_${i}=${i}`)).join('\n');
  for (const c of [cases[1], cases[3], cases[7]]) {
    const short = complete(c);
    const long = atCursor(filler + '\n' + c.marked);
    const items = completionsAt(c.fileName.endsWith('.ps1') ? 'powershell' : 'cmd', long.text, long.offset, c.fileName);
    assert.deepEqual(labels(items), labels(short.items), c.name);
    assert.equal(long.text.slice(items[0].start, items[0].end), short.text.slice(short.items[0].start, short.items[0].end));
    assert.equal(items[0].start, short.items[0].start + filler.length + 1);
  }
});
