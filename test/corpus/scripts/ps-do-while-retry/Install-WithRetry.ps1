$msi = 'D:\MIM2016SP2\Service and Portal\Service and Portal.msi'
$attempt = 0
do {
    $attempt++
    Write-Host "MIM Service install, attempt $attempt"
    $p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList '/i', "`"$msi`"", '/qn', 'ADDLOCAL=CommonServices', 'ACCEPT_EULA=1',
        'SQLSERVER_SERVER=SQLMIM', 'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
        'CERTIFICATE_NAME=mimservice.corp.contoso.com', 'FIREWALL_CONF=1'
    if ($p.ExitCode -ne 0) { Start-Sleep -Seconds 30 }
} while ($p.ExitCode -ne 0 -and $attempt -lt 3)
