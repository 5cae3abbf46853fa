@echo off
rem Remove MIM Service and Portal (rebuild of the node)
set MEDIA=D:\MIM2016SP2
net stop FIMService
msiexec /x "%MEDIA%\Service and Portal\Service and Portal.msi" /qn /norestart /l*v C:\Logs\MIMService-remove.log
if errorlevel 1 echo Removal failed with %errorlevel%
