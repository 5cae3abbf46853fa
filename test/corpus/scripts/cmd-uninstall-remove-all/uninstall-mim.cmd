@echo off
setlocal
set MSI=D:\MIM2016SP2\Service and Portal\Service and Portal.msi
msiexec /i "%MSI%" REMOVE=ALL /qn CERTIFICATE_NAME=ForefrontIdentityManager /l*v "%TEMP%\mim-uninstall.log"
echo exit code %errorlevel%
endlocal
