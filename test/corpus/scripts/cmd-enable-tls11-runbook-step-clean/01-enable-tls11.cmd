@echo off
rem Step 1 of the MIM Service change runbook (CHG0042113):
rem   1. run this script      2. install MIM Service and Portal from the wizard
rem   3. run 03-disable-tls11.cmd
set K=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1
for %%S in (Client Server) do (
  reg add "%K%\%%S" /v Enabled /t REG_DWORD /d 1 /f >nul
  reg add "%K%\%%S" /v DisabledByDefault /t REG_DWORD /d 0 /f >nul
)
echo TLS 1.1 enabled. Reboot, then install MIM Service and Portal.
