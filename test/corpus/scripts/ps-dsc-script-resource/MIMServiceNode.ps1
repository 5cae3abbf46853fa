Configuration MIMServiceNode
{
    param(
        [Parameter(Mandatory)] [string] $MediaPath
    )
    Import-DscResource -ModuleName PSDesiredStateConfiguration

    Node 'localhost'
    {
        Script InstallMIMService
        {
            DependsOn  = '[Registry]Tls11ClientOff', '[Registry]Tls11ClientDisabledByDefault'
            GetScript  = { @{ Result = [string](Get-Package -Name 'Microsoft Identity Manager Service and Portal' -ErrorAction SilentlyContinue).Version } }
            TestScript = { [bool](Get-Package -Name 'Microsoft Identity Manager Service and Portal' -ErrorAction SilentlyContinue) }
            SetScript  = {
                $msi = Join-Path $using:MediaPath 'Service and Portal\Service and Portal.msi'
                $arguments = "/i `"$msi`" /qn /l*v C:\MIMInstall\service.log ADDLOCAL=CommonServices ACCEPT_EULA=1 SQLSERVER_SERVER=SQLMIMService SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_DOMAIN=CORP CERTIFICATE_NAME=ForefrontIdentityManager FIREWALL_CONF=1"
                Start-Process msiexec.exe -ArgumentList $arguments -Wait
            }
        }

        Registry Tls11ClientOff
        {
            Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'
            ValueName = 'Enabled'
            ValueType = 'Dword'
            ValueData = '0'
            Ensure    = 'Present'
        }

        Registry Tls11ClientDisabledByDefault
        {
            Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'
            ValueName = 'DisabledByDefault'
            ValueType = 'Dword'
            ValueData = '1'
            Ensure    = 'Present'
        }
    }
}

MIMServiceNode -MediaPath '\\fs01\MIM2016SP2' -OutputPath C:\DSC\MIMServiceNode
