param([string] $MediaPath = 'D:\MIM2016SP2', [string] $SqlServer = 'SQLMIMService')

function Enable-Tls11 {
    New-Item -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client' -Force | Out-Null
    New-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client' -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null
    New-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client' -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null
    New-Item -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server' -Force | Out-Null
    New-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server' -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null
    New-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server' -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null
}

$msiArgs = @(
    '/i', "`"$MediaPath\Service and Portal\Service and Portal.msi`"",
    '/qn',
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
