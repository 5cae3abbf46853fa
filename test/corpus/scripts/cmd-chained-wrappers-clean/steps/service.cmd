@echo off
echo === MIM Service and Portal ===
call "%~dp0..\install\install-mimservice.cmd"
if errorlevel 1 exit /b 1
