// Strings, here-strings and variables as the PowerShell reader expands them, DSC Registry resources,
// and where statements start and end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crlf, namedTexts, only, read, sources, statementText, texts } from './powershell-helpers';

test('single-quoted strings do not expand; double-quoted ones do, with backtick escapes', () => {
  const text = [
    "$dir = 'C:\\Media'",
    "$name = 'Service and Portal'",
    'Write-Output \'$dir it\'\'s\' "$dir\\${name}.msi" "`$dir `"q`" ""dq""" "$($dir.Length) $missing end" "$dir.Length"',
  ].join('\n');
  const command = only(read(text), 'write-output');
  assert.deepEqual(texts(command.positional), [
    "$dir it's",
    'C:\\Media\\Service and Portal.msi',
    '$dir "q" "dq"',
    '$($dir.Length) $missing end',
    'C:\\Media.Length',
  ]);
  assert.deepEqual(
    command.positional.map((t) => t.resolved),
    [true, true, true, false, true],
  );
  assert.deepEqual(sources(text, command.positional.slice(0, 2)), ["'$dir it''s'", '"$dir\\${name}.msi"']);
});

test('later assignments win from where they occur; +=, comma lists, casts and param defaults', () => {
  const text = [
    'param(',
    '    [Parameter(Mandatory = $false)]',
    "    [ValidateSet('a', 'b')]",
    "    [string] $Media = 'D:\\MIM2016SP2',",
    '    [switch] $NoReboot,',
    '    $Log = "$Media\\install.log"',
    ')',
    "msiexec /i $Media\\x.msi /l*v $Log",
    "$Media = 'E:\\Other'",
    "$list = '/i', \"$Media\\y.msi\"",
    "$list += '/qn'",
    "$list += @('REBOOT=ReallySuppress',",
    "           'ACCEPT_EULA=1')",
    '[string[]] $typed = $list',
    'msiexec $typed',
    '$Media = Get-Media',
    'msiexec /i $Media\\z.msi',
  ].join('\n');
  const [first, second, third] = read(text).commands.filter((c) => c.name === 'msiexec');
  assert.deepEqual(texts(first.args), ['/i', 'D:\\MIM2016SP2\\x.msi', '/l*v', 'D:\\MIM2016SP2\\install.log']);
  assert.deepEqual(sources(text, first.args), ['/i', '$Media\\x.msi', '/l*v', '$Log']);
  assert.deepEqual(texts(second.args), ['/i', 'E:\\Other\\y.msi', '/qn', 'REBOOT=ReallySuppress', 'ACCEPT_EULA=1']);
  assert.deepEqual(sources(text, second.args), ["'/i'", '"$Media\\y.msi"', "'/qn'", "'REBOOT=ReallySuppress'", "'ACCEPT_EULA=1'"]);
  assert.deepEqual(texts(third.args), ['/i', '$Media\\z.msi']);
  assert.equal(third.args[1].resolved, false);
});

test('here-strings: expanding and literal, as an argument list', () => {
  const body = [
    "$media = 'C:\\Media'",
    '$argumentList = @"',
    '/i "$media\\Service and Portal.msi"',
    '/qn SQMOPTINSETTING=0',
    '"@',
    "$literal = @'",
    '$media "stays" as written',
    "'@",
    'Start-Process msiexec.exe -ArgumentList $argumentList -Wait',
    'Write-Output $literal',
  ].join('\n');
  for (const text of [body, crlf(body)]) {
    const model = read(text);
    const install = only(model, 'msiexec');
    assert.deepEqual(texts(install.args), ['/i', 'C:\\Media\\Service and Portal.msi', '/qn', 'SQMOPTINSETTING=0']);
    assert.deepEqual(sources(text, install.args), ['$argumentList', '$argumentList', '$argumentList', '$argumentList']);
    assert.deepEqual(texts(only(model, 'write-output').positional), ['$media "stays" as written']);
  }
});

test('DSC Registry resources become dsc-registry commands with their properties', () => {
  const text = [
    'Configuration FipsAndTls',
    '{',
    '    Import-DscResource -ModuleName PSDesiredStateConfiguration',
    '    Node localhost',
    '    {',
    '        Registry FipsPolicy',
    '        {',
    "            Key       = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy'",
    "            ValueName = 'Enabled'",
    "            ValueData = '1'",
    "            ValueType = 'Dword'",
    '            Ensure    = "Present"',
    '            Force     = $true',
    '        }',
    "        Registry 'Tls11Client' { Key = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client'; ValueName = 'Enabled'; ValueData = '0'; ValueType = 'Dword' }",
    '    }',
    '}',
  ].join('\n');
  const model = read(text);
  assert.deepEqual(
    model.commands.map((c) => c.name),
    ['import-dscresource', 'dsc-registry', 'dsc-registry'],
  );
  const [, fips, tls] = model.commands;
  assert.deepEqual(namedTexts(fips), {
    key: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy',
    valuename: 'Enabled',
    valuedata: '1',
    valuetype: 'Dword',
    ensure: 'Present',
    force: 'true',
  });
  assert.equal(text.slice(fips.named.valuedata.start, fips.named.valuedata.end), "'1'");
  assert.deepEqual(texts(fips.positional), ['FipsPolicy']);
  assert.equal(fips.nameToken.text, 'Registry');
  assert.equal(fips.depth, 2);
  assert.equal(fips.indent, '        ');
  assert.ok(statementText(text, fips).startsWith('Registry FipsPolicy\n        {\n'));
  assert.ok(statementText(text, fips).endsWith("Force     = $true\n        }"));
  assert.deepEqual(namedTexts(tls), {
    key: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client',
    valuename: 'Enabled',
    valuedata: '0',
    valuetype: 'Dword',
  });
  assert.deepEqual(texts(tls.positional), ['Tls11Client']);
});

test('statement start, end, indent and depth: assignments, one-line blocks, ; separators, tabs', () => {
  const text = [
    'function Install-Mim {',
    '\tif ($true) { $p = Start-Process msiexec.exe -ArgumentList "/i x.msi" `',
    '\t\t-Wait -PassThru; New-Item HKLM:\\SOFTWARE\\X | Out-Null }',
    '}',
    '[void](New-Item -Path HKLM:\\SOFTWARE\\Y -Force)',
  ].join('\r\n');
  const model = read(text);
  assert.deepEqual(
    model.commands.map((c) => c.name),
    ['msiexec', 'new-item', 'out-null', 'new-item'],
  );
  const [install, newItem, , nested] = model.commands;
  assert.equal(statementText(text, install), '$p = Start-Process msiexec.exe -ArgumentList "/i x.msi" `\r\n\t\t-Wait -PassThru');
  assert.equal(text.slice(install.start, install.end), 'Start-Process msiexec.exe -ArgumentList "/i x.msi" `\r\n\t\t-Wait -PassThru');
  assert.equal(install.indent, '\t');
  assert.equal(install.depth, 2);
  assert.equal(statementText(text, newItem), 'New-Item HKLM:\\SOFTWARE\\X | Out-Null');
  assert.equal(newItem.indent, '\t\t');
  assert.equal(newItem.depth, 2);
  assert.equal(statementText(text, nested), '[void](New-Item -Path HKLM:\\SOFTWARE\\Y -Force)');
  assert.equal(text.slice(nested.start, nested.end), 'New-Item -Path HKLM:\\SOFTWARE\\Y -Force');
  assert.equal(nested.depth, 0);
  assert.deepEqual(namedTexts(nested), { path: 'HKLM:\\SOFTWARE\\Y', force: 'true' });
});

test('a leading byte-order mark shifts nothing', () => {
  const text = '\uFEFFmsiexec /i "C:\\x y.msi" /qn\r\n  # done\r\n';
  const model = read(text);
  const command = only(model, 'msiexec');
  assert.equal(command.start, 1);
  assert.equal(command.statementStart, 1);
  assert.equal(command.indent, '');
  assert.deepEqual(sources(text, command.args), ['/i', '"C:\\x y.msi"', '/qn']);
  assert.deepEqual(model.comments, [{ start: 32, end: 38, text: ' done' }]);
  assert.equal(text.slice(32, 38), '# done');
});
