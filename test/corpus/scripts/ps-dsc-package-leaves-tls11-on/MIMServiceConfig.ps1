Configuration MIMService
{
    param([string] $MediaPath = 'D:\MIM2016SP2')
    Import-DscResource -ModuleName PSDesiredStateConfiguration
    $schannel = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'

    Node localhost
    {
        Package MIMServiceAndPortal
        {
            Ensure    = 'Present'
            Name      = 'Microsoft Identity Manager Service and Portal'
            Path      = "$MediaPath\Service and Portal\Service and Portal.msi"
            ProductId = ''
            Arguments = 'ADDLOCAL=CommonServices ACCEPT_EULA=1 SQMOPTINSETTING=0 SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_DOMAIN=CORP CERTIFICATE_NAME=mimservice.corp.contoso.com FIREWALL_CONF=1'
            DependsOn = '[Registry]Tls11ClientOn', '[Registry]Tls11ClientDbdOff', '[Registry]Tls11ServerOn'
        }

        Registry Tls11ClientOn
        {
            Key = "$schannel\TLS 1.1\Client"; ValueName = 'Enabled'; ValueType = 'Dword'; ValueData = '1'; Ensure = 'Present'
        }
        Registry Tls11ClientDbdOff
        {
            Key = "$schannel\TLS 1.1\Client"; ValueName = 'DisabledByDefault'; ValueType = 'Dword'; ValueData = '0'; Ensure = 'Present'
        }
        Registry Tls11ServerOn
        {
            Key = "$schannel\TLS 1.1\Server"; ValueName = 'Enabled'; ValueType = 'Dword'; ValueData = '1'; Ensure = 'Present'
        }
    }
}
