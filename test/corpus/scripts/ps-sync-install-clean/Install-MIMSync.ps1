#Requires -RunAsAdministrator
param(
    [string] $Media     = 'D:\MIM2016SP2',
    [string] $SqlServer = 'SQLMIMSync',
    [pscredential] $SyncAccount = (Get-Credential -Message 'MIM Sync service account (CORP\svcMIMSync)')
)
$ErrorActionPreference = 'Stop'

foreach ($ver in 'v2.0.50727', 'v4.0.30319') {
    foreach ($root in 'HKLM:\SOFTWARE\Microsoft\.NETFramework', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework') {
        $key = Join-Path $root $ver
        New-Item -Path $key -Force | Out-Null
        New-ItemProperty -Path $key -Name 'SystemDefaultTlsVersions' -Value 1 -PropertyType DWord -Force | Out-Null
        New-ItemProperty -Path $key -Name 'SchUseStrongCrypto'       -Value 1 -PropertyType DWord -Force | Out-Null
    }
}

$snac = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\SQLNCLI11' -ErrorAction SilentlyContinue
if (-not $snac -or [version]$snac.InstalledVersion -lt [version]'11.4.7001.0') {
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$Media\Prereqs\sqlncli.msi`"", '/qn', 'IACCEPTSQLNCLILICENSETERMS=YES'
}

$net = $SyncAccount.GetNetworkCredential()
$msiArgs = @(
    '/i', "`"$Media\Synchronization Service\Synchronization Service.msi`"",
    '/qn', '/l*v', 'C:\MIMInstall\Logs\SyncService.log',
    'ACCEPT_EULA=1', 'ADDLOCAL=ALL', 'SQMOPTINSETTING=0', 'FIREWALL_CONF=1',
    "STORESERVER=$SqlServer", 'SQLDB=FIMSynchronizationService',
    "SERVICEACCOUNT=$($net.UserName)", "SERVICEPASSWORD=`"$($net.Password)`"", "SERVICEDOMAIN=$($net.Domain)",
    'GROUPADMINS=CORP\MIMSyncAdmins', 'GROUPOPERATORS=CORP\MIMSyncOperators',
    'REBOOT=ReallySuppress'
)
$p = Start-Process msiexec.exe -ArgumentList $msiArgs -Wait -PassThru
if ($p.ExitCode -notin 0, 3010) { throw "Synchronization Service.msi failed: $($p.ExitCode)" }
