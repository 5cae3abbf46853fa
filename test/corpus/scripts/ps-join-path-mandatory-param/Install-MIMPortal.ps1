param(
    [Parameter(Mandatory = $true)]
    [ValidateScript({ Test-Path $_ })]
    [string] $MediaPath,
    [Parameter(Mandatory = $true)]
    [pscredential] $ServiceAccount
)

$msi = Join-Path -Path $MediaPath -ChildPath 'Service and Portal\Service and Portal.msi'
$log = Join-Path $env:TEMP 'MIMServiceAndPortal.log'
$net = $ServiceAccount.GetNetworkCredential()

$arguments = @(
    '/i', "`"$msi`"", '/qn', '/l*v', "`"$log`"",
    'ADDLOCAL=CommonServices,WebPortals', 'ACCEPT_EULA=1', 'SQMOPTINSETTING=0',
    'SQLSERVER_SERVER=SQLMIMService', 'SQLSERVER_DATABASE=FIMService', 'EXISTINGDATABASE=0',
    "SERVICE_ACCOUNT_NAME=$($net.UserName)", "SERVICE_ACCOUNT_PASSWORD=`"$($net.Password)`"", "SERVICE_ACCOUNT_DOMAIN=$($net.Domain)",
    'SYNCHRONIZATION_SERVER=MIMSYNC01', 'SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA', 'SERVICEADDRESS=mimservice.corp.contoso.com',
    'CERTIFICATE_NAME=ForefrontIdentityManager', 'SHAREPOINT_URL=https://mimportal.corp.contoso.com', 'SHAREPOINTUSERS_CONF=1', 'FIREWALL_CONF=1'
)
Start-Process -FilePath msiexec.exe -ArgumentList $arguments -Wait
