<#
.SYNOPSIS
  Installs MIM 2016 SP2 Service and Portal unattended. Called by the node build wrapper.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $MediaPath,
    [string] $LogPath = 'C:\MIMInstall\Logs'
)
$ErrorActionPreference = 'Stop'

$msi = Join-Path $MediaPath 'Service and Portal\Service and Portal.msi'
$arguments = @(
    '/i', "`"$msi`"",
    '/qn', '/l*v', "`"$LogPath\MIMService.log`"",
    'ADDLOCAL=CommonServices,WebPortals',
    'ACCEPT_EULA=1', 'SQMOPTINSETTING=0',
    'SQLSERVER_SERVER=SQLMIMService', 'SQLSERVER_DATABASE=FIMService', 'EXISTINGDATABASE=0',
    'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
    'SYNCHRONIZATION_SERVER=MIMSYNC01', 'SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA',
    'SERVICEADDRESS=mimservice.corp.contoso.com',
    'CERTIFICATE_NAME=mimservice.corp.contoso.com',
    'SHAREPOINT_URL=https://mimportal.corp.contoso.com', 'SHAREPOINTUSERS_CONF=1',
    'FIREWALL_CONF=1', 'REBOOT=ReallySuppress'
)
$process = Start-Process -FilePath msiexec.exe -ArgumentList $arguments -Wait -PassThru
if ($process.ExitCode -notin 0, 3010) {
    throw "Service and Portal.msi failed with exit code $($process.ExitCode)"
}
