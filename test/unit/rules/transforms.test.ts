// XDT transforms are never read by the CLR (facts §9.1): the config rules report no absence in them,
// only what they write into the deployed config, and a removal of <enforceFIPSPolicy> on a FIPS host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileKindOf, transformTargetName } from '../../../server/src/engine/file-kinds';
import { lintWorkspace, readinessReport, type WorkspaceFile } from '../../../server/src/engine/report/index';
import { applyPreferredFix, expectFindings, hosts, layouts, lintFindings, type Expected } from '../helpers';

const fixture = (name: string) => readFileSync(`test/fixtures/config/${name}`, 'utf8');
const testTransform = fixture('service-transform-test.config');
const releaseTransform = fixture('service-transform-release.config');
const serviceDir = 'C:\\Program Files\\Microsoft Forefront Identity Manager\\2010\\Service\\';
const testName = `${serviceDir}Microsoft.ResourceManagement.Service.exe.Test.config`;
const releaseName = 'deploy\\transforms\\Microsoft.ResourceManagement.Service.exe.Release.config';
const syncRelease = 'deploy\\Sync\\miiserver.exe.Release.config';
const removeLine = '    <enforceFIPSPolicy xdt:Transform="Remove" />\n';
const withRuntime = (text: string, runtime: string) => text.replace(/ {2}<runtime>[^]*<\/runtime>\n/, runtime);

test('transforms are linted as configs of the config they rewrite', () => {
  for (const name of ['Web.Release.config', 'Microsoft.ResourceManagement.Service.exe.Test.config', 'miiserver.exe.Debug.config']) {
    assert.equal(fileKindOf(name), 'config', name);
  }
  assert.equal(transformTargetName(testName), 'Microsoft.ResourceManagement.Service.exe.config');
  assert.equal(transformTargetName('Web.Release.config'), 'Web.config');
  // Without a <resourceManagementService> in the transform, its name alone makes it the MIM Service's.
  const runtimeOnly = '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">\n  <runtime>\n' + removeLine + '  </runtime>\n</configuration>\n';
  expectFindings(runtimeOnly, releaseName, hosts.fips, [['MIM101', 'xdt:Transform="Remove"']]);
  expectFindings(runtimeOnly, 'deploy\\Web.Release.config', hosts.fips, []);
});

for (const layout of layouts) {
  test(`a transform that changes only hosts and logging has no finding on any host (${layout.name})`, () => {
    const text = layout.apply(testTransform);
    for (const host of Object.values(hosts)) expectFindings(text, testName, host, []);
  });

  test(`MIM101: a transform that removes enforceFIPSPolicy, and the fix that drops the Remove (${layout.name})`, () => {
    const text = layout.apply(releaseTransform);
    const [finding] = expectFindings(text, releaseName, hosts.fips, [['MIM101', 'xdt:Transform="Remove"']]);
    assert.match(finding.message, /^This Remove transform drops <enforceFIPSPolicy>: MIM Service workflows fail on this FIPS host\.$/);
    assert.equal(applyPreferredFix(text, releaseName, hosts.fips, 'MIM101'), layout.apply(releaseTransform.replace(removeLine, '')));
    expectFindings(text, releaseName, hosts.notFips, []);
    expectFindings(text, releaseName, hosts.unknown, []);
    expectFindings(layout.apply(releaseTransform.replace('"Remove"', '"RemoveAll"')), releaseName, hosts.fips, [['MIM101', 'xdt:Transform="RemoveAll"']]);
    // The transform matches names exactly: a Remove of another spelling removes nothing.
    expectFindings(layout.apply(releaseTransform.replace('<enforceFIPSPolicy xdt', '<EnforceFIPSPolicy xdt')), releaseName, hosts.fips, []);
    // Narrowed by a Locator (only an enforcing copy, say), it may remove nothing: not sure, so silent.
    const narrowed = releaseTransform.replace('xdt:Transform="Remove"', 'xdt:Transform="Remove" xdt:Locator="Condition(@enabled=\'true\')"');
    expectFindings(layout.apply(narrowed), releaseName, hosts.fips, []);
  });

  test(`MIM101: Remove then Insert, the usual way to replace the element, removes nothing (${layout.name})`, () => {
    const replaced = removeLine + '    <enforceFIPSPolicy enabled="false" xdt:Transform="Insert" />\n';
    expectFindings(layout.apply(releaseTransform.replace(removeLine, replaced)), releaseName, hosts.fips, []);
    const insertedFirst = '    <enforceFIPSPolicy enabled="false" xdt:Transform="Insert" />\n' + removeLine;
    expectFindings(layout.apply(releaseTransform.replace(removeLine, insertedFirst)), releaseName, hosts.fips, [['MIM101', 'xdt:Transform="Remove"']]);
  });

  test(`MIM101: removing <runtime> removes the element too; the fix replaces it by one that keeps it (${layout.name})`, () => {
    const text = layout.apply(withRuntime(releaseTransform, '  <runtime xdt:Transform="Remove" />\n'));
    const [finding] = expectFindings(text, releaseName, hosts.fips, [['MIM101', 'xdt:Transform="Remove"']]);
    assert.equal(finding.fixes?.length, 2);
    assert.equal(
      applyPreferredFix(text, releaseName, hosts.fips, 'MIM101'),
      layout.apply(withRuntime(releaseTransform, '  <runtime xdt:Transform="Replace">\n    <enforceFIPSPolicy enabled="false" />\n  </runtime>\n')),
    );
  });

  test(`MIM101: a Replace of <runtime> without the element, and the fix that adds it (${layout.name})`, () => {
    const replacing = releaseTransform.replace('  <runtime>\n', '  <runtime xdt:Transform="Replace">\n').replace(/ {4}<!-- CHG-3310[^\n]*\n/, '').replace(removeLine, '');
    const text = layout.apply(replacing);
    expectFindings(text, releaseName, hosts.fips, [['MIM101', 'xdt:Transform="Replace"']]);
    assert.equal(
      applyPreferredFix(text, releaseName, hosts.fips, 'MIM101'),
      layout.apply(replacing.replace('<runtime xdt:Transform="Replace">\n', '<runtime xdt:Transform="Replace">\n    <enforceFIPSPolicy enabled="false" />\n')),
    );
  });

  test(`MIM102: a transform that sets enabled="true", and the fix to false (${layout.name})`, () => {
    for (const transform of ['SetAttributes', 'SetAttributes(enabled)', 'Replace', 'Insert']) {
      const line = `    <enforceFIPSPolicy enabled="true" xdt:Transform="${transform}" />\n`;
      const text = layout.apply(releaseTransform.replace(removeLine, line));
      const [finding] = expectFindings(text, releaseName, hosts.fips, [['MIM102', 'true']]);
      assert.match(finding.message, /^This transform sets <enforceFIPSPolicy enabled="true"\/>/);
      assert.equal(applyPreferredFix(text, releaseName, hosts.fips, 'MIM102'), text.replace('enabled="true"', 'enabled="false"'));
      expectFindings(text, releaseName, hosts.notFips, []);
    }
    // SetAttributes of another attribute leaves enabled as the base config has it.
    const other = layout.apply(releaseTransform.replace(removeLine, '    <enforceFIPSPolicy enabled="true" xdt:Transform="SetAttributes(note)" />\n'));
    expectFindings(other, releaseName, hosts.fips, []);
  });

  test(`MIM103-MIM105 judge only what the transform writes; MIM106 and MIM107 stay silent (${layout.name})`, () => {
    const write = (line: string) => layout.apply(releaseTransform.replace(removeLine, line));
    expectFindings(write('    <EnforceFipsPolicy enabled="false" xdt:Transform="Insert" />\n'), releaseName, hosts.fips, [['MIM104', 'EnforceFipsPolicy']]);
    expectFindings(write('    <enforceFIPSPolicy Enabled="false" xdt:Transform="SetAttributes" />\n'), releaseName, hosts.fips, [['MIM104', 'Enabled']]);
    expectFindings(write('    <enforceFIPSPolicy enabled="False" xdt:Transform="SetAttributes" />\n'), releaseName, hosts.fips, [['MIM105', 'False']]);
    expectFindings(write('    <enforceFIPSPolicy xdt:Transform="Insert" />\n'), releaseName, hosts.fips, [['MIM105', 'enforceFIPSPolicy']]);
    // Only a path for the transform: nothing of it is written.
    expectFindings(write('    <EnforceFipsPolicy Enabled="1" />\n'), releaseName, hosts.fips, []);
    // Inserted after <assemblyBinding>, twice: a base config would get MIM106 and MIM107.
    const appended = releaseTransform.replace(removeLine, '').replace('  </runtime>', '    <enforceFIPSPolicy enabled="false" xdt:Transform="Insert" />\n    <enforceFIPSPolicy enabled="false" xdt:Transform="InsertIfMissing" />\n  </runtime>');
    expectFindings(layout.apply(appended), releaseName, hosts.fips, []);
  });

  test(`MIM103: a transform that inserts the element outside <runtime>, moved in with its Insert (${layout.name})`, () => {
    const misplaced = releaseTransform.replace(removeLine, '').replace('  <runtime>\n', '  <enforceFIPSPolicy enabled="false" xdt:Transform="Insert" />\n  <runtime>\n');
    const text = layout.apply(misplaced);
    expectFindings(text, releaseName, hosts.fips, [['MIM103', 'enforceFIPSPolicy']]);
    assert.equal(
      applyPreferredFix(text, releaseName, hosts.fips, 'MIM103'),
      layout.apply(releaseTransform.replace(removeLine, '').replace('  <runtime>\n', '  <runtime>\n    <enforceFIPSPolicy enabled="false" xdt:Transform="Insert" />\n')),
    );
    // Placed by an XPath: where it lands is not where it stands.
    const byXPath = misplaced.replace('xdt:Transform="Insert"', 'xdt:Transform="InsertBefore(/configuration/runtime/*[1])"');
    expectFindings(layout.apply(byXPath), releaseName, hosts.fips, []);
  });

  test(`MIM108 and MIM109 in a transform: only a <startup> it writes decides the runtime (${layout.name})`, () => {
    const startup = (transform: string, first: string, second: string) =>
      `  <startup useLegacyV2RuntimeActivationPolicy="true" xdt:Transform="${transform}">\n    <supportedRuntime version="${first}" />\n    <supportedRuntime version="${second}" />\n  </startup>\n`;
    const switches = '  <runtime>\n    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSchUseStrongCrypto=false" xdt:Transform="Insert" />\n  </runtime>\n';
    const rules = ['MIM108', 'MIM109'];
    const add = (block: string) => layout.apply(testTransform.replace('  <appSettings>\n', block + '  <appSettings>\n'));
    expectFindings(add(startup('Insert', 'v4.0', 'v2.0.50727')), testName, hosts.unknown, [['MIM108', 'useLegacyV2RuntimeActivationPolicy="true"']], rules);
    expectFindings(add(startup('Replace', 'v2.0.50727', 'v4.0') + switches), testName, hosts.unknown, [['MIM109', 'AppContextSwitchOverrides']], rules);
    // Not written: the base config's <startup> decides, which the transform cannot show.
    expectFindings(add(startup('SetAttributes', 'v4.0', 'v2.0.50727') + switches), testName, hosts.unknown, [], rules);
    expectFindings(add(switches), testName, hosts.unknown, [], rules);
  });

  test(`MIM110 in a Sync transform: a weakening switch it writes, not one it only locates (${layout.name})`, () => {
    const sync = (transform: string) =>
      layout.apply(
        '<?xml version="1.0"?>\n<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">\n  <runtime>\n' +
          `    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSchUseStrongCrypto=true"${transform} />\n  </runtime>\n</configuration>\n`,
      );
    expectFindings(sync(' xdt:Transform="InsertIfMissing"'), syncRelease, hosts.hardened, [['MIM110', 'Switch.System.Net.DontEnableSchUseStrongCrypto=true']]);
    expectFindings(sync(' xdt:Transform="SetAttributes(value)"'), syncRelease, hosts.hardened, [['MIM110', 'Switch.System.Net.DontEnableSchUseStrongCrypto=true']]);
    expectFindings(sync(' xdt:Locator="Match(value)" xdt:Transform="Remove"'), syncRelease, hosts.hardened, []);
  });

  test(`MIM001 and MIM002 in a transform (${layout.name})`, () => {
    const broken = layout.apply(testTransform.replace('smtp-tst.corp.contoso.com', 'smtp-tst&corp'));
    const [finding] = lintFindings(broken, testName, hosts.fips);
    assert.equal(finding.ruleId, 'MIM001');
    assert.match(finding.message, /the deployment that applies it fails/);
    // The root is matched against the base config's <configuration>, never deployed: no MIM002.
    const namespaced = testTransform.replace('<configuration xmlns:xdt', '<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0" xmlns:xdt');
    expectFindings(layout.apply(namespaced), testName, hosts.fips, []);
  });
}

test('every transform fixture is clean on a host without FIPS', () => {
  const cases: Array<[string, string, Expected[]]> = [
    [testTransform, testName, []],
    [releaseTransform, releaseName, []],
  ];
  for (const [text, name, expected] of cases) expectFindings(text, name, hosts.notFips, expected);
});

test('the readiness report takes a transform neither for a MIM Service config without the element nor for evidence', () => {
  const base: WorkspaceFile = { fileName: 'Service/Microsoft.ResourceManagement.Service.exe.config', text: fixture('good-7.1.config') };
  const fipsItem = (transform: WorkspaceFile) => {
    const files = [base, transform];
    const report = readinessReport({ workspace: 'deploy', files, profile: hosts.fips, findings: lintWorkspace(files, hosts.fips), date: '2024-05-01', version: '9.9.9' });
    const item = report.items.find((i) => i.id === 'enforce-fips-policy');
    assert.ok(item);
    return item;
  };
  const clean = fipsItem({ fileName: 'Service/Microsoft.ResourceManagement.Service.exe.Test.config', text: testTransform });
  assert.equal(clean.status, 'met');
  assert.deepEqual(clean.evidence.map((e) => e.file), [base.fileName]);
  const removing = fipsItem({ fileName: 'Service/Microsoft.ResourceManagement.Service.exe.Release.config', text: releaseTransform });
  assert.equal(removing.status, 'not met');
  assert.deepEqual(removing.findings.map((f) => f.ruleId), ['MIM101']);
});
