// Fixture 7.5 of the domain facts (Install-MIMSync.ps1, CRLF as admins save it): prerequisites and the
// Sync install through Start-Process, registry writes in nested loops, param defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMsiexec } from '../../../server/src/engine/script/msiexec';
import { read, sources, statementText, texts, namedTexts } from './powershell-helpers';

const fixture = readFileSync(join(__dirname, '../../../../test/fixtures/powershell/Install-MIMSync.ps1'), 'utf8');

test('the fixture is the CRLF copy of facts section 7.5', () => {
  assert.ok(fixture.startsWith('#Requires -RunAsAdministrator\r\nparam(\r\n'));
  assert.equal(fixture.split('\r\n').length, 46);
  assert.ok(!/[^\r]\n/.test(fixture));
});

for (const [layout, text] of [
  ['CRLF', fixture],
  ['LF', fixture.replace(/\r\n/g, '\n')],
] as const) {
  test(`Install-MIMSync.ps1 (${layout}): commands in file order`, () => {
    const model = read(text);
    assert.equal(model.language, 'powershell');
    assert.deepEqual(
      model.commands.map((c) => c.name),
      [
        'get-credential',
        // The nested foreach loops over literal lists are read once per item (2 × 2); in file order
        // the copies of one command sit together.
        ...['join-path', 'new-item', 'out-null', 'new-itemproperty', 'out-null', 'new-itemproperty', 'out-null'].flatMap((name) => [name, name, name, name]),
        'get-itemproperty',
        'msiexec',
        'get-itemproperty',
        'msiexec',
        'msiexec',
      ],
    );
  });

  test(`Install-MIMSync.ps1 (${layout}): prerequisite installs expand $Media from the param default`, () => {
    const model = read(text);
    const [sqlncli, oledb] = model.commands.filter((c) => c.name === 'msiexec');
    assert.equal(sqlncli.via, 'start-process');
    assert.equal(sqlncli.nameToken.text, 'msiexec.exe');
    assert.equal(text.slice(sqlncli.nameToken.start, sqlncli.nameToken.end), 'msiexec.exe');
    assert.deepEqual(texts(sqlncli.args), ['/i', 'D:\\MIM2016SP2\\Prereqs\\sqlncli.msi', '/qn', 'IACCEPTSQLNCLILICENSETERMS=YES']);
    assert.deepEqual(sources(text, sqlncli.args), ["'/i'", '"`"$Media\\Prereqs\\sqlncli.msi`""', "'/qn'", "'IACCEPTSQLNCLILICENSETERMS=YES'"]);
    assert.ok(sqlncli.args.every((t) => t.resolved && t.quoted));
    assert.equal(sqlncli.named.wait.text, 'true');
    assert.equal(text.slice(sqlncli.named.wait.start, sqlncli.named.wait.end), '-Wait');
    assert.deepEqual(texts(sqlncli.positional), ['msiexec.exe']);
    assert.equal(sqlncli.depth, 1);
    assert.equal(sqlncli.indent, '    ');
    assert.equal(statementText(text, sqlncli), text.slice(sqlncli.start, sqlncli.end));
    assert.ok(statementText(text, sqlncli).startsWith('Start-Process msiexec.exe -Wait -ArgumentList'));
    assert.ok(statementText(text, sqlncli).endsWith("'IACCEPTSQLNCLILICENSETERMS=YES'"));
    assert.deepEqual(texts(oledb.args), ['/i', 'D:\\MIM2016SP2\\Prereqs\\msoledbsql.msi', '/qn', 'IACCEPTMSOLEDBSQLLICENSETERMS=YES']);
  });

  test(`Install-MIMSync.ps1 (${layout}): the Sync install takes its arguments from $msiArgs`, () => {
    const model = read(text);
    const sync = model.commands.filter((c) => c.name === 'msiexec')[2];
    assert.equal(statementText(text, sync), '$p = Start-Process msiexec.exe -ArgumentList $msiArgs -Wait -PassThru');
    assert.equal(text.slice(sync.start, sync.end), 'Start-Process msiexec.exe -ArgumentList $msiArgs -Wait -PassThru');
    assert.equal(sync.depth, 0);
    assert.equal(sync.indent, '');
    assert.deepEqual(namedTexts(sync), {
      argumentlist: sync.named.argumentlist.text,
      wait: 'true',
      passthru: 'true',
    });
    assert.equal(text.slice(sync.named.argumentlist.start, sync.named.argumentlist.end), '$msiArgs');
    assert.equal(sync.named.argumentlist.resolved, false);
    assert.deepEqual(texts(sync.args), [
      '/i',
      'D:\\MIM2016SP2\\Synchronization Service\\Synchronization Service.msi',
      '/qn',
      '/l*v',
      'C:\\MIMInstall\\Logs\\SyncService.log',
      'ACCEPT_EULA=1',
      'ADDLOCAL=ALL',
      'SQMOPTINSETTING=0',
      'FIREWALL_CONF=1',
      'STORESERVER=SQLMIMSync',
      'SQLDB=FIMSynchronizationService',
      'SERVICEACCOUNT=$($net.UserName)',
      'SERVICEPASSWORD=$($net.Password)',
      'SERVICEDOMAIN=$($net.Domain)',
      'GROUPADMINS=CORP\\MIMSyncAdmins',
      'GROUPOPERATORS=CORP\\MIMSyncOperators',
      'GROUPACCOUNTJOINERS=CORP\\MIMSyncJoiners',
      'GROUPBROWSE=CORP\\MIMSyncBrowse',
      'GROUPPASSWORDSET=CORP\\MIMSyncPasswordSet',
      'REBOOT=ReallySuppress',
    ]);
    // Each item points where it is written inside @( … ), not at the $msiArgs reference.
    const written = sources(text, sync.args);
    assert.equal(written[1], '"`"$Media\\Synchronization Service\\Synchronization Service.msi`""');
    assert.equal(written[9], '"STORESERVER=$SqlServer"');
    assert.equal(written[12], '"SERVICEPASSWORD=`"$($net.Password)`""');
    assert.equal(written[19], "'REBOOT=ReallySuppress'");
    assert.deepEqual(
      sync.args.map((t) => t.resolved),
      sync.args.map((_, i) => i < 11 || i > 13),
    );
    const definition = text.indexOf('$msiArgs = @(');
    assert.ok(sync.args.every((t) => t.start > definition && t.end < sync.start));
  });

  test(`Install-MIMSync.ps1 (${layout}): the msiexec model reads the packages and switches`, () => {
    const model = read(text);
    const installs = model.commands.filter((c) => c.name === 'msiexec').map((c) => readMsiexec(c, text));
    assert.deepEqual(
      installs.map((i) => [i.action, i.packageKind, i.uiSwitch?.text, i.unattended]),
      [
        ['i', 'sqlncli', '/qn', true],
        ['i', 'msoledbsql', '/qn', true],
        ['i', 'mim-sync', '/qn', true],
      ],
    );
  });

  test(`Install-MIMSync.ps1 (${layout}): registry cmdlets in the loops see $key for each item of the literal lists`, () => {
    const model = read(text);
    const newItems = model.commands.filter((c) => c.name === 'new-item');
    const newItem = newItems[0];
    assert.equal(statementText(text, newItem), 'New-Item -Path $key -Force | Out-Null');
    assert.equal(text.slice(newItem.start, newItem.end), 'New-Item -Path $key -Force');
    assert.equal(newItem.depth, 2);
    assert.equal(newItem.indent, '        ');
    const key = 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727';
    assert.deepEqual(newItem.named.path, { text: key, start: text.indexOf('$key', newItem.start), end: text.indexOf('$key', newItem.start) + 4, resolved: true, quoted: false });
    assert.deepEqual(newItems.map((c) => c.named.path.text), [
      key,
      'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727',
      'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
      'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
    ]);
    const properties = model.commands.filter((c) => c.name === 'new-itemproperty');
    const [first, second] = [properties[0], properties[4]];
    assert.deepEqual(namedTexts(first), { path: key, name: 'SystemDefaultTlsVersions', value: '1', propertytype: 'DWord', force: 'true' });
    assert.deepEqual(namedTexts(second), { path: key, name: 'SchUseStrongCrypto', value: '1', propertytype: 'DWord', force: 'true' });
    assert.deepEqual(sources(text, [second.named.name, second.named.value]), ["'SchUseStrongCrypto'", '1']);
    const snac = model.commands.find((c) => c.name === 'get-itemproperty')!;
    assert.deepEqual(texts(snac.positional), ['HKLM:\\SOFTWARE\\Microsoft\\SQLNCLI11']);
    assert.deepEqual(namedTexts(snac), { erroraction: 'SilentlyContinue' });
    assert.ok(statementText(text, snac).startsWith('$snac = Get-ItemProperty'));
  });

  test(`Install-MIMSync.ps1 (${layout}): comments and code ranges`, () => {
    const model = read(text);
    assert.deepEqual(
      model.comments.map((c) => c.text),
      [
        'Requires -RunAsAdministrator',
        ' 1. .NET 3.5 + 4.x: let the OS choose TLS (v2.0.50727 = .NET 3.5 / MIM Service, v4.0.30319 = MIM Sync)',
        ' 2. SQL Native Client 11 (MIM Sync + SQL MA need 11.0.7001.0+; the QFE MSI registers as 11.4.7001.0)',
        ' 3. OLE DB Driver 18 (MIM Service installer needs 18.2+; harmless on the Sync box)',
        ' 4. MIM Synchronization Service',
      ],
    );
    assert.equal(text.slice(model.comments[4].start, model.comments[4].end), '# 4. MIM Synchronization Service');
    const covered = model.code.map((r) => text.slice(r.start, r.end)).join('');
    assert.equal(covered.length + model.comments.reduce((n, c) => n + c.end - c.start, 0), text.length);
    assert.equal(model.code[0].start, model.comments[0].end);
    assert.ok(!covered.includes('# 1.'));
    assert.ok(covered.includes("$ErrorActionPreference = 'Stop'"));
  });
}
