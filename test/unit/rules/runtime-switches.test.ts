import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPreferredFix, expectFindings, hosts, layouts, serviceConfig, syncConfig } from '../helpers';

const startup = (runtimes: string) =>
  '<configuration>\n  <startup useLegacyV2RuntimeActivationPolicy="true">\n' + runtimes + '  </startup>\n  <runtime>\n    <enforceFIPSPolicy enabled="false" />\n  </runtime>\n</configuration>\n';

for (const layout of layouts) {
  test(`MIM108 warns about CLR 4 activation in the MIM Service config (${layout.name})`, () => {
    const text = layout.apply(startup('    <supportedRuntime version="v4.0" />\n    <supportedRuntime version="v2.0.50727" />\n'));
    const findings = expectFindings(text, serviceConfig, hosts.unknown, [['MIM108', 'useLegacyV2RuntimeActivationPolicy="true"']]);
    assert.match(findings[0].message, /SSPR/);
    expectFindings(layout.apply(startup('    <supportedRuntime version="v2.0.50727" />\n')), serviceConfig, hosts.unknown, []);
    expectFindings(text, syncConfig, hosts.unknown, []);
  });

  test(`MIM109 notes that AppContext switches do nothing on .NET 3.5 (${layout.name})`, () => {
    const text = layout.apply('<configuration>\n  <runtime>\n    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSchUseStrongCrypto=false" />\n  </runtime>\n</configuration>\n');
    const [finding] = expectFindings(text, serviceConfig, hosts.unknown, [['MIM109', 'AppContextSwitchOverrides']]);
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /MIM Service runs on \.NET 3\.5/);
    expectFindings(text, syncConfig, hosts.hardened, []);
    const clr4 = layout.apply(startup('    <supportedRuntime version="v4.0" />\n').replace('<runtime>\n', '<runtime>\n    <AppContextSwitchOverrides value="x=true" />\n'));
    expectFindings(clr4, serviceConfig, hosts.unknown, [['MIM108', 'useLegacyV2RuntimeActivationPolicy="true"']]);
  });

  test(`MIM110 flags TLS-weakening switches in the Sync config on a TLS 1.2-only host (${layout.name})`, () => {
    const text = layout.apply(
      '<configuration>\n  <runtime>\n    <AppContextSwitchOverrides value="Switch.System.Foo=true; Switch.System.Net.DontEnableSystemDefaultTlsVersions=true;Switch.System.Net.DontEnableSchUseStrongCrypto=TRUE" />\n  </runtime>\n</configuration>\n',
    );
    expectFindings(text, syncConfig, hosts.hardened, [
      ['MIM110', 'Switch.System.Net.DontEnableSystemDefaultTlsVersions=true'],
      ['MIM110', 'Switch.System.Net.DontEnableSchUseStrongCrypto=TRUE'],
    ]);
    expectFindings(text, syncConfig, hosts.fips, [], ['MIM110']);
    expectFindings(text, serviceConfig, hosts.hardened, [], ['MIM110']);
    const once = applyPreferredFix(text, syncConfig, hosts.hardened, 'MIM110');
    assert.equal(once, text.replace('TlsVersions=true', 'TlsVersions=false'));
    expectFindings(text.replace(/=true|=TRUE/g, '=false'), syncConfig, hosts.hardened, []);
  });
}
