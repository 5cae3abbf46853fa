@echo off
setlocal
rem MIM 2016 SP2 - MIM Service and Portal, unattended.
rem Do not run this directly on a TLS 1.2-only server: run it through the wrapper, which keeps
rem TLS 1.1 enabled while the installer runs (Microsoft: preparing-tls).
if "%MEDIA%"=="" set MEDIA=D:\Install\MIM2016SP2
set LOG=C:\MIMInstall\Logs\MIMService.log
if not exist C:\MIMInstall\Logs mkdir C:\MIMInstall\Logs

msiexec.exe /i "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /l*v "%LOG%" ^
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
if errorlevel 1 (
  echo MIM Service install failed with %errorlevel%, see %LOG%
  exit /b 1
)
endlocal
exit /b 0
