@echo off
rem Portal front end: MIM Service runs on MIMSVC01
msiexec /i "D:\MIM2016SP2\Service and Portal\Service and Portal.msi" /qn /l*v C:\Logs\portal.log ^
  ADDLOCAL=WebPortals ACCEPT_EULA=1 SQMOPTINSETTING=0 ^
  SERVICEADDRESS=mimsvc01.corp.contoso.com ^
  SHAREPOINT_URL=https://mimportal.corp.contoso.com SHAREPOINTUSERS_CONF=1 ^
  FIREWALL_CONF=1 REBOOT=ReallySuppress
