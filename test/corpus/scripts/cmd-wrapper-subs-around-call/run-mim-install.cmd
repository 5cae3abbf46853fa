@echo off
setlocal
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
call :tls11_on
call "%~dp0install-mimservice.cmd"
set RC=%errorlevel%
call :tls11_off
exit /b %RC%

:tls11_off
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
exit /b 0

:tls11_on
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 0 /f
exit /b 0
