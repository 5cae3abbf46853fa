@echo off
rem Workaround from "Planning MIM 2016 SP2 in TLS 1.2 or FIPS-mode environments":
rem keep TLS 1.1 enabled while running the unattended MIM Service install, then enforce TLS 1.2.
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols

reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 0 /f

call "%~dp0install-mimservice.cmd"

reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
echo Reboot so SCHANNEL changes take effect.
