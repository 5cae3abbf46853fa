param(
    [ValidateSet('Service', 'Sync')] [string] $Role = 'Service',
    [string] $MediaPath = 'D:\MIM2016SP2',
    [string] $SqlServer = 'SQLMIM',
    [string] $LogDir = 'C:\MIMInstall\Logs'
)

function Install-MIMSync {
    $msi = Join-Path $MediaPath 'Synchronization Service\Synchronization Service.msi'
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$msi`"", '/qn', 'ACCEPT_EULA=1', "STORESERVER=$SqlServer",
        'SQLDB=FIMSynchronizationService', 'SERVICEACCOUNT=svcMIMSync', 'SERVICEDOMAIN=CORP', 'FIREWALL_CONF=1'
}

function Install-MIMServiceWithTls11 {
    foreach ($side in 'Client', 'Server') {
        $key = "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\$side"
        New-Item -Path $key -Force | Out-Null
        New-ItemProperty -Path $key -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null
        New-ItemProperty -Path $key -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null
    }
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
        foreach ($side in 'Client', 'Server') {
            $key = "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\$side"
            New-Item -Path $key -Force | Out-Null
            New-ItemProperty -Path $key -Name 'Enabled' -Value 0 -PropertyType DWord -Force | Out-Null
            New-ItemProperty -Path $key -Name 'DisabledByDefault' -Value 1 -PropertyType DWord -Force | Out-Null
        }
    }
}

switch ($Role) {
    'Service' { Install-MIMServiceWithTls11 }
    'Sync'    { Install-MIMSync }
    default   { throw "Unknown role $Role" }
}
