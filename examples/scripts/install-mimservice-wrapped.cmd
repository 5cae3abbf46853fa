@echo off
setlocal
rem MIM 2016 SP2 - MIM Service only, unattended. Run it through reenable-tls11-for-install.bat,
rem which keeps TLS 1.1 enabled around this install (Microsoft's documented workaround).
rem CERTIFICATE_NAME names a certificate issued by the contoso CA, not the self-signed default.
set MEDIA=D:\MIM2016SP2
set LOG=C:\MIMInstall\Logs\MIMService.log

msiexec.exe /i "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /l*v "%LOG%" ^
  ADDLOCAL=CommonServices ^
  ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService EXISTINGDATABASE=0 ^
  MAIL_SERVER=smtp.corp.contoso.com MAIL_SERVER_USE_SSL=1 MAIL_SERVER_IS_EXCHANGE=0 POLL_EXCHANGE_ENABLED=0 ^
  SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_PASSWORD="Pa$$w0rd!" SERVICE_ACCOUNT_DOMAIN=CORP ^
  SERVICE_ACCOUNT_EMAIL=svcMIMService@corp.contoso.com ^
  SYNCHRONIZATION_SERVER=MIMSYNC01 SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA ^
  SERVICEADDRESS=mimservice.corp.contoso.com ^
  CERTIFICATE_NAME=mimservice.corp.contoso.com ^
  FIREWALL_CONF=1 REBOOT=ReallySuppress
if errorlevel 1 echo Install failed with %errorlevel% & exit /b %errorlevel%
endlocal
