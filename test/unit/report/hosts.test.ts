// The readiness report of host snapshots: each requirement per host from that server's exports, with
// the export lines that decided it; the .NET 3.5 TLS update is never "met"; one section per host and
// a summary table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine/index';
import { formatHostsMarkdown, hostsReport, type HostInput } from '../../../server/src/engine/report/host/index';
import { readSnapshot, snapshotHosts, snapshotProfile, snapshotsRoot } from '../host/snapshot-helpers';

function hostInput(host: string): HostInput {
  const files = readSnapshot(host);
  const profile = snapshotProfile(files);
  return {
    folder: `${snapshotsRoot}/${host}-evidence`,
    profile,
    files,
    findings: files.map((file) => ({ fileName: file.fileName, findings: lint(file.text, file.fileName, { profile }).findings })),
  };
}

const report = hostsReport({ workspace: snapshotsRoot, date: '2026-12-04', version: '0.1.0', hosts: snapshotHosts.map(hostInput) });
const status = (host: number, id: string) => report.hosts[host].requirements.find((r) => r.id === id)!;

test('each host\'s requirements, judged from its own exports', () => {
  const matrix = Object.fromEntries(report.hosts.map((host) => [host.host, host.requirements.map((r) => `${r.id}: ${r.status}`)]));
  assert.deepEqual(matrix, {
    MIMAPP01: [
      'schannel-tls12-only: met', 'netfx35-tls-update: cannot verify', 'netfx35-system-default-tls: met', 'netfx46: met',
      'sql-native-client: met', 'oledb-driver: met', 'mim-build: met', 'ca-certificate: met', 'enforce-fips-policy: met',
    ],
    mimsync02: [
      'schannel-tls12-only: met', 'netfx35-tls-update: cannot verify', 'netfx35-system-default-tls: met', 'netfx46: met',
      'sql-native-client: not met', 'oledb-driver: not applicable', 'mim-build: met', 'ca-certificate: not applicable', 'enforce-fips-policy: not applicable',
    ],
    MIMSVC03: [
      'schannel-tls12-only: met', 'netfx35-tls-update: cannot verify', 'netfx35-system-default-tls: met', 'netfx46: met',
      'sql-native-client: not applicable', 'oledb-driver: met', 'mim-build: not met', 'ca-certificate: not met', 'enforce-fips-policy: not applicable',
    ],
    MIMSVC04: [
      'schannel-tls12-only: met', 'netfx35-tls-update: cannot verify', 'netfx35-system-default-tls: met', 'netfx46: met',
      'sql-native-client: not applicable', 'oledb-driver: met', 'mim-build: met', 'ca-certificate: met', 'enforce-fips-policy: not met',
    ],
  });
});

test('the export lines that decided a requirement, and the findings with their rule pages', () => {
  const snac = status(1, 'sql-native-client');
  assert.deepEqual(snac.evidence, [{ file: `${snapshotsRoot}/mimsync02-evidence/sqlncli11.reg`, line: 4, message: 'SQL Server Native Client 11 11.3.6020.0' }]);
  assert.deepEqual(snac.findings.map((f) => [f.ruleId, f.line, f.docsUrl.endsWith('docs/rules/MIM401.md')]), [['MIM401', 4, true]]);
  const build = status(2, 'mim-build');
  assert.deepEqual(build.evidence.map((e) => `${e.file.split('/').at(-1)}:${e.line}`), ['uninstall-mim-service.reg:7']);
  const certificate = status(2, 'ca-certificate');
  assert.deepEqual(certificate.evidence.map((e) => `${e.file.split('/').at(-1)}:${e.line}`), ['certutil-store-my.txt:22']);
  assert.match(certificate.detail, /most likely the self-signed certificate/);
  assert.deepEqual(status(3, 'enforce-fips-policy').findings.map((f) => f.ruleId), ['MIM101']);
  assert.deepEqual(status(0, 'schannel-tls12-only').evidence.map((e) => e.file.split('/').at(-1)), ['schannel.reg', 'schannel.reg', 'schannel.reg']);
});

test('the .NET 3.5 TLS update cannot be verified from the registry on any host, and the KB is named', () => {
  for (const host of report.hosts) {
    const update = host.requirements.find((r) => r.id === 'netfx35-tls-update')!;
    assert.equal(update.status, 'cannot verify');
    assert.match(update.detail, /^Cannot verify from the registry/);
    assert.match(update.detail, /KB3154520/);
  }
});

test('what a snapshot does not hold is "cannot verify", never "met"', () => {
  const files = readSnapshot('mimapp01').filter((file) => /schannel|lsa-fips/.test(file.fileName));
  const profile = snapshotProfile([...files, ...readSnapshot('mimapp01').filter((f) => f.fileName.endsWith('fimservice.reg'))]);
  const bare = hostsReport({ workspace: '.', date: '2026-12-04', version: '0', hosts: [{ folder: 'x-evidence', profile, files, findings: [] }] });
  const statuses = Object.fromEntries(bare.hosts[0].requirements.map((r) => [r.id, r.status]));
  assert.equal(bare.hosts[0].host, 'x');
  for (const id of ['netfx35-system-default-tls', 'netfx46', 'oledb-driver', 'mim-build', 'ca-certificate', 'enforce-fips-policy']) {
    assert.equal(statuses[id], 'cannot verify', id);
  }
});

test('markdown: a summary table with a column per host, then one section per host', () => {
  const markdown = formatHostsMarkdown(report);
  assert.match(markdown, /^# MIM 2016 SP2 readiness of servers/);
  assert.match(markdown, /^\| Requirement \| MIMAPP01 \| mimsync02 \| MIMSVC03 \| MIMSVC04 \|$/m);
  assert.match(markdown, /^\| MIM 2016 SP2 \(4\.6\.34\.0\) or later \| met \| met \| \*\*not met\*\* \| met \|$/m);
  assert.equal(markdown.match(/^## /gm)?.length, 4);
  assert.match(markdown, /^\| Collected \| Fri 12\/04\/2026 14:05:12\.31 \|$/m);
  assert.match(markdown, /- \[test\/fixtures\/snapshots\/mimsync02-evidence\/sqlncli11\.reg:4\]\(test\/fixtures\/snapshots\/mimsync02-evidence\/sqlncli11\.reg#L4\): SQL Server Native Client 11 11\.3\.6020\.0/);
});

test('a component the host\'s role does not use: the rule is silent and the report says "not applicable", not "not met"', () => {
  // A MIM Service box with an old SNAC left on it, and a Sync box with an old OLE DB Driver and the
  // installer's self-signed certificate: MIM401, MIM402 and MIM404 judge only the role that needs them.
  const moved = (host: string, name: string, to: string) =>
    readSnapshot(host)
      .filter((file) => file.fileName.endsWith(`/${name}`))
      .map((file) => ({ ...file, fileName: `${snapshotsRoot}/${to}-evidence/${name}` }));
  const msoledbsql = readSnapshot('mimsvc03').find((file) => file.fileName.endsWith('/msoledbsql.reg'))!;
  const oldOledb = { fileName: `${snapshotsRoot}/mimsync02-evidence/msoledbsql.reg`, text: msoledbsql.text.replace(/"InstalledVersion"="[^"]*"/, '"InstalledVersion"="18.1.0.0"') };
  const cases = [
    { host: 'mimsvc03', files: [...readSnapshot('mimsvc03'), ...moved('mimsync02', 'sqlncli11.reg', 'mimsvc03')], id: 'sql-native-client', rule: 'MIM401' },
    { host: 'mimsync02', files: [...readSnapshot('mimsync02'), oldOledb], id: 'oledb-driver', rule: 'MIM402' },
    { host: 'mimsync02', files: [...readSnapshot('mimsync02'), ...moved('mimsvc03', 'certutil-store-my.txt', 'mimsync02')], id: 'ca-certificate', rule: 'MIM404' },
  ];
  for (const { host, files, id, rule } of cases) {
    const profile = snapshotProfile(files);
    const findings = files.map((file) => ({ fileName: file.fileName, findings: lint(file.text, file.fileName, { profile }).findings }));
    assert.deepEqual(findings.flatMap((file) => file.findings.filter((f) => f.ruleId === rule)), [], `${host}: ${rule}`);
    const judged = hostsReport({ workspace: '.', date: '2026-12-04', version: '0', hosts: [{ folder: `${host}-evidence`, profile, files, findings }] });
    const requirement = judged.hosts[0].requirements.find((r) => r.id === id)!;
    assert.equal(requirement.status, 'not applicable', `${host}: ${id}: ${requirement.detail}`);
    assert.equal(requirement.evidence.length, id === 'ca-certificate' ? 0 : 1, `${host}: ${id}: the installed version is still shown`);
  }
});
