import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPreferredFix, expectFindings, hosts, layouts, serviceConfig, syncConfig } from '../helpers';

const fipsRules = ['MIM101', 'MIM102', 'MIM103', 'MIM104', 'MIM105', 'MIM106', 'MIM107'];

const withBinding = (runtimeBody: string, before = '') =>
  '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <resourceManagementService externalHostName="mim.contoso.com" />\n' +
  before +
  '  <runtime>\n' +
  runtimeBody +
  '    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">\n      <dependentAssembly />\n    </assemblyBinding>\n  </runtime>\n</configuration>\n';

for (const layout of layouts) {
  test(`MIM101 on a FIPS host, with its fix before <assemblyBinding> (${layout.name})`, () => {
    const text = layout.apply(withBinding(''));
    expectFindings(text, serviceConfig, hosts.fips, [['MIM101', '<runtime>']], fipsRules);
    expectFindings(text, serviceConfig, hosts.notFips, [], fipsRules);
    expectFindings(text, serviceConfig, hosts.unknown, [], fipsRules);
    expectFindings(text.replace(/ *<resourceManagementService[^\n]*\n/, ''), syncConfig, hosts.fips, [], fipsRules);
    const fixed = applyPreferredFix(text, serviceConfig, hosts.fips, 'MIM101');
    assert.equal(fixed, layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
  });

  test(`MIM101 fix expands <runtime/> and adds a missing <runtime> (${layout.name})`, () => {
    const selfClosing = layout.apply('<configuration>\n  <resourceManagementService />\n  <runtime/>\n</configuration>\n');
    expectFindings(selfClosing, 'any-name.config', hosts.fips, [['MIM101', '<runtime/>']], fipsRules);
    assert.equal(
      applyPreferredFix(selfClosing, 'any-name.config', hosts.fips, 'MIM101'),
      layout.apply('<configuration>\n  <resourceManagementService />\n  <runtime>\n    <enforceFIPSPolicy enabled="false" />\n  </runtime>\n</configuration>\n'),
    );
    const none = layout.apply('<configuration>\n  <appSettings>\n    <add key="a" value="b" />\n  </appSettings>\n</configuration>\n');
    expectFindings(none, serviceConfig, hosts.fips, [['MIM101', '<configuration>']], fipsRules);
    assert.equal(
      applyPreferredFix(none, serviceConfig, hosts.fips, 'MIM101'),
      layout.apply('<configuration>\n  <appSettings>\n    <add key="a" value="b" />\n  </appSettings>\n  <runtime>\n    <enforceFIPSPolicy enabled="false" />\n  </runtime>\n</configuration>\n'),
    );
    const empty = layout.apply('<configuration>\n  <runtime></runtime>\n</configuration>\n');
    assert.equal(
      applyPreferredFix(empty, serviceConfig, hosts.fips, 'MIM101'),
      layout.apply('<configuration>\n  <runtime>\n    <enforceFIPSPolicy enabled="false" />\n  </runtime>\n</configuration>\n'),
    );
  });

  test(`MIM102 flags enabled="true" on a FIPS host (${layout.name})`, () => {
    const text = layout.apply(withBinding('    <enforceFIPSPolicy enabled="true" />\n'));
    expectFindings(text, serviceConfig, hosts.fips, [['MIM102', 'true']], fipsRules);
    expectFindings(text, serviceConfig, hosts.notFips, [], fipsRules);
    assert.equal(applyPreferredFix(text, serviceConfig, hosts.fips, 'MIM102'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
  });

  test(`MIM103 moves a misplaced element into <runtime>, on any host (${layout.name})`, () => {
    const underConfiguration = layout.apply(withBinding('', '  <enforceFIPSPolicy enabled="false" />\n'));
    expectFindings(underConfiguration, serviceConfig, hosts.unknown, [['MIM103', 'enforceFIPSPolicy']], fipsRules);
    // On a FIPS host <runtime> itself also lacks the policy until the element is moved.
    expectFindings(underConfiguration, serviceConfig, hosts.fips, [['MIM103', 'enforceFIPSPolicy'], ['MIM101', '<runtime>']], fipsRules);
    assert.equal(applyPreferredFix(underConfiguration, serviceConfig, hosts.fips, 'MIM103'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
    const inBinding = layout.apply(withBinding('').replace('<dependentAssembly />', '<enforceFIPSPolicy enabled="false"/>\n      <dependentAssembly />'));
    expectFindings(inBinding, 'app.exe.config', hosts.unknown, [['MIM103', 'enforceFIPSPolicy']], fipsRules);
    assert.equal(applyPreferredFix(inBinding, 'app.exe.config', hosts.unknown, 'MIM103'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false"/>\n')));
    const alreadyThere = layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n', '  <enforceFIPSPolicy enabled="false" />\n'));
    assert.equal(applyPreferredFix(alreadyThere, serviceConfig, hosts.fips, 'MIM103'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
  });

  test(`MIM104 fixes the case of the element and the attribute (${layout.name})`, () => {
    const text = layout.apply(withBinding('    <EnforceFipsPolicy Enabled="false"></EnforceFipsPolicy>\n'));
    expectFindings(text, serviceConfig, hosts.fips, [['MIM104', 'EnforceFipsPolicy'], ['MIM104', 'Enabled']], fipsRules);
    const once = applyPreferredFix(text, serviceConfig, hosts.fips, 'MIM104');
    assert.equal(once, layout.apply(withBinding('    <enforceFIPSPolicy Enabled="false"></enforceFIPSPolicy>\n')));
    assert.equal(applyPreferredFix(once, serviceConfig, hosts.fips, 'MIM104'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false"></enforceFIPSPolicy>\n')));
  });

  test(`MIM105 flags a missing or odd value and writes the intended one (${layout.name})`, () => {
    const cases: Array<[string, typeof hosts.fips, string, string]> = [
      ['enabled="False"', hosts.unknown, 'False', 'enabled="false"'],
      ['enabled="0"', hosts.notFips, '0', 'enabled="false"'],
      ['enabled="1"', hosts.notFips, '1', 'enabled="true"'],
      ['enabled="1"', hosts.fips, '1', 'enabled="false"'],
      ['enabled=" false"', hosts.unknown, ' false', 'enabled="false"'],
    ];
    for (const [attribute, host, value, fixedAttribute] of cases) {
      const text = layout.apply(withBinding(`    <enforceFIPSPolicy ${attribute} />\n`));
      expectFindings(text, serviceConfig, host, [['MIM105', value, value === '1' || value === '0' ? 1 : 0]], ['MIM105']);
      assert.equal(applyPreferredFix(text, serviceConfig, host, 'MIM105'), layout.apply(withBinding(`    <enforceFIPSPolicy ${fixedAttribute} />\n`)));
    }
    const missing = layout.apply(withBinding('    <enforceFIPSPolicy />\n'));
    expectFindings(missing, serviceConfig, hosts.fips, [['MIM105', 'enforceFIPSPolicy']], fipsRules);
    assert.equal(applyPreferredFix(missing, serviceConfig, hosts.fips, 'MIM105'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
  });

  test(`MIM106 moves the element before <assemblyBinding> (${layout.name})`, () => {
    const after = layout.apply(withBinding('').replace('  </runtime>', '    <enforceFIPSPolicy enabled="false" />\n  </runtime>'));
    expectFindings(after, serviceConfig, hosts.fips, [['MIM106', 'enforceFIPSPolicy']], fipsRules);
    assert.equal(applyPreferredFix(after, serviceConfig, hosts.fips, 'MIM106'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
  });

  test(`MIM107 removes later duplicates (${layout.name})`, () => {
    const twice = layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n    <enforceFIPSPolicy enabled="false"/>\n'));
    expectFindings(twice, serviceConfig, hosts.fips, [['MIM107', 'enforceFIPSPolicy', 1]], fipsRules);
    assert.equal(applyPreferredFix(twice, serviceConfig, hosts.fips, 'MIM107'), layout.apply(withBinding('    <enforceFIPSPolicy enabled="false" />\n')));
  });
}

test('a correct policy in the documented place gives no FIPS finding on any host', () => {
  const text = withBinding('    <enforceFIPSPolicy enabled="false" />\n');
  for (const host of Object.values(hosts)) expectFindings(text, serviceConfig, host, [], fipsRules);
});
