@echo off
setlocal
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
rem TLS 1.1 on for the MIM Service installer (MIM 2016 SP2, preparing-tls)
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 0 /f
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0Install-MIMService.ps1" -MediaPath "D:\MIM2016SP2"
set RC=%errorlevel%
reg add "%P%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
exit /b %RC%
