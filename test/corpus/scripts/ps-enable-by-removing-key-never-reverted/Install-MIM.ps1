#Requires -RunAsAdministrator
$ErrorActionPreference = 'Stop'
$media = '\\fileserver\software$\MIM2016SP2'

Write-Host 'Removing TLS 1.1 hardening for the installer...'
Remove-Item -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1' -Recurse -Force

& msiexec.exe /i "$media\Service and Portal\Service and Portal.msi" /qn ADDLOCAL=CommonServices SQLSERVER_SERVER=SQLMIM01 CERTIFICATE_NAME=mimservice.contoso.com /l*v C:\Temp\mimsvc.log | Out-Null
Write-Host "msiexec exit code $LASTEXITCODE"
