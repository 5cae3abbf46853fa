@echo off
setlocal EnableExtensions
rem ==== MIM 2016 SP2 service node: harden SCHANNEL, then install MIM Service ====
set SCH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols
set MEDIA=\\fs01\Software\MIM2016SP2
set LOGDIR=C:\MIMInstall\Logs

call :harden
call :install
if errorlevel 1 goto :failed
echo Done.
goto :eof

:install
echo Installing MIM Service and Portal...
msiexec /i "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /l*v "%LOGDIR%\service.log" ^
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
exit /b %errorlevel%

:harden
echo Disabling SSL 3.0, TLS 1.0 and TLS 1.1...
for %%S in (Client Server) do (
  reg add "%SCH%\SSL 3.0\%%S" /v Enabled /t REG_DWORD /d 0 /f >nul
  reg add "%SCH%\TLS 1.0\%%S" /v Enabled /t REG_DWORD /d 0 /f >nul
)
reg add "%SCH%\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "%SCH%\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "%SCH%\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "%SCH%\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
goto :eof

:failed
echo Install failed, see %LOGDIR%\service.log
exit /b 1
