$msiArgs = @(
    '/i', '"D:\MIM2016SP2\Service and Portal\Service and Portal.msi"',
    '/qn', '/l*v', 'C:\MIMInstall\Logs\ServiceAndPortal.log',
    'ADDLOCAL=CommonServices,WebPortals,ResetPortal',
    'ACCEPT_EULA=1', 'SQMOPTINSETTING=0',
    'SQLSERVER_SERVER=SQLMIMService', 'SQLSERVER_DATABASE=FIMService', 'EXISTINGDATABASE=0',
    'SERVICE_ACCOUNT_NAME=svcMIMService', 'SERVICE_ACCOUNT_DOMAIN=CORP',
    'SYNCHRONIZATION_SERVER=MIMSYNC01', 'SYNCHRONIZATION_SERVER_ACCOUNT=CORP\svcMIMMA',
    'SERVICEADDRESS=mimservice.corp.contoso.com',
    'CERTIFICATE_NAME=ForefrontIdentityManager',
    'FIREWALL_CONF=1', 'REBOOT=ReallySuppress'
)
Start-Process msiexec.exe -ArgumentList $msiArgs -Wait
