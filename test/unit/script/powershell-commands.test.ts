// How the PowerShell reader sees msiexec and the cmdlets install scripts use: direct calls with
// backtick continuations, the call operator, Start-Process in all its spellings, splatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crlf, namedTexts, only, read, sources, statementText, texts } from './powershell-helpers';

const direct = [
  'Write-Host "Installing"',
  'msiexec.exe /i "C:\\Media\\Service and Portal\\Service and Portal.msi" `',
  '    /qn `',
  '    ADDLOCAL=CommonServices',
  'Write-Host "Done"',
  '',
].join('\n');

for (const [layout, text] of [
  ['LF', direct],
  ['CRLF', crlf(direct)],
] as const) {
  test(`direct msiexec with backtick continuations (${layout})`, () => {
    const model = read(text);
    assert.deepEqual(
      model.commands.map((c) => c.name),
      ['write-host', 'msiexec', 'write-host'],
    );
    const msiexec = only(model, 'msiexec');
    assert.equal(msiexec.via, undefined);
    assert.equal(msiexec.nameToken.text, 'msiexec.exe');
    assert.deepEqual(texts(msiexec.args), ['/i', 'C:\\Media\\Service and Portal\\Service and Portal.msi', '/qn', 'ADDLOCAL=CommonServices']);
    assert.deepEqual(sources(text, msiexec.args), ['/i', '"C:\\Media\\Service and Portal\\Service and Portal.msi"', '/qn', 'ADDLOCAL=CommonServices']);
    assert.deepEqual(
      msiexec.args.map((t) => t.quoted),
      [false, true, false, false],
    );
    const eol = layout === 'CRLF' ? '\r\n' : '\n';
    const written = `msiexec.exe /i "C:\\Media\\Service and Portal\\Service and Portal.msi" \`${eol}    /qn \`${eol}    ADDLOCAL=CommonServices`;
    assert.equal(text.slice(msiexec.start, msiexec.end), written);
    assert.equal(statementText(text, msiexec), written);
    assert.equal(msiexec.statementStart, text.indexOf('msiexec.exe'));
    assert.equal(msiexec.indent, '');
    assert.equal(msiexec.depth, 0);
    assert.deepEqual(msiexec.named, {});
    assert.deepEqual(msiexec.positional, []);
  });
}

test('& msiexec, & "…\\msiexec.exe" and a path in a variable', () => {
  const text = [
    "$msi = 'C:\\Media\\Synchronization Service\\Synchronization Service.msi'",
    '& msiexec /i $msi /qn "SERVICEPASSWORD=p w" SQLDB="FIMSync DB"',
    "& \"C:\\Windows\\System32\\msiexec.exe\" /x '{11111111-2222-3333-4444-555555555555}' /quiet",
    '$exe = "$env:SystemRoot\\System32\\msiexec.exe"; & $exe /i $msi',
  ].join('\n');
  const [first, second, third] = read(text).commands;
  assert.equal(first.name, 'msiexec');
  assert.equal(first.via, '&');
  assert.equal(text.slice(first.start, first.end), text.split('\n')[1]);
  assert.deepEqual(texts(first.args), ['/i', 'C:\\Media\\Synchronization Service\\Synchronization Service.msi', '/qn', 'SERVICEPASSWORD=p w', 'SQLDB=FIMSync DB']);
  assert.deepEqual(sources(text, first.args), ['/i', '$msi', '/qn', '"SERVICEPASSWORD=p w"', 'SQLDB="FIMSync DB"']);
  assert.deepEqual(
    first.args.map((t) => t.quoted),
    [false, false, false, true, true],
  );
  assert.equal(second.name, 'msiexec');
  assert.equal(second.nameToken.text, 'C:\\Windows\\System32\\msiexec.exe');
  assert.equal(text.slice(second.nameToken.start, second.nameToken.end), '"C:\\Windows\\System32\\msiexec.exe"');
  assert.deepEqual(texts(second.args), ['/x', '{11111111-2222-3333-4444-555555555555}', '/quiet']);
  // $env:SystemRoot is not assigned in the script: the name stays as written, unresolved.
  assert.equal(third.name, '$env:systemroot\\system32\\msiexec'.replace(/^.*\\/, ''));
  assert.equal(third.nameToken.resolved, false);
  assert.equal(third.nameToken.text, '$env:SystemRoot\\System32\\msiexec.exe');
  assert.equal(statementText(text, third), '& $exe /i $msi');
});

test('Start-Process with an argument string: tokens split as msiexec splits them, with exact ranges', () => {
  const text = "Start-Process -FilePath 'msiexec.exe' -ArgumentList '/i \"C:\\Media\\Service and Portal.msi\" /qn ACCEPT_EULA=1 SERVICE_ACCOUNT_PASSWORD=\"x y\"' -Wait -NoNewWindow";
  const command = only(read(text), 'msiexec');
  assert.equal(command.via, 'start-process');
  assert.deepEqual(texts(command.args), ['/i', 'C:\\Media\\Service and Portal.msi', '/qn', 'ACCEPT_EULA=1', 'SERVICE_ACCOUNT_PASSWORD=x y']);
  assert.deepEqual(sources(text, command.args), ['/i', '"C:\\Media\\Service and Portal.msi"', '/qn', 'ACCEPT_EULA=1', 'SERVICE_ACCOUNT_PASSWORD="x y"']);
  assert.deepEqual(
    command.args.map((t) => t.quoted),
    [false, true, false, false, true],
  );
  assert.deepEqual(Object.keys(command.named), ['filepath', 'argumentlist', 'wait', 'nonewwindow']);
  assert.equal(text.slice(command.nameToken.start, command.nameToken.end), "'msiexec.exe'");
});

test('an escaped argument string falls back to exact ranges per character run', () => {
  const text = 'Start-Process msiexec "/i `"C:\\My Media\\x.msi`" /qn"';
  const command = only(read(text), 'msiexec');
  assert.deepEqual(texts(command.args), ['/i', 'C:\\My Media\\x.msi', '/qn']);
  assert.deepEqual(sources(text, command.args), ['/i', '`"C:\\My Media\\x.msi`"', '/qn']);
});

test('Start-Process spellings: positional program and arguments, -Args, saps, start, array items with quotes', () => {
  const text = [
    "Start-Process msiexec '/i C:\\x.msi /qn'",
    "saps -FilePath msiexec.exe -Args '/x', 'C:\\x.msi', '/passive'",
    "start msiexec.exe -ArgumentList @('/i', 'SQLSERVER_SERVER=\"SQL 01\"', 'C:\\Service and Portal.msi')",
    'Start-Process -Wait notepad.exe',
    'Start-Process $unknown -ArgumentList /i',
  ].join('\n');
  const commands = read(text).commands;
  assert.deepEqual(
    commands.map((c) => [c.name, c.via]),
    [
      ['msiexec', 'start-process'],
      ['msiexec', 'start-process'],
      ['msiexec', 'start-process'],
      ['notepad', 'start-process'],
      ['start-process', undefined],
    ],
  );
  assert.deepEqual(texts(commands[0].args), ['/i', 'C:\\x.msi', '/qn']);
  assert.deepEqual(texts(commands[1].args), ['/x', 'C:\\x.msi', '/passive']);
  assert.equal(commands[1].named.args.text, '/x C:\\x.msi /passive');
  // Start-Process joins items with blanks: an item with an unquoted blank reaches msiexec as two arguments.
  assert.deepEqual(texts(commands[2].args), ['/i', 'SQLSERVER_SERVER=SQL 01', 'C:\\Service', 'and', 'Portal.msi']);
  assert.deepEqual(sources(text, commands[2].args).slice(0, 3), ["'/i'", '\'SQLSERVER_SERVER="SQL 01"\'', 'C:\\Service']);
  assert.deepEqual(texts(commands[3].args), []);
  assert.equal(commands[3].named.wait.text, 'true');
  assert.deepEqual(texts(commands[4].positional), ['$unknown']);
  assert.equal(commands[4].positional[0].resolved, false);
});

test('splatting a hashtable into Start-Process and into New-ItemProperty', () => {
  const text = [
    '$install = @{',
    "    FilePath     = 'msiexec.exe'",
    "    ArgumentList = @('/i', \"`\"$PSScriptRoot\\Service and Portal.msi`\"\", '/qn')",
    '    Wait         = $true',
    '}',
    'Start-Process @install -PassThru',
    "$props = @{ Path = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy'; Name = 'Enabled'; Value = 0; PropertyType = 'DWord' }",
    'New-ItemProperty @props -Force',
  ].join('\n');
  const model = read(text);
  const install = only(model, 'msiexec');
  assert.equal(install.via, 'start-process');
  assert.deepEqual(texts(install.args), ['/i', '$PSScriptRoot\\Service and Portal.msi', '/qn']);
  assert.deepEqual(
    install.args.map((t) => t.resolved),
    [true, false, true],
  );
  assert.deepEqual(namedTexts(install), { passthru: 'true', filepath: 'msiexec.exe', argumentlist: install.named.argumentlist.text, wait: 'true' });
  assert.equal(text.slice(install.named.filepath.start, install.named.filepath.end), "'msiexec.exe'");
  const property = only(model, 'new-itemproperty');
  assert.deepEqual(namedTexts(property), {
    force: 'true',
    path: 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy',
    name: 'Enabled',
    value: '0',
    propertytype: 'DWord',
  });
  assert.equal(text.slice(property.named.value.start, property.named.value.end), '0');
});

test('registry cmdlets: named, colon syntax, positional, Join-Path of known parts, pipelines', () => {
  const text = [
    "$base = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'",
    "$tls = Join-Path $base 'TLS 1.1'",
    "$client = Join-Path -Path $tls -ChildPath '\\Client'",
    "New-Item 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server' -Force | Out-Null",
    'Set-ItemProperty -Path:$client -Name:"Enabled" -Value:0 -Type DWord',
    "Remove-ItemProperty -Path $client -Name 'DisabledByDefault' -ErrorAction SilentlyContinue; Remove-Item $tls -Recurse",
    "New-ItemProperty -Path \"$client\" -Name DisabledByDefault -Value 1 –PropertyType DWord",
  ].join('\n');
  const model = read(text);
  assert.deepEqual(
    model.commands.map((c) => c.name),
    ['join-path', 'join-path', 'new-item', 'out-null', 'set-itemproperty', 'remove-itemproperty', 'remove-item', 'new-itemproperty'],
  );
  const clientKey = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client';
  const newItem = only(model, 'new-item');
  assert.deepEqual(texts(newItem.positional), ['HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server']);
  assert.deepEqual(namedTexts(newItem), { force: 'true' });
  const set = only(model, 'set-itemproperty');
  assert.deepEqual(namedTexts(set), { path: clientKey, name: 'Enabled', value: '0', type: 'DWord' });
  assert.deepEqual(sources(text, [set.named.path, set.named.name, set.named.value]), ['$client', '"Enabled"', '0']);
  assert.deepEqual(texts(set.args), ['-Path:', clientKey, '-Name:', 'Enabled', '-Value:', '0', '-Type', 'DWord']);
  const remove = only(model, 'remove-itemproperty');
  assert.deepEqual(namedTexts(remove), { path: clientKey, name: 'DisabledByDefault', erroraction: 'SilentlyContinue' });
  assert.equal(statementText(text, remove), "Remove-ItemProperty -Path $client -Name 'DisabledByDefault' -ErrorAction SilentlyContinue");
  const removeItem = only(model, 'remove-item');
  assert.deepEqual(texts(removeItem.positional), ['HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1']);
  assert.equal(removeItem.named.recurse.text, 'true');
  // An en dash from a copied blog post still marks a parameter.
  assert.deepEqual(namedTexts(only(model, 'new-itemproperty')), { path: clientKey, name: 'DisabledByDefault', value: '1', propertytype: 'DWord' });
});

test('other cmdlets and programs: certificates, SQL, makecert, reg.exe, stop-parsing', () => {
  const text = [
    "New-SelfSignedCertificate -DnsName 'mim.corp.contoso.com' -CertStoreLocation Cert:\\LocalMachine\\My -KeyLength 2048",
    'Invoke-Sqlcmd -ServerInstance SQLMIM -Query "SELECT 1" -TrustServerCertificate -Encrypt Optional',
    'makecert -r -pe -n "CN=ForefrontIdentityManager" -ss my -sky exchange',
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d 1 /f',
    'msiexec --% /i "C:\\Media\\Service and Portal.msi" /qn REBOOT=ReallySuppress',
  ].join('\n');
  const [cert, sql, makecert, reg, msiexec] = read(text).commands;
  assert.deepEqual(namedTexts(cert), { dnsname: 'mim.corp.contoso.com', certstorelocation: 'Cert:\\LocalMachine\\My', keylength: '2048' });
  assert.deepEqual(namedTexts(sql), { serverinstance: 'SQLMIM', query: 'SELECT 1', trustservercertificate: 'true', encrypt: 'Optional' });
  assert.equal(makecert.name, 'makecert');
  assert.deepEqual(namedTexts(makecert), { r: 'true', pe: 'true', n: 'CN=ForefrontIdentityManager', ss: 'my', sky: 'exchange' });
  assert.deepEqual(texts(makecert.args), ['-r', '-pe', '-n', 'CN=ForefrontIdentityManager', '-ss', 'my', '-sky', 'exchange']);
  assert.equal(reg.name, 'reg');
  assert.deepEqual(texts(reg.args), ['add', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client', '/v', 'Enabled', '/t', 'REG_DWORD', '/d', '1', '/f']);
  assert.deepEqual(texts(msiexec.args), ['--%', '/i', 'C:\\Media\\Service and Portal.msi', '/qn', 'REBOOT=ReallySuppress']);
  assert.deepEqual(sources(text, msiexec.args).slice(2), ['"C:\\Media\\Service and Portal.msi"', '/qn', 'REBOOT=ReallySuppress']);
});

test('a comma in an unquoted argument makes an array: msiexec receives two arguments', () => {
  const text = 'msiexec /i x.msi ADDLOCAL=CommonServices,WebPortals "ADDLOCAL2=A,B"';
  assert.deepEqual(texts(only(read(text), 'msiexec').args), ['/i', 'x.msi', 'ADDLOCAL=CommonServices', 'WebPortals', 'ADDLOCAL2=A,B']);
});

test('commands in comments are not commands; comment texts and code ranges', () => {
  const text = [
    '# msiexec /i commented.msi /qn',
    '<# msiexec /i block.msi',
    '   /qn #>',
    'msiexec /i real.msi /qn # trailing msiexec /x',
    "Write-Host 'a # not a comment' <# inline #> 'b'",
  ].join('\r\n');
  const model = read(text);
  assert.deepEqual(
    model.commands.map((c) => c.name),
    ['msiexec', 'write-host'],
  );
  assert.deepEqual(texts(model.commands[0].args), ['/i', 'real.msi', '/qn']);
  assert.deepEqual(texts(model.commands[1].args), ['a # not a comment', 'b']);
  assert.deepEqual(
    model.comments.map((c) => [c.text, text.slice(c.start, c.end)]),
    [
      [' msiexec /i commented.msi /qn', '# msiexec /i commented.msi /qn'],
      [' msiexec /i block.msi\r\n   /qn ', '<# msiexec /i block.msi\r\n   /qn #>'],
      [' trailing msiexec /x', '# trailing msiexec /x'],
      [' inline ', '<# inline #>'],
    ],
  );
  assert.deepEqual(
    model.code.map((r) => text.slice(r.start, r.end)),
    ['\r\n', '\r\nmsiexec /i real.msi /qn ', "\r\nWrite-Host 'a # not a comment' ", " 'b'"],
  );
});

test('Start-Process of a program whose folder is unknown is still that program', () => {
  const text = 'Start-Process -FilePath "$env:SystemRoot\\System32\\msiexec.exe" -ArgumentList \'/i x.msi /qn\' -Wait';
  const command = only(read(text), 'msiexec');
  assert.equal(command.via, 'start-process');
  assert.equal(command.nameToken.text, '$env:SystemRoot\\System32\\msiexec.exe');
  assert.equal(command.nameToken.resolved, false);
  assert.deepEqual(texts(command.args), ['/i', 'x.msi', '/qn']);
  assert.deepEqual(read('Start-Process -FilePath $installer -ArgumentList "/i x.msi"').commands.map((c) => c.name), ['start-process']);
});
