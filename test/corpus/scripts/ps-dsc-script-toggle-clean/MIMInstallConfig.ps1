Configuration MIMInstall
{
    Import-DscResource -ModuleName PSDesiredStateConfiguration

    Node localhost
    {
        Script DisableTls11
        {
            DependsOn  = '[Package]MIMService'
            GetScript  = { @{ Result = 'TLS 1.1' } }
            TestScript = { $false }
            SetScript  = {
                $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'
                New-ItemProperty -Path $key -Name 'Enabled' -Value 0 -PropertyType DWord -Force | Out-Null
                New-ItemProperty -Path $key -Name 'DisabledByDefault' -Value 1 -PropertyType DWord -Force | Out-Null
            }
        }

        Package MIMService
        {
            Ensure    = 'Present'
            Name      = 'Microsoft Identity Manager Service and Portal'
            Path      = 'D:\MIM2016SP2\Service and Portal\Service and Portal.msi'
            ProductId = ''
            Arguments = 'ADDLOCAL=CommonServices ACCEPT_EULA=1 SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_DOMAIN=CORP CERTIFICATE_NAME=mimservice.corp.contoso.com'
            DependsOn = '[Script]EnableTls11'
        }

        Script EnableTls11
        {
            GetScript  = { @{ Result = 'TLS 1.1' } }
            TestScript = { $false }
            SetScript  = {
                $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'
                New-Item -Path $key -Force | Out-Null
                New-ItemProperty -Path $key -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null
                New-ItemProperty -Path $key -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null
            }
        }
    }
}
