@echo off
rem MIM 2016 SP2 hotfix 4.6.673.0 (KB5018333): back up the service config first
copy /y "C:\Program Files\Microsoft Forefront Identity Manager\2010\Service\Microsoft.ResourceManagement.Service.exe.config" C:\Backup\
msiexec /p "%~dp0FIMService_x64_KB5018333.msp" /qn /l*v C:\Logs\hotfix-service.log REBOOT=ReallySuppress
