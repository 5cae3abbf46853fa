@echo off
rem collect-host-evidence.cmd: records what a MIM 2016 SP2 server has, for mim-lint (issue 17).
rem Uses only reg.exe, certutil.exe and cmd itself: it installs nothing and changes nothing.
rem Run it in an elevated Command Prompt on the server:
rem     collect-host-evidence.cmd [output folder]
rem It writes "<COMPUTERNAME>-evidence" in the output folder (default: the current folder):
rem UTF-16LE reg exports of exactly the keys of Microsoft's TLS 1.2 / FIPS guidance, the
rem certutil listing of LocalMachine\My, a copy of the MIM Service config and a manifest.
rem Then, on any machine:  mim-lint report "<COMPUTERNAME>-evidence"
setlocal EnableExtensions EnableDelayedExpansion

set "BASE=%~1"
if not defined BASE set "BASE=%CD%"
set "OUT=%BASE%\%COMPUTERNAME%-evidence"
if not exist "%OUT%\" mkdir "%OUT%"
if not exist "%OUT%\" (
  echo Cannot create "%OUT%". 1>&2
  exit /b 1
)
set "MANIFEST=%OUT%\evidence-manifest.txt"
> "%MANIFEST%" echo mim-lint host evidence
>> "%MANIFEST%" echo Host: %COMPUTERNAME%
>> "%MANIFEST%" echo Date: %DATE% %TIME%
>> "%MANIFEST%" echo Collector: collect-host-evidence.cmd
echo Collecting MIM host evidence in "%OUT%"

rem SCHANNEL protocols and FIPS mode
reg export "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL" "%OUT%\schannel.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL" "schannel.reg"
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy" "%OUT%\lsa-fips.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy" "lsa-fips.reg"

rem .NET Framework TLS settings (v2.0.50727 is what MIM Service reads; WOW6432Node for 32-bit processes)
reg export "HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727" "%OUT%\netfx-v2.0.50727.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727" "netfx-v2.0.50727.reg"
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v2.0.50727" "%OUT%\netfx-v2.0.50727-wow64.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v2.0.50727" "netfx-v2.0.50727-wow64.reg"
reg export "HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319" "%OUT%\netfx-v4.0.30319.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319" "netfx-v4.0.30319.reg"
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319" "%OUT%\netfx-v4.0.30319-wow64.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319" "netfx-v4.0.30319-wow64.reg"

rem .NET Framework 3.5 and 4.x versions
reg export "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v3.5" "%OUT%\ndp-v3.5.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v3.5" "ndp-v3.5.reg"
reg export "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full" "%OUT%\ndp-v4-full.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full" "ndp-v4-full.reg"

rem SQL Server Native Client 11 and OLE DB Driver 18/19 versions
reg export "HKLM\SOFTWARE\Microsoft\SQLNCLI11" "%OUT%\sqlncli11.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\SQLNCLI11" "sqlncli11.reg"
reg export "HKLM\SOFTWARE\Microsoft\MSOLEDBSQL" "%OUT%\msoledbsql.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\MSOLEDBSQL" "msoledbsql.reg"
reg export "HKLM\SOFTWARE\Microsoft\MSOLEDBSQL19" "%OUT%\msoledbsql19.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\MSOLEDBSQL19" "msoledbsql19.reg"

rem The MIM services (ImagePath gives the MIM Service config) and the Sync install path
reg export "HKLM\SYSTEM\CurrentControlSet\Services\FIMService" "%OUT%\fimservice.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SYSTEM\CurrentControlSet\Services\FIMService" "fimservice.reg"
reg export "HKLM\SYSTEM\CurrentControlSet\Services\FIMSynchronizationService" "%OUT%\fimsynchronizationservice.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SYSTEM\CurrentControlSet\Services\FIMSynchronizationService" "fimsynchronizationservice.reg"
reg export "HKLM\SOFTWARE\Microsoft\Forefront Identity Manager\2010\Synchronization Service" "%OUT%\mim-sync-location.reg" /y /reg:64 >nul 2>&1
call :record %errorlevel% "HKLM\SOFTWARE\Microsoft\Forefront Identity Manager\2010\Synchronization Service" "mim-sync-location.reg"

rem The MIM Uninstall entries (matched later on DisplayName, so each build is found whatever its product code)
set /a N=0
for %%U in ("HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall" "HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall") do (
  for /f "delims=" %%K in ('reg query %%U /s /f "Identity Manager" /d /reg:64 2^>nul') do (
    set "KEY=%%K"
    if /i "!KEY:~0,5!"=="HKEY_" (
      set /a N+=1
      reg export "%%K" "%OUT%\uninstall-!N!.reg" /y /reg:64 >nul 2>&1
      call :record !errorlevel! "%%K" "uninstall-!N!.reg"
    )
  )
)
if %N% equ 0 >> "%MANIFEST%" echo Missing: MIM Uninstall entries ^(no DisplayName with "Identity Manager"^)

rem The certificates of LocalMachine\My (Subject and Issuer show a self-signed certificate)
certutil -store My > "%OUT%\certutil-store-my.txt" 2>&1
call :record %errorlevel% "certutil -store My" "certutil-store-my.txt"

rem A copy of the MIM Service config: the FIMService ImagePath plus .config
set "IMAGE="
for /f "tokens=2,*" %%A in ('reg query "HKLM\SYSTEM\CurrentControlSet\Services\FIMService" /v ImagePath /reg:64 2^>nul') do set "IMAGE=%%B"
if not defined IMAGE goto :no_service
set "IMAGE=%IMAGE:"=%"
call set "IMAGE=%IMAGE%"
if not exist "%IMAGE%.config" goto :no_config
copy /y "%IMAGE%.config" "%OUT%\" >nul
call :record %errorlevel% "%IMAGE%.config" "Microsoft.ResourceManagement.Service.exe.config"
goto :done

:no_config
echo   not on this server: "%IMAGE%.config"
>> "%MANIFEST%" echo Missing: %IMAGE%.config
goto :done

:no_service
echo   no MIM Service on this server ^(no FIMService ImagePath^): no config to copy

:done
echo Done. Copy the folder "%OUT%" off the server and run: mim-lint report "%COMPUTERNAME%-evidence"
endlocal
exit /b 0

rem :record <errorlevel> <what was read> <file written>: says what was written, and notes what is missing.
rem No ( ) block here: a path with a parenthesis in it would end the block early.
:record
if not "%~1"=="0" goto :record_missing
echo   wrote %~3
>> "%MANIFEST%" echo Wrote: %~3
goto :eof
:record_missing
echo   not on this server: %~2
>> "%MANIFEST%" echo Missing: %~2
goto :eof
