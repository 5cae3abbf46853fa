param([string] $SqlServer = 'SQLMIMService')
# SNAC check used by the old runbook
$snac = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\SQLNCLI11' -ErrorAction SilentlyContinue
if ([version]$snac.InstalledVersion -lt [version]'11.0.6020.0') { Write-Warning 'SQL Native Client needs an update' }

$connection = New-Object System.Data.OleDb.OleDbConnection "Provider=SQLOLEDB;Data Source=$SqlServer;Initial Catalog=FIMService;Integrated Security=SSPI"
try {
    $connection.Open()
    Write-Host "FIMService database reachable on $SqlServer"
}
finally {
    $connection.Dispose()
}
