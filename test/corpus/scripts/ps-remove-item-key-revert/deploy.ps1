[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $MediaPath,
    [string] $SqlServer = 'SQLMIMService',
    [string] $LogDir = 'C:\MIMInstall\Logs'
)
$ErrorActionPreference = 'Stop'

$key = "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
if (-not (Test-Path $key)) { New-Item -Path $key -Force | Out-Null }
Set-ItemProperty -Path $key -Name 'Enabled' -Value 1 -Type DWord
Set-ItemProperty -Path $key -Name 'DisabledByDefault' -Value 0 -Type DWord

$msi = Join-Path $MediaPath 'Service and Portal\Service and Portal.msi'
Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$msi`"", '/qn', 'ADDLOCAL=CommonServices', 'ACCEPT_EULA=1',
    'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP', 'CERTIFICATE_NAME=mimservice.corp.contoso.com'

Remove-Item -Path "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1" -Recurse -Force
