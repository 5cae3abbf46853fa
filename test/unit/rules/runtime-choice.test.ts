// MIM108 and MIM109 follow the CLR the loader picks from <startup> (facts §9.1): the first
// <supportedRuntime> naming an installed runtime wins; with none, MIM Service's own .NET 3.5 (CLR 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectFindings, hosts, layouts, serviceConfig, syncConfig, type Expected } from '../helpers';

const rules = ['MIM108', 'MIM109'];
const fixture = readFileSync('test/fixtures/config/service-startup-v2-first.config', 'utf8');
const startupPattern = / {2}<!-- CHG-2291[^]*?<\/startup>\n/;
assert.match(fixture, startupPattern);
const withStartup = (block: string) => fixture.replace(startupPattern, block);
const startup = (open: string, ...lines: string[]) => `  ${open}\n${lines.map((line) => `    ${line}\n`).join('')}  </startup>\n`;
const legacy = '<startup useLegacyV2RuntimeActivationPolicy="true">';
const v2 = '<supportedRuntime version="v2.0.50727" />';
const v4 = '<supportedRuntime version="v4.0" />';
const onClr2: Expected[] = [['MIM109', 'AppContextSwitchOverrides']];
const legacyAttribute = 'useLegacyV2RuntimeActivationPolicy="true"';

const cases: Array<[string, string, Expected[]]> = [
  ['v2.0.50727 before v4.0, a commented-out v4.0 between (the fixture as written)', fixture, onClr2],
  ['v4.0 before v2.0.50727 (the MIMWAL change)', withStartup(startup(legacy, v4, v2)), [['MIM108', legacyAttribute]]],
  ['only v2.0.50727', withStartup(startup(legacy, v2)), onClr2],
  ['only v4.0', withStartup(startup(legacy, v4)), [['MIM108', legacyAttribute]]],
  ['no <startup> at all', withStartup(''), onClr2],
  ['v4.0 with a sku first', withStartup(startup(legacy, '<supportedRuntime version="v4.0" sku=".NETFramework,Version=v4.8" />', v2)), [['MIM108', legacyAttribute]]],
  ['a commented-out v4.0 before the only v2.0.50727', withStartup(startup(legacy, '<!-- <supportedRuntime version="v4.0" /> -->', v2)), onClr2],
  ['useLegacyV2RuntimeActivationPolicy="false", v4.0 first', withStartup(startup('<startup useLegacyV2RuntimeActivationPolicy="false">', v4, v2)), [['MIM108', 'version="v4.0"']]],
  ['no useLegacyV2RuntimeActivationPolicy, v4.0.30319 first', withStartup(startup('<startup>', '<supportedRuntime version="v4.0.30319"/>', v2)), [['MIM108', 'version="v4.0.30319"']]],
  ['no useLegacyV2RuntimeActivationPolicy, v2.0.50727 first', withStartup(startup('<startup>', v2, v4)), onClr2],
  ['v1.1.4322 (never on a MIM host) before v2.0.50727', withStartup(startup(legacy, '<supportedRuntime version="v1.1.4322" />', v2, v4)), onClr2],
  ['v1.1.4322 before v4.0', withStartup(startup('<startup>', '<supportedRuntime version="v1.1.4322" />', v4)), [['MIM108', 'version="v4.0"']]],
  // Not a runtime folder name: whether the loader passes over it is not for a linter to guess.
  ['"v4.5" first', withStartup(startup(legacy, '<supportedRuntime version="v4.5" />', v2)), []],
  ['two <startup> sections', withStartup(startup(legacy, v2) + startup(legacy, v4)), []],
];

for (const layout of layouts) {
  test(`MIM108 and MIM109 follow the runtime the <startup> order loads (${layout.name})`, () => {
    for (const [name, text, expected] of cases) {
      try {
        expectFindings(layout.apply(text), serviceConfig, hosts.fips, expected, rules);
        // The Sync Service is built for CLR 4: neither rule speaks about it.
        expectFindings(layout.apply(text.replace(/ *<resourceManagementService[^>]*>\n/, '')), syncConfig, hosts.fips, [], rules);
      } catch (error) {
        assert.fail(`${name}: ${(error as Error).message}`);
      }
    }
  });
}

test('MIM108 says what makes the service load .NET 4', () => {
  const [mimwal] = expectFindings(withStartup(startup(legacy, v4, v2)), serviceConfig, hosts.unknown, [['MIM108', legacyAttribute]], rules);
  assert.match(mimwal.message, /^useLegacyV2RuntimeActivationPolicy="true" makes MIM Service load \.NET 4/);
  assert.match(mimwal.message, /SSPR/);
  const plain = withStartup(startup('<startup>', '<supportedRuntime version="v4.0.30319"/>', v2));
  const [order] = expectFindings(plain, serviceConfig, hosts.unknown, [['MIM108', 'version="v4.0.30319"']], rules);
  assert.match(order.message, /^supportedRuntime v4\.0\.30319 listed first makes MIM Service load \.NET 4/);
});
