#Requires -RunAsAdministrator
param(
    [string] $Media     = 'D:\MIM2016SP2',
    [string] $SqlServer = 'SQLMIMSync',
    [pscredential] $SyncAccount = (Get-Credential -Message 'MIM Sync service account (CORP\svcMIMSync)')
)
$ErrorActionPreference = 'Stop'

# 1. .NET 3.5 + 4.x: let the OS choose TLS (v2.0.50727 = .NET 3.5 / MIM Service, v4.0.30319 = MIM Sync)
foreach ($ver in 'v2.0.50727', 'v4.0.30319') {
    foreach ($root in 'HKLM:\SOFTWARE\Microsoft\.NETFramework', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework') {
        $key = Join-Path $root $ver
        New-Item -Path $key -Force | Out-Null
        New-ItemProperty -Path $key -Name 'SystemDefaultTlsVersions' -Value 1 -PropertyType DWord -Force | Out-Null
        New-ItemProperty -Path $key -Name 'SchUseStrongCrypto'       -Value 1 -PropertyType DWord -Force | Out-Null
    }
}

# 2. SQL Native Client 11 (MIM Sync + SQL MA need 11.0.7001.0+; the QFE MSI registers as 11.4.7001.0)
$snac = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\SQLNCLI11' -ErrorAction SilentlyContinue
if (-not $snac -or [version]$snac.InstalledVersion -lt [version]'11.4.7001.0') {
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$Media\Prereqs\sqlncli.msi`"", '/qn', 'IACCEPTSQLNCLILICENSETERMS=YES'
}

# 3. OLE DB Driver 18 (MIM Service installer needs 18.2+; harmless on the Sync box)
$oledb = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\MSOLEDBSQL' -ErrorAction SilentlyContinue
if (-not $oledb -or [version]$oledb.InstalledVersion -lt [version]'18.2.1.0') {
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$Media\Prereqs\msoledbsql.msi`"", '/qn', 'IACCEPTMSOLEDBSQLLICENSETERMS=YES'
}

# 4. MIM Synchronization Service
$net = $SyncAccount.GetNetworkCredential()
$msiArgs = @(
    '/i', "`"$Media\Synchronization Service\Synchronization Service.msi`"",
    '/qn', '/l*v', 'C:\MIMInstall\Logs\SyncService.log',
    'ACCEPT_EULA=1', 'ADDLOCAL=ALL', 'SQMOPTINSETTING=0', 'FIREWALL_CONF=1',
    "STORESERVER=$SqlServer", 'SQLDB=FIMSynchronizationService',
    "SERVICEACCOUNT=$($net.UserName)", "SERVICEPASSWORD=`"$($net.Password)`"", "SERVICEDOMAIN=$($net.Domain)",
    'GROUPADMINS=CORP\MIMSyncAdmins', 'GROUPOPERATORS=CORP\MIMSyncOperators',
    'GROUPACCOUNTJOINERS=CORP\MIMSyncJoiners', 'GROUPBROWSE=CORP\MIMSyncBrowse',
    'GROUPPASSWORDSET=CORP\MIMSyncPasswordSet',
    'REBOOT=ReallySuppress'
)
$p = Start-Process msiexec.exe -ArgumentList $msiArgs -Wait -PassThru
if ($p.ExitCode -notin 0, 3010) { throw "Synchronization Service.msi failed: $($p.ExitCode)" }
