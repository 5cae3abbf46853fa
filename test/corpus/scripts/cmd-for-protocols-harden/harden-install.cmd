@echo off
set P=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
for %%V in ("TLS 1.0" "TLS 1.1") do (
  reg add "%P%\%%~V\Client" /v Enabled /t REG_DWORD /d 0 /f
  reg add "%P%\%%~V\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
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
