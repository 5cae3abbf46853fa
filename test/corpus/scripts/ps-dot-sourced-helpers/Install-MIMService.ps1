[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $MediaPath,
    [string] $SqlServer = 'SQLMIMService',
    [string] $LogDir = 'C:\MIMInstall\Logs'
)
$ErrorActionPreference = 'Stop'

. "$PSScriptRoot\TlsHelpers.ps1"

Enable-Tls11
try {
    $msi = Join-Path $MediaPath 'Service and Portal\Service and Portal.msi'
    $msiArgs = @(
        '/i', "`"$msi`"", '/qn',
        'ADDLOCAL=CommonServices,WebPortals',
        'ACCEPT_EULA=1', 'SQMOPTINSETTING=0',
        "SQLSERVER_SERVER=$SqlServer", 'SQLSERVER_DATABASE=FIMService', 'EXISTINGDATABASE=0',
        'MAIL_SERVER=smtp.corp.contoso.com', 'MAIL_SERVER_USE_SSL=1', 'MAIL_SERVER_IS_EXCHANGE=0', 'POLL_EXCHANGE_ENABLED=0',
        'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
        'SYNCHRONIZATION_SERVER=MIMSYNC01', 'SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA',
        'SERVICEADDRESS=mimservice.corp.contoso.com',
        'CERTIFICATE_NAME=mimservice.corp.contoso.com',
        'SHAREPOINT_URL=https://mimportal.corp.contoso.com', 'SHAREPOINTUSERS_CONF=1',
        'FIREWALL_CONF=1', 'REBOOT=ReallySuppress'
    )
    Start-Process msiexec.exe -ArgumentList $msiArgs -Wait
}
finally {
    Disable-Tls11
}
