param(
    [string] $MediaPath = 'D:\MIM2016SP2',
    [Parameter(Mandatory)] [string] $CertificateSubject
)
$tls11 = "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
foreach ($side in 'Client', 'Server') {
    New-Item "$tls11\$side" -Force | Out-Null
    Set-ItemProperty "$tls11\$side" -Name Enabled -Value 1 -Type DWord
    Set-ItemProperty "$tls11\$side" -Name DisabledByDefault -Value 0 -Type DWord
}

Start-Process msiexec.exe -Wait -ArgumentList @(
    '/i', "`"$MediaPath\Service and Portal\Service and Portal.msi`"", '/qn',
    'ADDLOCAL=CommonServices,WebPortals', 'ACCEPT_EULA=1',
    'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
    "CERTIFICATE_NAME=$CertificateSubject", 'FIREWALL_CONF=1'
)

foreach ($side in 'Client', 'Server') {
    Set-ItemProperty "$tls11\$side" -Name Enabled -Value 0 -Type DWord
    Set-ItemProperty "$tls11\$side" -Name DisabledByDefault -Value 1 -Type DWord
}
