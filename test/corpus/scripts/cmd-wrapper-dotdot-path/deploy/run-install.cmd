@echo off
rem Wrapper: MIM 2016 SP2 workaround for TLS 1.2-only servers
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 0 /f

call "%~dp0..\install\install-mimservice.cmd"
set RC=%errorlevel%

reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
exit /b %RC%
