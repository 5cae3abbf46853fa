@echo off
rem Baseline hardening for MIM hosts (run after the MIM install)
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
for %%V in ("SSL 2.0" "SSL 3.0" "TLS 1.0" "TLS 1.1") do (
  reg add "%P%\%%~V\Client" /v Enabled /t REG_DWORD /d 0 /f
  reg add "%P%\%%~V\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
  reg add "%P%\%%~V\Server" /v Enabled /t REG_DWORD /d 0 /f
  reg add "%P%\%%~V\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
)
reg add "%P%\TLS 1.2\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.2\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
reg add "%P%\TLS 1.2\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "%P%\TLS 1.2\Server" /v DisabledByDefault /t REG_DWORD /d 0 /f
for %%K in (v2.0.50727 v4.0.30319) do (
  reg add "HKLM\SOFTWARE\Microsoft\.NETFramework\%%K" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f
  reg add "HKLM\SOFTWARE\Microsoft\.NETFramework\%%K" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f
  reg add "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\%%K" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f
  reg add "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\%%K" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f
)
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d 1 /f
