$schannel = "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
foreach ($protocol in 'TLS 1.0', 'TLS 1.1') {
    foreach ($side in 'Client', 'Server') {
        $key = Join-Path $schannel "$protocol\$side"
        New-Item -Path $key -Force | Out-Null
        New-ItemProperty -Path $key -Name 'Enabled' -Value 0 -PropertyType DWord -Force | Out-Null
        New-ItemProperty -Path $key -Name 'DisabledByDefault' -Value 1 -PropertyType DWord -Force | Out-Null
    }
}
Start-Process msiexec.exe -Wait -ArgumentList '/i', '"D:\MIM2016SP2\Service and Portal\Service and Portal.msi"', '/qn',
    'ADDLOCAL=CommonServices', 'ACCEPT_EULA=1', 'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
    'CERTIFICATE_NAME=mimservice.corp.contoso.com', 'FIREWALL_CONF=1'
