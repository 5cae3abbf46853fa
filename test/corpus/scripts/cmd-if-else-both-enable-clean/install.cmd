@echo off
setlocal
set K=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client
if /i "%PROCESSOR_ARCHITEW6432%"=="AMD64" (
  rem 32-bit cmd on a 64-bit host: write the 64-bit view
  reg add "%K%" /v Enabled /t REG_DWORD /d 1 /f /reg:64
  reg add "%K%" /v DisabledByDefault /t REG_DWORD /d 0 /f /reg:64
) else (
  reg add "%K%" /v Enabled /t REG_DWORD /d 1 /f
  reg add "%K%" /v DisabledByDefault /t REG_DWORD /d 0 /f
)
msiexec /i "D:\MIM2016SP2\Service and Portal\Service and Portal.msi" /qn ^
  ADDLOCAL=CommonServices,WebPortals ^
  ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService EXISTINGDATABASE=0 ^
  MAIL_SERVER=smtp.corp.contoso.com MAIL_SERVER_USE_SSL=1 MAIL_SERVER_IS_EXCHANGE=0 POLL_EXCHANGE_ENABLED=0 ^
  SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_PASSWORD="%SVC_PWD%" SERVICE_ACCOUNT_DOMAIN=CORP ^
  SERVICE_ACCOUNT_EMAIL=svcMIMService@corp.contoso.com ^
  SYNCHRONIZATION_SERVER=MIMSYNC01 SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA ^
  SERVICEADDRESS=mimservice.corp.contoso.com ^
  CERTIFICATE_NAME=mimservice.corp.contoso.com ^
  SHAREPOINT_URL=https://mimportal.corp.contoso.com SHAREPOINTUSERS_CONF=1 ^
  FIREWALL_CONF=1 REBOOT=ReallySuppress
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
endlocal
