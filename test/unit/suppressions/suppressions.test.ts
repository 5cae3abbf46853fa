// Suppression directives in each language's own comments, the "Suppress …" fixes, and MIM900 for
// directives that suppress nothing. Every test runs with LF and CRLF line ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint, parseDirectives, type Finding, type LintResult } from '../../../server/src/engine/index';
import { parseXml } from '../../../server/src/engine/xml/parse';
import { hosts, serviceConfig } from '../helpers';

const eols = [
  { name: 'LF', apply: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\n/g, '\r\n') },
];
const cmdFile = 'C:\\MIM\\install-mimservice.cmd';
const psFile = 'C:\\MIM\\Install-MIMService.ps1';
const regFile = 'C:\\MIM\\hardening.reg';
const infFile = 'C:\\MIM\\GptTmpl.inf';

const config = (runtimeBefore = '') =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <resourceManagementService externalHostName="mim.contoso.com" />',
    `${runtimeBefore}  <runtime>`,
    '    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1" />',
    '  </runtime>',
    '</configuration>',
    '',
  ].join('\n');
/** An unattended MIM Service install whose /qn sits on a `^` continuation line. */
const cmdInstall = (before = '') =>
  `@echo off\n${before}msiexec /i "D:\\MIM\\Service and Portal.msi" ^\n  /qn ADDLOCAL=CommonServices ^\n  ACCEPT_EULA=1\necho done\n`;
const psInstall = (before = '', after = '') =>
  `#Requires -RunAsAdministrator\n${before}msiexec /i 'D:\\MIM\\Service and Portal.msi' ADDLOCAL=CommonServices ` + '`\n' + `  /qn${after}\nWrite-Host done\n`;
const regText = (before = '') => `Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\n${before}bogus line\n`;

const run = (text: string, file: string, profile = hosts.hardened): LintResult => {
  const result = lint(text, file, { profile });
  assert.deepEqual(result.failures, []);
  return result;
};
const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId);
const only = (result: LintResult, ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId);

function applyFix(text: string, file: string, finding: Finding, title: string): string {
  const fix = lint(text, file, { profile: hosts.hardened }).suppressions!.fixesFor(finding).find((f) => f.title === title);
  assert.ok(fix, `fix "${title}" offered`);
  assert.ok(!fix.preferred, 'suppressions are never preferred, so fix-all never adds them');
  return applyEdits(text, fix.edits);
}

test('directive grammar: kinds, several IDs, reason after a colon, positions', () => {
  const text = '<!-- mim-lint-disable-next-line MIM101, mim106 MIM107: FIPS off on this host, see CHG-42 -->';
  const [directive] = parseDirectives(text, [{ start: 0, end: text.length }]);
  assert.equal(directive.kind, 'next-line');
  assert.deepEqual(directive.ids.map((id) => id.id), ['MIM101', 'MIM106', 'MIM107']);
  assert.deepEqual(directive.ids.map((id) => text.slice(id.start, id.end)), ['MIM101', 'mim106', 'MIM107']);
  assert.equal(directive.reason, 'FIPS off on this host, see CHG-42');
  assert.equal(directive.wholeComment, true);
  const block = '<#\n  Install notes\n  mim-lint-disable-file MIM201\n#>';
  const [fromBlock] = parseDirectives(block, [{ start: 0, end: block.length }]);
  assert.equal(fromBlock.kind, 'file');
  assert.equal(fromBlock.reason, undefined);
  assert.equal(fromBlock.wholeComment, false);
  assert.deepEqual(parseDirectives('# see mim-lint-disable-file in the docs', [{ start: 0, end: 39 }]), [], 'only at the start of a comment line');
});

for (const eol of eols) {
  test(`XML: next-line, same-line and file directives; the reason is kept (${eol.name})`, () => {
    assert.deepEqual(ids(only(run(eol.apply(config()), serviceConfig, hosts.fips), 'MIM101')), ['MIM101']);
    const nextLine = eol.apply(config('  <!-- mim-lint-disable-next-line MIM101: FIPS handled by CHG-42 -->\n'));
    const result = run(nextLine, serviceConfig, hosts.fips);
    assert.deepEqual(ids(result.findings), []);
    assert.equal(result.suppressions!.suppressed.length, 1);
    assert.equal(result.suppressions!.suppressed[0].finding.ruleId, 'MIM101');
    assert.equal(result.suppressions!.suppressed[0].directive.reason, 'FIPS handled by CHG-42');
    const sameLine = eol.apply(config().replace('  <runtime>', '  <runtime> <!-- mim-lint-disable-line MIM101 -->'));
    assert.deepEqual(ids(run(sameLine, serviceConfig, hosts.fips).findings), []);
    const file = eol.apply(config().replace('</configuration>', '<!-- mim-lint-disable-file MIM106, MIM101 -->\n</configuration>'));
    assert.deepEqual(ids(run(file, serviceConfig, hosts.fips).findings), ['MIM900'], 'MIM106 is unused');
  });

  test(`XML: a start tag over several lines is one line for a directive (${eol.name})`, () => {
    const text = eol.apply(config('  <!-- mim-lint-disable-next-line MIM101 -->\n').replace('  <runtime>', '  <runtime\n      >'));
    assert.deepEqual(ids(run(text, serviceConfig, hosts.fips).findings), []);
  });

  test(`XML: "Suppress on this line" and "in this file" keep the document well-formed and the finding goes (${eol.name})`, () => {
    const text = eol.apply(config());
    const [finding] = only(run(text, serviceConfig, hosts.fips), 'MIM101');
    const onLine = applyFix(text, serviceConfig, finding, 'Suppress MIM101 on this line');
    assert.equal(onLine, eol.apply(config('  <!-- mim-lint-disable-next-line MIM101 -->\n')));
    assert.equal(parseXml(onLine).error, undefined);
    assert.deepEqual(ids(run(onLine, serviceConfig, hosts.fips).findings), []);
    const inFile = applyFix(text, serviceConfig, finding, 'Suppress MIM101 in this file');
    assert.ok(inFile.startsWith(eol.apply('<?xml version="1.0" encoding="utf-8"?>\n<!-- mim-lint-disable-file MIM101 -->\n<configuration>')), inFile);
    assert.equal(parseXml(inFile).error, undefined);
    assert.deepEqual(ids(run(inFile, serviceConfig, hosts.fips).findings), []);
  });

  test(`XML: an existing directive above gets the ID added (${eol.name})`, () => {
    const text = eol.apply(config('  <!-- mim-lint-disable-next-line MIM001: reviewed -->\n'));
    const [finding] = only(run(text, serviceConfig, hosts.fips), 'MIM101');
    const merged = applyFix(text, serviceConfig, finding, 'Suppress MIM101 on this line');
    assert.equal(merged, eol.apply(config('  <!-- mim-lint-disable-next-line MIM001, MIM101: reviewed -->\n')));
    assert.deepEqual(ids(run(merged, serviceConfig, hosts.fips).findings), ['MIM900'], 'MIM001 suppresses nothing');
  });

  test(`XML without a declaration, one-line document: directives stay outside markup (${eol.name})`, () => {
    const oneLine = '<?xml version="1.0"?><configuration><resourceManagementService /><runtime /></configuration>';
    const [finding] = only(run(oneLine, serviceConfig, hosts.fips), 'MIM101');
    const onLine = applyFix(oneLine, serviceConfig, finding, 'Suppress MIM101 on this line');
    assert.equal(onLine, oneLine + ' <!-- mim-lint-disable-line MIM101 -->', 'nothing may precede the XML declaration');
    assert.equal(parseXml(onLine).error, undefined);
    assert.deepEqual(ids(run(onLine, serviceConfig, hosts.fips).findings), []);
    const bare = eol.apply(config().replace('<?xml version="1.0" encoding="utf-8"?>\n', ''));
    const [bareFinding] = only(run(bare, serviceConfig, hosts.fips), 'MIM101');
    const inFile = applyFix(bare, serviceConfig, bareFinding, 'Suppress MIM101 in this file');
    assert.ok(inFile.startsWith(eol.apply('<!-- mim-lint-disable-file MIM101 -->\n<configuration>')));
    assert.equal(parseXml(inFile).error, undefined);
  });

  test(`cmd: rem and :: directives cover the whole ^ continuation (${eol.name})`, () => {
    assert.deepEqual(ids(only(run(eol.apply(cmdInstall()), cmdFile), 'MIM201')), ['MIM201']);
    for (const directive of ['rem mim-lint-disable-next-line MIM201: TLS 1.1 handled by the wrapper\n', ':: mim-lint-disable-next-line MIM201\n', '@rem mim-lint-disable-next-line MIM202, MIM201\n']) {
      const result = run(eol.apply(cmdInstall(directive)), cmdFile);
      assert.deepEqual(ids(only(result, 'MIM201')), [], directive);
      assert.deepEqual(ids(only(result, 'MIM900')), directive.includes('MIM202') ? ['MIM900'] : [], directive);
    }
    const sameLine = eol.apply(cmdInstall().replace('  ACCEPT_EULA=1\n', '  ACCEPT_EULA=1 & rem mim-lint-disable-line MIM201\n'));
    assert.deepEqual(ids(only(run(sameLine, cmdFile), 'MIM201')), [], '& rem counts as the same line');
  });

  test(`cmd: the quick fixes insert rem lines, after @echo off for the file (${eol.name})`, () => {
    const text = eol.apply(cmdInstall());
    const [finding] = only(run(text, cmdFile), 'MIM201');
    const onLine = applyFix(text, cmdFile, finding, 'Suppress MIM201 on this line');
    assert.equal(onLine, eol.apply(cmdInstall('rem mim-lint-disable-next-line MIM201\n')), 'above the first line of the continuation');
    assert.deepEqual(ids(only(run(onLine, cmdFile), 'MIM201')), []);
    const inFile = applyFix(text, cmdFile, finding, 'Suppress MIM201 in this file');
    assert.ok(inFile.startsWith(eol.apply('@echo off\nrem mim-lint-disable-file MIM201\nmsiexec')), inFile);
    assert.deepEqual(ids(only(run(inFile, cmdFile), 'MIM201')), []);
  });

  test(`PowerShell: # and <# #> directives cover the backtick continuation (${eol.name})`, () => {
    assert.deepEqual(ids(only(run(eol.apply(psInstall()), psFile), 'MIM201')), ['MIM201']);
    for (const directive of ['# mim-lint-disable-next-line MIM201: wrapper keeps TLS 1.1 on\n', '<# mim-lint-disable-next-line MIM201 #>\n', '<#\n  mim-lint-disable-next-line MIM201\n#>\n']) {
      assert.deepEqual(ids(run(eol.apply(psInstall(directive)), psFile).findings.filter((f) => f.ruleId === 'MIM201' || f.ruleId === 'MIM900')), [], directive);
    }
    const sameLine = eol.apply(psInstall('', ' # mim-lint-disable-line MIM201'));
    assert.deepEqual(ids(only(run(sameLine, psFile), 'MIM201')), [], 'a trailing comment on the continuation line');
  });

  test(`PowerShell: the quick fixes keep the indentation and go after the #Requires header (${eol.name})`, () => {
    const text = eol.apply(psInstall().replace('msiexec', 'if ($true) {\n    msiexec').replace('Write-Host done', '}'));
    const [finding] = only(run(text, psFile), 'MIM201');
    const onLine = applyFix(text, psFile, finding, 'Suppress MIM201 on this line');
    assert.ok(onLine.includes(eol.apply('{\n    # mim-lint-disable-next-line MIM201\n    msiexec')), onLine);
    assert.deepEqual(ids(only(run(onLine, psFile), 'MIM201')), []);
    const inFile = applyFix(text, psFile, finding, 'Suppress MIM201 in this file');
    assert.ok(inFile.startsWith(eol.apply('#Requires -RunAsAdministrator\n# mim-lint-disable-file MIM201\nif')), inFile);
  });

  test(`.reg and .inf: ; directives, file directive after the .reg header, at line 1 in .inf (${eol.name})`, () => {
    const text = eol.apply(regText());
    const [finding] = only(run(text, regFile, hosts.unknown), 'MIM305');
    assert.ok(finding, 'MIM305 on the bogus line');
    assert.deepEqual(ids(only(run(eol.apply(regText('; mim-lint-disable-next-line MIM305: test\n')), regFile, hosts.unknown), 'MIM305')), []);
    const onLine = applyFix(text, regFile, finding, 'Suppress MIM305 on this line');
    assert.equal(onLine, eol.apply(regText('; mim-lint-disable-next-line MIM305\n')));
    const inFile = applyFix(text, regFile, finding, 'Suppress MIM305 in this file');
    assert.ok(inFile.startsWith(eol.apply('Windows Registry Editor Version 5.00\n; mim-lint-disable-file MIM305\n\n[HKEY')), inFile);
    assert.deepEqual(ids(only(run(inFile, regFile, hosts.unknown), 'MIM305')), []);
    const inf = eol.apply('[Unicode]\nUnicode=yes\n[Registry Values]\nno equals sign here\n');
    const [infFinding] = only(run(inf, infFile, hosts.unknown), 'MIM305');
    assert.ok(infFinding);
    const infFixed = applyFix(inf, infFile, infFinding, 'Suppress MIM305 in this file');
    assert.ok(infFixed.startsWith(eol.apply('; mim-lint-disable-file MIM305\n[Unicode]')));
    assert.deepEqual(ids(run(infFixed, infFile, hosts.unknown).findings), []);
  });

  test(`MIM900: unused and unknown IDs, with a fix that removes the ID or the whole line (${eol.name})`, () => {
    const text = eol.apply(cmdInstall('rem mim-lint-disable-next-line MIM201, MIM207, MIM999: legacy\n'));
    const unused = only(run(text, cmdFile), 'MIM900');
    assert.deepEqual(unused.map((f) => text.slice(f.start, f.end)), ['MIM207', 'MIM999']);
    assert.ok(unused.every((f) => f.unnecessary && f.severity === 'hint' && f.fixes?.length === 1 && !f.fixes[0].preferred));
    assert.match(unused[1].message, /Unknown rule "MIM999"/);
    const once = applyEdits(text, unused[1].fixes![0].edits);
    assert.equal(once, eol.apply(cmdInstall('rem mim-lint-disable-next-line MIM201, MIM207: legacy\n')));
    const alone = eol.apply(cmdInstall('rem mim-lint-disable-next-line MIM207\n'));
    const [lone] = only(run(alone, cmdFile), 'MIM900');
    assert.equal(applyEdits(alone, lone.fixes![0].edits), eol.apply(cmdInstall()), 'the whole directive line goes');
    const trailing = eol.apply(psInstall('', ' # mim-lint-disable-line MIM207'));
    const [trailingUnused] = only(run(trailing, psFile), 'MIM900');
    assert.equal(applyEdits(trailing, trailingUnused.fixes![0].edits), eol.apply(psInstall()), 'a trailing comment goes with its blanks');
    const silenced = eol.apply(cmdInstall('rem mim-lint-disable-file MIM900\nrem mim-lint-disable-next-line MIM207\n'));
    assert.deepEqual(ids(only(run(silenced, cmdFile), 'MIM900')), [], 'disable-file MIM900 silences MIM900');
    assert.deepEqual(ids(lint(text, cmdFile, { profile: hosts.hardened, severities: { MIM900: 'off' } }).findings.filter((f) => f.ruleId === 'MIM900')), []);
  });

  test(`MIM900 in XML: removing the only ID removes the comment line and keeps the XML well-formed (${eol.name})`, () => {
    const text = eol.apply(config('  <!-- mim-lint-disable-next-line MIM110 -->\n'));
    const [unused] = only(run(text, serviceConfig, hosts.hardened), 'MIM900');
    assert.equal(text.slice(unused.start, unused.end), 'MIM110');
    const fixed = applyEdits(text, unused.fixes![0].edits);
    assert.equal(fixed, eol.apply(config()));
    assert.equal(parseXml(fixed).error, undefined);
  });
}

test('MIM900 stays silent for a rule that needs an unknown host fact, a rule turned off, and names rules of other file kinds', () => {
  const text = config('  <!-- mim-lint-disable-next-line MIM101 -->\n');
  assert.deepEqual(ids(run(text, serviceConfig, hosts.unknown).findings), [], 'FIPS unknown: MIM101 may fire on the real host');
  assert.deepEqual(ids(run(text, serviceConfig, hosts.notFips).findings.filter((f) => f.ruleId === 'MIM900')), [], 'TLS fact unknown');
  assert.deepEqual(ids(lint(text, serviceConfig, { profile: hosts.tlsLegacy, severities: { MIM101: 'off' } }).findings), []);
  assert.deepEqual(ids(run(text, serviceConfig, hosts.tlsLegacy).findings), ['MIM900'], 'both facts known and no finding');
  const wrongKind = run(config('  <!-- mim-lint-disable-next-line MIM201 -->\n'), serviceConfig, hosts.tlsLegacy).findings;
  assert.match(wrongKind[0].message, /MIM201 never checks \.config files/);
  const noIds = run(cmdInstall('rem mim-lint-disable-next-line\n'), cmdFile).findings.filter((f) => f.ruleId === 'MIM900');
  assert.match(noIds[0].message, /names no rule/);
  const unknownDirective = run(cmdInstall('rem mim-lint-disable MIM201\n'), cmdFile).findings.filter((f) => f.ruleId === 'MIM900');
  assert.match(unknownDirective[0].message, /Unknown directive "mim-lint-disable"/);
});

test('stacked next-line directives all apply to the first line of code below them', () => {
  const text = cmdInstall('rem mim-lint-disable-next-line MIM201\nrem mim-lint-disable-next-line MIM203\n');
  assert.deepEqual(ids(run(cmdInstall(), cmdFile).findings).sort(), ['MIM201', 'MIM203']);
  assert.deepEqual(ids(run(text, cmdFile).findings), []);
});

test('suppressed findings are not fixed by fix-all, and the suppress fixes are never applied by it', async () => {
  const { fixAll } = await import('../../../server/src/engine/index');
  const text = cmdInstall('rem mim-lint-disable-next-line MIM201\n');
  const result = fixAll(text, cmdFile, { profile: hosts.hardened });
  assert.equal(result.text, text, 'the suppressed MIM201 keeps its install untouched');
});
