// Completion in the MIM Service config (enforceFIPSPolicy as a direct child of <runtime>, its enabled
// values) and in .reg files (SCHANNEL and .NET key paths, their value names): inserting what is offered
// leaves a file the rules accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt } from '../../../server/src/engine/index';
import { hosts, lintFindings, serviceConfig } from '../helpers';
import { atCursor, insert } from './cursor';

const config = (runtimeBody: string) => `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <configSections>
    <section name="resourceManagementClient" type="Microsoft.ResourceManagement.WebServices.Client.ResourceManagementClientSection, Microsoft.ResourceManagement" />
  </configSections>
  <!-- <runtime> <‸ is not here: a comment -->
  <runtime>
${runtimeBody}
    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">
      <dependentAssembly>
        <assemblyIdentity name="Microsoft.ResourceManagement" publicKeyToken="31bf3856ad364e35" />
      </dependentAssembly>
    </assemblyBinding>
  </runtime>
</configuration>
`;

test('enforceFIPSPolicy offered inside <runtime>, and the config is clean on a FIPS host once inserted', () => {
  for (const eol of ['\n', '\r\n']) {
    const marked = config('    <enf‸').replace('<‸ is not here', 'is not here').replace(/\n/g, eol);
    const { text, offset } = atCursor(marked);
    const items = completionsAt('config', text, offset, serviceConfig);
    assert.deepEqual(items.map((i) => i.label), ['enforceFIPSPolicy']);
    assert.equal(text.slice(items[0].start, items[0].end), '<enf');
    const edited = insert(text, items[0]);
    assert.match(edited, /<runtime>\r?\n {4}<enforceFIPSPolicy enabled="false"\/>\r?\n {4}<assemblyBinding/);
    assert.deepEqual(lintFindings(edited, serviceConfig, hosts.fips).map((f) => f.ruleId), []);
  }
});

test('not offered outside <runtime>, nested deeper or in a comment', () => {
  const inComment = atCursor(config('').replace('<‸ is not here', '<enf‸ is not here'));
  assert.deepEqual(completionsAt('config', inComment.text, inComment.offset, serviceConfig), []);
  const nested = atCursor(config('').replace('      <dependentAssembly>', '      <‸\n      <dependentAssembly>').replace('<‸ is not here', 'not here'));
  assert.deepEqual(completionsAt('config', nested.text, nested.offset, serviceConfig), []);
  const outside = atCursor(config('').replace('  <runtime>', '  <‸\n  <runtime>').replace('<‸ is not here', 'not here'));
  assert.deepEqual(completionsAt('config', outside.text, outside.offset, serviceConfig), []);
});

test('values of the enabled attribute: false first', () => {
  const { text, offset } = atCursor(config('    <enforceFIPSPolicy enabled="‸"/>').replace('<‸ is not here', 'not here'));
  const items = completionsAt('config', text, offset, serviceConfig);
  assert.deepEqual(items.map((i) => i.label), ['false', 'true']);
  assert.deepEqual(lintFindings(insert(text, items[0]), serviceConfig, hosts.fips), []);
});

const reg = (body: string) => `Windows Registry Editor Version 5.00

; TLS hardening for the MIM Service host, change CHG-20417
[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]
"Enabled"=dword:00000001
"DisabledByDefault"=dword:00000000

${body}
`;

test('.reg: key paths after [ and value names under a protocol key, with the data for the protocol', () => {
  const keys = atCursor(reg('[HKEY_LOCAL_MACHINE\\SYSTEM\\‸'));
  const paths = completionsAt('reg', keys.text, keys.offset, 'tls.reg');
  assert.ok(paths.some((p) => p.label.endsWith('SCHANNEL\\Protocols\\TLS 1.1\\Server')));
  assert.ok(paths.some((p) => p.label.endsWith('.NETFramework\\v2.0.50727')));
  assert.equal(keys.text.slice(paths[0].start, paths[0].end), 'HKEY_LOCAL_MACHINE\\SYSTEM\\');

  const values = atCursor(reg('[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client]\r\n"Dis‸\r\n'));
  const items = completionsAt('reg', values.text, values.offset, 'tls.reg');
  assert.deepEqual(items.map((i) => i.insertText), ['Enabled"=dword:00000000', 'DisabledByDefault"=dword:00000001']);
  assert.match(items[1].documentation, /DisabledByDefault: 1 keeps the protocol from being offered/);
  const edited = insert(values.text, items[1]);
  assert.match(edited, /\r\n"DisabledByDefault"=dword:00000001\r\n/);
  assert.deepEqual(lintFindings(edited, 'tls.reg', hosts.unknown).filter((f) => f.ruleId === 'MIM305'), []);

  // Renaming an existing value keeps its data.
  const rename = atCursor(reg('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]\n"Sch‸"=dword:00000001'));
  const netfx = completionsAt('reg', rename.text, rename.offset, 'tls.reg');
  assert.deepEqual(netfx.map((i) => i.insertText), ['SystemDefaultTlsVersions', 'SchUseStrongCrypto']);
  assert.match(insert(rename.text, netfx[1]), /"SchUseStrongCrypto"=dword:00000001\n$/);
  const unrelated = atCursor(reg('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\n"‸'));
  assert.deepEqual(completionsAt('reg', unrelated.text, unrelated.offset, 'tls.reg'), []);
});
