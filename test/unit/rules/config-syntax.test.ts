import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPreferredFix, expectFindings, hosts, layouts, lintFindings, serviceConfig } from '../helpers';
import { parseXml } from '../../../server/src/engine/xml/parse';

for (const layout of layouts) {
  test(`MIM001 points at the exact place the XML breaks (${layout.name})`, () => {
    const bareAmpersand = layout.apply('<configuration>\n  <appSettings>\n    <add key="Url" value="a?b=1&c=2" />\n  </appSettings>\n</configuration>\n');
    expectFindings(bareAmpersand, 'app.exe.config', hosts.unknown, [['MIM001', '&']]);
    const unclosed = layout.apply('<configuration>\n  <runtime>\n    <assemblyBinding>\n  </runtime>\n</configuration>\n');
    expectFindings(unclosed, 'app.exe.config', hosts.unknown, [['MIM001', 'runtime', 1]]);
    const neverClosed = layout.apply('<configuration>\n  <runtime>\n');
    expectFindings(neverClosed, 'app.exe.config', hosts.unknown, [['MIM001', 'runtime']]);
  });
}

test('MIM001: an empty config and text before the root are errors; a well-formed file is not', () => {
  const empty = lintFindings('', 'web.config', hosts.unknown);
  assert.deepEqual(empty.map((f) => [f.ruleId, f.start, f.end]), [['MIM001', 0, 0]]);
  expectFindings('oops<configuration/>', 'web.config', hosts.unknown, [['MIM001', 'o']]);
  expectFindings('<?xml version="1.0"?>\r\n<!-- c --><configuration><![CDATA[x]]></configuration>\r\n', 'web.config', hosts.unknown, []);
  const message = lintFindings('<configuration>&</configuration>', 'web.config', hosts.unknown)[0].message;
  assert.match(message, /the process will not start/);
  assert.match(message, /&amp;/);
});

test('MIM001: a malformed file still gets the findings that can be made from what parsed', () => {
  const text = '<configuration>\n  <runtime>\n    <EnforceFIPSPolicy enabled="false"/>\n  </runtime>\n  <appSettings>&</appSettings>\n</configuration>\n';
  expectFindings(text, serviceConfig, hosts.fips, [
    ['MIM001', '&'],
    ['MIM104', 'EnforceFIPSPolicy'],
  ]);
  // Absence cannot be judged on a broken tree: no MIM101 although nothing valid is in <runtime>.
  const broken = '<configuration>\n  <runtime>\n  </runtime>\n  <appSettings>&</appSettings>\n</configuration>\n';
  expectFindings(broken, serviceConfig, hosts.fips, [['MIM001', '&']]);
});

test('MIM001: DOCTYPE entities are never resolved', () => {
  const text = '<?xml version="1.0"?>\n<!DOCTYPE configuration [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<configuration>&xxe;</configuration>\n';
  const findings = lintFindings(text, 'web.config', hosts.unknown);
  assert.deepEqual(findings.map((f) => f.ruleId), ['MIM001']);
  assert.equal(text.slice(findings[0].start, findings[0].start + 1), '&');
});

for (const layout of layouts) {
  test(`MIM002 flags a namespaced or foreign root of a .NET config (${layout.name})`, () => {
    const namespaced = layout.apply('<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0">\n  <appSettings />\n</configuration>\n');
    expectFindings(namespaced, 'web.config', hosts.unknown, [['MIM002', 'xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0"']]);
    assert.equal(applyPreferredFix(namespaced, 'web.config', hosts.unknown, 'MIM002'), layout.apply('<configuration>\n  <appSettings />\n</configuration>\n'));
    expectFindings(layout.apply('<settings>\n  <a />\n</settings>\n'), 'tool.exe.config', hosts.unknown, [['MIM002', 'settings']]);
  });
}

test('MIM002 leaves other .config files alone (packages.config, NuGet.config)', () => {
  expectFindings('<packages>\n  <package id="x" />\n</packages>\n', 'packages.config', hosts.unknown, []);
  expectFindings('<configuration>\n  <EnforceFIPSPolicy />\n</configuration>\n', 'NuGet.config', hosts.fips, []);
});

for (const layout of layouts) {
  test(`MIM001: an attribute given twice is not well-formed; the range is the second one (${layout.name})`, () => {
    const text = layout.apply(
      '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <runtime>\n    <enforceFIPSPolicy enabled="false" enabled="true" />\n' +
        '    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">\n      <dependentAssembly>\n' +
        '        <assemblyIdentity name="Microsoft.ResourceManagement" publicKeyToken="31bf3856ad364e35" culture="neutral" />\n' +
        '      </dependentAssembly>\n    </assemblyBinding>\n  </runtime>\n</configuration>\n',
    );
    const [finding] = expectFindings(text, serviceConfig, hosts.fips, [['MIM001', 'enabled="true"']], ['MIM001']);
    assert.match(finding.message, /attribute enabled given twice in <enforceFIPSPolicy>/);
    // The other order, single quotes, and the copy on a line of its own (a pasted tag).
    expectFindings(layout.apply('<configuration>\n  <runtime>\n    <enforceFIPSPolicy enabled=\'true\' enabled=\'false\'/>\n  </runtime>\n</configuration>\n'), serviceConfig, hosts.unknown, [['MIM001', "enabled='false'"]], ['MIM001']);
    const split = layout.apply('<configuration>\n  <appSettings>\n    <add key="a"\n         value="1"\n         key="b" />\n  </appSettings>\n</configuration>\n');
    expectFindings(split, 'app.exe.config', hosts.unknown, [['MIM001', 'key="b"']]);
  });
}

test('MIM001: the same attribute name on different elements, or names differing in case or prefix, is well-formed', () => {
  const text =
    '<configuration>\r\n  <appSettings>\r\n    <add key="a" value="1" />\r\n    <add key="b" value="2" Value="3" />\r\n  </appSettings>\r\n' +
    '  <runtime>\r\n    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1" xmlns:x="urn:x" x:name="n" name="m" />\r\n  </runtime>\r\n</configuration>\r\n';
  expectFindings(text, 'app.exe.config', hosts.unknown, []);
});

test('MIM001: an unmatched closing tag followed by another one names the right tag', () => {
  const text = '<configuration>\n  <runtime>\n  </runtme></configuration>\n';
  const [finding] = expectFindings(text, 'app.exe.config', hosts.unknown, [['MIM001', 'runtme']]);
  assert.match(finding.message, /<\/runtme> does not close the open <runtime>/);
});

test('MIM001: reading stops at the first error; nothing after it is judged', () => {
  // sax would go on past `</runtme>` and report the FIPS element after it: a guess at a broken tree.
  const text = '<configuration>\n  <runtime>\n  </runtme>\n  <runtime>\n    <enforceFIPSPolicy enabled="true" />\n  </runtime>\n</configuration>\n';
  expectFindings(text, serviceConfig, hosts.fips, [['MIM001', 'runtme']]);
  const document = parseXml(text);
  assert.deepEqual(document.elements.map((e) => e.name), ['configuration', 'runtime']);
});
