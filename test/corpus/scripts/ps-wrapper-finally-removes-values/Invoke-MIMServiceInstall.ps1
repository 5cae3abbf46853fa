$tls11Client = "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
New-Item -Path $tls11Client -Force | Out-Null
New-ItemProperty -Path $tls11Client -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null
New-ItemProperty -Path $tls11Client -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null
try {
    & "$PSScriptRoot\install-mimservice.cmd"
}
finally {
    # back to the defaults
    Remove-ItemProperty -Path $tls11Client -Name 'Enabled' -ErrorAction SilentlyContinue
    Remove-ItemProperty -Path $tls11Client -Name 'DisabledByDefault' -ErrorAction SilentlyContinue
}
