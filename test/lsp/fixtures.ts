// Documents for the protocol tests, with CRLF line ends as on the Windows hosts they come from, and a
// non-ASCII comment (an astral character is two UTF-16 units) ahead of the ranges under test.
export const serviceConfigUri = 'file:///srv/MIM/Service/Microsoft.ResourceManagement.Service.exe.config';

export const serviceConfigWithoutFipsPolicy = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <!-- Geändert für FIPS 🔒 -->',
  '  <resourceManagementService externalHostName="mimservice.corp.contoso.com" />',
  '  <runtime>',
  '    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">',
  '      <dependentAssembly>',
  '        <assemblyIdentity name="Microsoft.ResourceManagement" publicKeyToken="31bf3856ad364e35" culture="neutral" />',
  '        <bindingRedirect oldVersion="4.0.0.0-4.1.3418.0" newVersion="4.1.3419.0" />',
  '      </dependentAssembly>',
  '    </assemblyBinding>',
  '  </runtime>',
  '</configuration>',
  '',
].join('\r\n');

export const malformedServiceConfig = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <runtime>',
  '    <enforceFIPSPolicy enabled="false">',
  '  </runtime>',
  '</configuration>',
  '',
].join('\r\n');

export const fipsOn = () => ({ enable: true, host: { fips: 'on', tls12Only: 'auto' } });
export const fipsOff = () => ({ enable: true, host: { fips: 'off', tls12Only: 'auto' } });
