Configuration MIMHardenedNode
{
    Import-DscResource -ModuleName PSDesiredStateConfiguration

    Node $AllNodes.NodeName
    {
        Package MIMService
        {
            Ensure    = 'Present'
            Name      = 'Microsoft Identity Manager Service and Portal'
            Path      = Join-Path $Node.MediaPath 'Service and Portal\Service and Portal.msi'
            ProductId = ''
            Arguments = 'ADDLOCAL=CommonServices ACCEPT_EULA=1 SQLSERVER_SERVER=SQLMIM SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_DOMAIN=CORP CERTIFICATE_NAME=mimservice.corp.contoso.com'
            DependsOn = '[Registry]DisableTls11Client'
        }

        Registry DisableTls11Client
        {
            Ensure    = 'Present'
            Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'
            ValueName = 'Enabled'
            ValueType = 'Dword'
            ValueData = '0'
        }
    }
}
