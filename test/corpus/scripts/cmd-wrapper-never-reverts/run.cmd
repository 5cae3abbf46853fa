@echo off
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
call "%~dp0install-mimservice.cmd"
if errorlevel 1 echo MIM Service install failed
echo Done.
