@echo off
setlocal
rem MIM 2016 SP2 - MIM Service + Portal, unattended
set MEDIA=D:\MIM2016SP2
set LOG=C:\MIMInstall\Logs\ServiceAndPortal.log

rem TLS 1.2 only: switch TLS 1.1 client off before installing
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f

msiexec.exe /i "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /l*v "%LOG%" ^
  ADDLOCAL=CommonServices,WebPortals,ResetPortal ^
  ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService EXISTINGDATABASE=0 ^
  MAIL_SERVER=smtp.corp.contoso.com MAIL_SERVER_USE_SSL=0 MAIL_SERVER_IS_EXCHANGE=0 POLL_EXCHANGE_ENABLED=0 ^
  SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_PASSWORD="Pa$$w0rd!" SERVICE_ACCOUNT_DOMAIN=CORP ^
  SERVICE_ACCOUNT_EMAIL=svcMIMService@corp.contoso.com ^
  SYNCHRONIZATION_SERVER=MIMSYNC01 SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA ^
  SERVICEADDRESS=mimservice.corp.contoso.com ^
  CERTIFICATE_NAME=ForefrontIdentityManager ^
  SHAREPOINT_URL=https://mimportal.corp.contoso.com SHAREPOINTUSERS_CONF=1 ^
  RESET_ACCOUNT=CORP\svcMIMSSPR RESET_ACCOUNT_PASSWORD="Pa$$w0rd!" RESET_HOSTNAME=passwordreset.corp.contoso.com ^
  RESET_PORT=443 RESET_SERVERNAME=mimservice.corp.contoso.com IS_RESET_EXTRANET=Extranet RESET_FIREWALL_CONF=1 ^
  FIREWALL_CONF=1 REBOOT=ReallySupress
if errorlevel 1 echo Install failed with %errorlevel% & exit /b %errorlevel%
endlocal
