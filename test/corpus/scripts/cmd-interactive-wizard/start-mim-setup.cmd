@echo off
rem Interactive: pick the CA certificate in the wizard (TLS 1.2-only host)
msiexec /i "D:\MIM2016SP2\Service and Portal\Service and Portal.msi" /lvxi* C:\MIMInstall\log.txt
