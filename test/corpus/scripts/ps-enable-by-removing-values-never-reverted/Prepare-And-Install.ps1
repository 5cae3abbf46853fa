<#
    Prepare-And-Install.ps1 - TLS 1.2-only MIM Service host.
    The hardening baseline sets TLS 1.1 Enabled=0/DisabledByDefault=1; the installer needs TLS 1.1,
    so we clear the baseline values (Windows default = TLS 1.1 on) before installing.
#>
param([string]$Media = (Join-Path $PSScriptRoot 'media'))

$tls11 = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1'
foreach ($side in 'Client', 'Server') {
    Remove-ItemProperty -Path "$tls11\$side" -Name Enabled, DisabledByDefault -ErrorAction SilentlyContinue
}

$msi = Join-Path $Media 'Service and Portal\Service and Portal.msi'
$log = Join-Path $env:TEMP 'MIMService-install.log'
$proc = Start-Process -FilePath 'msiexec.exe' -ArgumentList "/i `"$msi`" /qn /norestart /l*v `"$log`" ADDLOCAL=CommonServices,WebPortals SQLSERVER_SERVER=SQLMIM01 CERTIFICATE_NAME=mimservice.contoso.com" -Wait -PassThru
if ($proc.ExitCode -ne 0 -and $proc.ExitCode -ne 3010) {
    Write-Error "Install failed ($($proc.ExitCode)), see $log"
    exit 1
}
Write-Host 'MIM Service installed.'
