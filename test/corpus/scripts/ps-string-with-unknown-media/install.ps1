$media = $env:MIM_MEDIA
if (-not $media) { $media = Read-Host 'MIM media folder' }
$msi = "$media\Service and Portal\Service and Portal.msi"
Start-Process msiexec -Wait -ArgumentList '/i', "`"$msi`"", '/quiet', 'ADDLOCAL=CommonServices', 'ACCEPT_EULA=1',
    'SQLSERVER_SERVER=SQLMIM', 'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
    'CERTIFICATE_NAME=mimservice.corp.contoso.com', 'FIREWALL_CONF=1'
