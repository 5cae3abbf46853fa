@echo off
rem Node build: harden first, then install MIM Service
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
for %%V in ("SSL 3.0" "TLS 1.0") do (
  reg add "%P%\%%~V\Client" /v Enabled /t REG_DWORD /d 0 /f
  reg add "%P%\%%~V\Server" /v Enabled /t REG_DWORD /d 0 /f
)
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
call "%~dp0install-mimservice.cmd"
