@echo off
call :harden
powershell -ExecutionPolicy Bypass -File "%~dp0Install-MIMService.ps1" -MediaPath \\fs01\MIM
exit /b %errorlevel%

:harden
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
goto :eof
