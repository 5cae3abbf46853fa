#Requires -RunAsAdministrator
# SQL client prerequisites for MIM 2016 SP2 on a TLS 1.2-only host, as often found in the wild:
# the SNAC threshold is too old and the OLE DB check compares versions as text.
param(
    [string] $Media     = 'D:\MIM2016SP2',
    [string] $SqlServer = 'SQLMIMService'
)
$ErrorActionPreference = 'Stop'

# SQL Server Native Client 11
$snac = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\SQLNCLI11' -ErrorAction SilentlyContinue
if (-not $snac -or [version]$snac.InstalledVersion -lt [version]'11.0.6020.0') {
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$Media\Prereqs\sqlncli.msi`"", '/qn', 'IACCEPTSQLNCLILICENSETERMS=YES'
}

# OLE DB Driver for SQL Server 18
$oledb = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\MSOLEDBSQL' -ErrorAction SilentlyContinue
if (-not $oledb -or $oledb.InstalledVersion -lt '18.2.1.0') {
    Start-Process msiexec.exe -Wait -ArgumentList '/i', "`"$Media\Prereqs\msoledbsql.msi`"", '/qn', 'IACCEPTMSOLEDBSQLLICENSETERMS=YES'
}

# Connectivity test against the MIM Service database server
$connection = New-Object System.Data.OleDb.OleDbConnection "Provider=SQLOLEDB;Data Source=$SqlServer;Initial Catalog=master;Integrated Security=SSPI"
try {
    $connection.Open()
    Write-Host "Connected to $SqlServer"
} finally {
    $connection.Dispose()
}
