@echo off
setlocal
for /f "usebackq eol=; tokens=1,* delims==" %%A in ("%~dp0settings.ini") do set "%%A=%%B"
if not defined MEDIA (
  echo MEDIA is not set in settings.ini
  exit /b 1
)
msiexec /i "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /l*v "%LOGDIR%\svc.log" ^
  ADDLOCAL=CommonServices ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SQLSERVER_SERVER=%SQLSERVER% SQLSERVER_DATABASE=FIMService ^
  SERVICE_ACCOUNT_NAME=%SVCACCOUNT% SERVICE_ACCOUNT_DOMAIN=%DOMAIN% ^
  CERTIFICATE_NAME=%CERTNAME% FIREWALL_CONF=1
