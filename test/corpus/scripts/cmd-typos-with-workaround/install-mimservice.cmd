@echo off
setlocal
set MEDIA=D:\MIM2016SP2
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 1 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 0 /f
msiexec.exe /i "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /l*v C:\Logs\svc.log ^
  ADDLOCAL=CommonServices,WebPortals ^
  ACCEPT_EULA=1 SQMOPTINTSETTING=0 ^
  SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService EXISTINGDATABASE=0 ^
  SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_PASSWORD="%SVCPWD%" SERVICE_ACCOUNT_DOMAIN=CORP ^
  SYNCHRONIZATION_SERVER=MIMSYNC01 SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA ^
  SERVICEADDRESS=mimservice.corp.contoso.com ^
  CERTIFICATE_NAME=ForefrontIdentityManager ^
  FIREWALL_CONF=1 REBOOT=ReallySupress
if errorlevel 1 echo Install failed with %errorlevel%
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server" /v DisabledByDefault /t REG_DWORD /d 1 /f
endlocal
