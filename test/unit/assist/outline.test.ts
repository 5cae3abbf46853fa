// Outline of the files admins navigate: .reg keys with their values; scripts' installs inside the cmd
// subroutine or PowerShell function that runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outlineOf, type OutlineSymbol } from '../../../server/src/engine/index';

const shape = (symbols: OutlineSymbol[]): unknown[] =>
  symbols.map((s) => (s.children.length > 0 ? [s.name, s.detail, shape(s.children)] : [s.name, s.detail]));

test('.reg: one symbol per key, its values as children, the key path selected', () => {
  const text = [
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client]',
    '"Enabled"=dword:00000000',
    '"DisabledByDefault"=dword:00000001',
    '',
    '[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 3.0]',
    '',
  ].join('\r\n');
  const symbols = outlineOf('reg', text, 'tls.reg');
  assert.deepEqual(shape(symbols), [
    ['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client', '2 values',
      [['Enabled', 'dword:00000000'], ['DisabledByDefault', 'dword:00000001']]],
    ['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 3.0', 'deleted'],
  ]);
  assert.equal(text.slice(symbols[0].selectionStart - 1, symbols[0].selectionStart), '[');
  assert.ok(symbols[0].end >= text.indexOf('dword:00000001') + 14, 'the key symbol spans its values');
});

test('cmd: labels as subroutines, each install under the label that runs it; :: comments are not labels', () => {
  const text = `@echo off\r
:: :not_a_label\r
call :enable_tls11\r
call :install_service\r
exit /b 0\r
\r
:enable_tls11\r
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d 1 /f\r
exit /b 0\r
\r
:install_service\r
msiexec /i "D:\\Media\\Service and Portal\\Service and Portal.msi" /qn ADDLOCAL=CommonServices ACCEPT_EULA=1\r
msiexec /x "D:\\Media\\Add-ins and Extensions.msi" /qn\r
exit /b %ERRORLEVEL%\r
`;
  assert.deepEqual(shape(outlineOf('cmd', text, 'install.cmd')), [
    [':enable_tls11', 'label'],
    [':install_service', 'label', [
      ['install Service and Portal.msi', 'unattended, ADDLOCAL=CommonServices'],
      ['uninstall Add-ins and Extensions.msi', 'unattended'],
    ]],
  ]);
});

test('PowerShell: functions (nested too), installs inside them, DSC Package resources; braces in strings do not confuse', () => {
  const text = `function Install-MimService {
    param([string]$Media)
    function Write-Step($m) { Write-Host "step: $m {" }
    Write-Step 'service'
    Start-Process msiexec.exe -ArgumentList "/i \`"$Media\\Service and Portal.msi\`" /qn ACCEPT_EULA=1" -Wait
}

Configuration MimSync {
    Node 'SYNC01' {
        Package MimSync {
            Ensure    = 'Present'
            Path      = 'D:\\Media\\Synchronization Service.msi'
            Name      = 'Microsoft Identity Manager Synchronization Service'
            ProductId = ''
            Arguments = 'ACCEPT_EULA=1'
        }
    }
}
Install-MimService -Media 'D:\\Media'
`;
  assert.deepEqual(shape(outlineOf('powershell', text, 'Install-MIM.ps1')), [
    ['Install-MimService', 'function', [
      ['Write-Step', 'function'],
      ['install Service and Portal.msi', 'unattended'],
    ]],
    ['Package MimSync', 'Synchronization Service.msi'],
  ]);
});
