@echo off
setlocal
set MEDIA=D:\MIM2016SP2
msiexec /q /i "%MEDIA%\Synchronization Service\Synchronization Service.msi" ACCEPT_EULA=1 /l*v C:\Logs\sync.log ^
  STORESERVER=SQLMIMSync SQLDB=FIMSynchronizationService ^
  SERVICEACCOUNT=svcMIMSync SERVICEPASSWORD="%SYNCPWD%" SERVICEDOMAIN=CORP ^
  GROUPADMINS=CORP\MIMSyncAdmins GROUPOPERATORS=CORP\MIMSyncOperators ^
  GROUPACCOUNTJOINERS=CORP\MIMSyncJoiners GROUPBROWSE=CORP\MIMSyncBrowse GROUPPASSWORDSET=CORP\MIMSyncPasswordSet ^
  FIREWALL_CONF=1 REBOOT=ReallySuppress
if errorlevel 1 exit /b 1
endlocal
