param([string] $MediaPath = 'D:\MIM2016SP2', [switch] $ByPackage)
$msi = Join-Path $MediaPath 'Service and Portal\Service and Portal.msi'
if ($ByPackage) {
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$msi`"", 'REMOVE=ALL', '/qn', '/norestart'
}
else {
    Start-Process msiexec.exe -Wait -ArgumentList '/x', "`"$msi`"", '/qn', '/norestart'
}
