@echo off
rem Step 3 of the runbook: enforce TLS 1.2 again after the MIM Service install.
set K=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1
for %%S in (Client Server) do (
  reg add "%K%\%%S" /v Enabled /t REG_DWORD /d 0 /f >nul
  reg add "%K%\%%S" /v DisabledByDefault /t REG_DWORD /d 1 /f >nul
)
echo TLS 1.1 disabled again. Reboot to apply.
