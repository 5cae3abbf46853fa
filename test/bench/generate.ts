// Realistic inputs of a chosen size for the benchmarks: MIM Service configs with many binding
// redirects and trace sources, install scripts and a registry export, built deterministically.

export function serviceConfig(targetBytes: number): string {
  const head =
    '<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n  <configSections>\r\n' +
    '    <section name="resourceManagementService" type="Microsoft.ResourceManagement.Controller.Configuration.ResourceManagementServiceSection, Microsoft.ResourceManagement.Service" />\r\n' +
    '  </configSections>\r\n  <resourceManagementService externalHostName="mimservice.corp.contoso.com" dataReadTimeoutInSeconds="58" />\r\n' +
    '  <appSettings>\r\n';
  const middle = '  </appSettings>\r\n  <runtime>\r\n    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">\r\n';
  const tail = '    </assemblyBinding>\r\n  </runtime>\r\n</configuration>\r\n';
  const settings: string[] = [];
  const redirects: string[] = [];
  let size = head.length + middle.length + tail.length;
  for (let i = 0; size < targetBytes; i++) {
    const setting = `    <add key="Setting.${i}" value="value &amp; more ${i}" /><!-- note ${i} -->\r\n`;
    const redirect =
      '      <dependentAssembly>\r\n' +
      `        <assemblyIdentity name="Contoso.Extension${i}" publicKeyToken="31bf3856ad364e35" culture="neutral" />\r\n` +
      `        <bindingRedirect oldVersion="4.0.0.0-4.1.${i}.0" newVersion="4.1.${i + 1}.0" />\r\n` +
      '      </dependentAssembly>\r\n';
    settings.push(setting);
    redirects.push(redirect);
    size += setting.length + redirect.length;
  }
  return head + settings.join('') + middle + redirects.join('') + tail;
}

export function cmdScript(targetBytes: number): string {
  const lines: string[] = ['@echo off', 'setlocal', 'set MEDIA=D:\\MIM2016SP2', 'set P=HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const block = [
      `rem step ${i}`,
      `reg add "%P%\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d ${i % 2} /f`,
      `msiexec.exe /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v "C:\\Logs\\${i}.log" ^`,
      `  ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1 SQMOPTINSETTING=0 REBOOT=ReallySuppress`,
      'if errorlevel 1 echo failed & exit /b 1',
    ].join('\r\n');
    lines.push(block);
    size += block.length + 2;
  }
  return lines.join('\r\n') + '\r\n';
}

export function powerShellScript(targetBytes: number): string {
  const lines: string[] = ["param([string] $Media = 'D:\\MIM2016SP2')", "$ErrorActionPreference = 'Stop'"];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const block = [
      `# step ${i}`,
      `$key${i % 10} = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.${i % 3}\\Client'`,
      `New-Item -Path $key${i % 10} -Force | Out-Null`,
      `New-ItemProperty -Path $key${i % 10} -Name 'Enabled' -Value 0 -PropertyType DWord -Force | Out-Null`,
      `$msiArgs = @('/i', "\`"$Media\\Synchronization Service\\Synchronization Service.msi\`"", '/qn', 'ACCEPT_EULA=1', "SQLDB=FIM${i}")`,
      'Start-Process msiexec.exe -ArgumentList $msiArgs -Wait',
    ].join('\r\n');
    lines.push(block);
    size += block.length + 2;
  }
  return lines.join('\r\n') + '\r\n';
}

export function registryExport(targetBytes: number): string {
  const lines: string[] = ['Windows Registry Editor Version 5.00', ''];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const block = [
      `; block ${i}`,
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Settings${i}]`,
      `"Enabled"=dword:0000000${i % 2}`,
      `"Name"="value ${i} with \\"quotes\\""`,
      '"Binary"=hex(7):41,00,42,00,00,00,\\',
      '  43,00,00,00,00,00',
      '',
    ].join('\r\n');
    lines.push(block);
    size += block.length + 2;
  }
  return lines.join('\r\n');
}

/** A host's hardening export: only TLS 1.2 left (client and server), FIPS mode on. */
export function hardeningExport(): string {
  const schannel = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const protocol of ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2']) {
    for (const side of ['Client', 'Server']) {
      const on = protocol === 'TLS 1.2';
      lines.push(`[${schannel}\\${protocol}\\${side}]`, `"Enabled"=dword:0000000${on ? 1 : 0}`, `"DisabledByDefault"=dword:0000000${on ? 0 : 1}`, '');
    }
  }
  lines.push('[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy]', '"Enabled"=dword:00000001', '');
  return lines.join('\r\n');
}
