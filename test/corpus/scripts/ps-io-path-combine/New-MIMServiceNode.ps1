param([string] $Media = $env:MIM_MEDIA)

$package = [System.IO.Path]::Combine($Media, 'Service and Portal', 'Service and Portal.msi')
& msiexec.exe /i $package /qn /norestart ADDLOCAL=CommonServices ACCEPT_EULA=1 SQMOPTINSETTING=0 `
    SQLSERVER_SERVER=SQLMIM SQLSERVER_DATABASE=FIMService `
    SERVICE_ACCOUNT_NAME=svcMIMService SERVICE_ACCOUNT_DOMAIN=CORP `
    SERVICEADDRESS=mimservice.corp.contoso.com CERTIFICATE_NAME=mimservice.corp.contoso.com FIREWALL_CONF=1
if ($LASTEXITCODE -ne 0) { throw "msiexec returned $LASTEXITCODE" }
