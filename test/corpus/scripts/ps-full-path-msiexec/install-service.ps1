$msiexec = "$env:SystemRoot\System32\msiexec.exe"
& $msiexec /i 'D:\MIM2016SP2\Service and Portal\Service and Portal.msi' /qn /l*v C:\Logs\svc.log ADDLOCAL=CommonServices ACCEPT_EULA=1 SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_DOMAIN=CORP CERTIFICATE_NAME=mimservice.corp.contoso.com
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
