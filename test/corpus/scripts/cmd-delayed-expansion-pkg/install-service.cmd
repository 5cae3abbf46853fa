@echo off
setlocal EnableDelayedExpansion
if not defined MEDIA set "MEDIA=\\deploy01\MIM\2016SP2"
set "PKG=!MEDIA!\Service and Portal\Service and Portal.msi"
set "LOG=C:\Windows\Temp\MIMService_!COMPUTERNAME!.log"
echo Installing !PKG!
msiexec /i "!PKG!" /qn /l*v "!LOG!" ^
  ADDLOCAL=CommonServices ^
  ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SQLSERVER_SERVER=SQLMIM SQLSERVER_DATABASE=FIMService EXISTINGDATABASE=1 ^
  SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_PASSWORD="!SVCPWD!" SERVICE_ACCOUNT_DOMAIN=CORP ^
  SYNCHRONIZATION_SERVER=MIMSYNC01 SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA ^
  SERVICEADDRESS=mimservice.corp.contoso.com ^
  CERTIFICATE_NAME=ForefrontIdentityManager ^
  FIREWALL_CONF=1 REBOOT=ReallySuppress
if !errorlevel! neq 0 echo install failed: !errorlevel!
endlocal
