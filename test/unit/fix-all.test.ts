import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixAll } from '../../server/src/engine/index';
import { parseXml } from '../../server/src/engine/xml/parse';
import { hosts, layouts, lintFindings, serviceConfig } from './helpers';

const fixture = (name: string) => readFileSync(`test/fixtures/config/${name}`, 'utf8');

test('the FIPS-ready MIM Service config (facts 7.1) is clean on every host', () => {
  for (const host of Object.values(hosts)) assert.deepEqual(lintFindings(fixture('good-7.1.config'), serviceConfig, host), []);
});

for (const layout of layouts) {
  test(`fix-all repairs the broken MIM Service config (facts 7.2) the way an admin would (${layout.name})`, () => {
    const broken = layout.apply(fixture('bad-7.2.config'));
    const result = fixAll(broken, serviceConfig, { profile: hosts.fips });
    const expected = layout.apply(
      fixture('bad-7.2.config')
        .replace('  <EnforceFIPSPolicy enabled="False" />\n', '')
        .replace('      <enforceFIPSPolicy enabled="false" />\n', '')
        .replace('  <runtime>\n', '  <runtime>\n    <enforceFIPSPolicy enabled="false" />\n'),
    );
    assert.equal(result.text, expected);
    assert.equal(parseXml(result.text).error, undefined);
    assert.deepEqual(result.remaining.map((f) => f.ruleId), ['MIM108'], 'only findings without a fix remain (MIM109 is silent while CLR 4 is loaded)');
    const again = fixAll(result.text, serviceConfig, { profile: hosts.fips });
    assert.equal(again.applied, 0, 'fix-all is idempotent');
    assert.equal(again.text, result.text);
  });
}

test('severity overrides and "off" apply per rule', () => {
  const text = fixture('bad-7.2.config');
  const findings = lintFindings(text, serviceConfig, hosts.fips, { severities: { MIM108: 'off', MIM109: 'error' } });
  assert.ok(!findings.some((f) => f.ruleId === 'MIM108'));
  assert.ok(findings.filter((f) => f.ruleId === 'MIM109').every((f) => f.severity === 'error'));
});
