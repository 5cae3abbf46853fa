// The three output formats, checked against what the engine itself reports for the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, lint, profileFromSettings, ruleDocsUrl, SourceText } from '../../server/src/engine/index';
import { formatStylish } from '../../server/src/cli/formats/stylish';
import { formatJson } from '../../server/src/cli/formats/json';
import { expectedJsonFinding, lineAndColumn, makeTempDir, runCli, serviceConfigName, writeTree } from './helpers';

/** The parts of a SARIF result these tests read. */
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: unknown } }>;
}

const bom = '\uFEFF';
// Not well-formed, after a non-BMP character on a CRLF line: columns must count UTF-16 units, and the
// BOM must not shift them.
const brokenText = '<configuration>\r\n  <x>😀</y>\r\n</configuration>\r\n';
const serviceText = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <runtime>',
  '    <AppContextSwitchOverrides value="Switch.System.Net.DontEnableSchUseStrongCrypto=false" />',
  '    <enforceFIPSPolicy enabled="true" />',
  '  </runtime>',
  '</configuration>',
  '',
].join('\n');
const cleanText = '<packages />\n';
// A script: on a TLS 1.2-only host an unattended MIM Service install after disabling TLS 1.1 fails.
const schannel = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const scriptText = [
  '@echo off',
  `reg add "${schannel}\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d 0 /f`,
  'msiexec /i "Service and Portal.msi" /qn CERTIFICATE_NAME=mim.contoso.com',
  '',
].join('\r\n');

const dir = makeTempDir();
const files = {
  [join('bad', 'broken.exe.config')]: bom + brokenText,
  [join('svc dir', serviceConfigName)]: serviceText,
  [join('clean', 'packages.config')]: cleanText,
  [join('scripts', 'setup.cmd')]: scriptText,
};
writeTree(dir, files);
const profile = profileFromSettings({ fips: 'on', tls12Only: 'on' }, 'flag');
const engineFindings = Object.fromEntries(
  Object.entries(files).map(([path, content]) => [path, lint(content.replace(/^\uFEFF/, ''), path, { profile }).findings]),
);
const expectedErrors = Object.values(engineFindings).flat().filter((f) => f.severity === 'error').length;

test('the fixtures give the engine something to report (else these tests prove nothing)', () => {
  assert.ok(engineFindings[join('bad', 'broken.exe.config')].some((f) => f.ruleId === 'MIM001' && f.severity === 'error'));
  assert.ok(engineFindings[join('svc dir', serviceConfigName)].length >= 2);
  assert.deepEqual(engineFindings[join('clean', 'packages.config')], []);
  assert.ok(engineFindings[join('scripts', 'setup.cmd')].length > 0, 'a script finding');
});

test('json: every linted file with the engine findings, LSP and 1-based positions, and the profile', () => {
  const run = runCli(['--format', 'json', '--fips', 'on', '--tls12-only', 'on', '.'], dir);
  assert.equal(run.status, expectedErrors > 0 ? 1 : 0);
  assert.equal(run.stderr, '');
  const output = JSON.parse(run.stdout);
  assert.equal(output.profile.fips, 'on');
  assert.equal(output.profile.tls12Only, 'on');
  assert.deepEqual(output.files.map((f: { file: string }) => f.file).sort(), Object.keys(files).sort());
  for (const file of output.files) {
    const text = files[file.file].replace(/^\uFEFF/, '');
    const expected = engineFindings[file.file].map((finding) => ({
      ...expectedJsonFinding(text, file.file, finding),
      fixable: finding.fixes?.some((fix) => fix.preferred) ?? false,
      docsUrl: ruleDocsUrl(finding.ruleId),
      related: (finding.related ?? []).map((place) => {
        assert.equal(place.file, file.file, 'the fixtures only have evidence in the same file');
        return { file: place.file, message: place.message, ...lineAndColumn(text, place.start) };
      }),
    }));
    assert.deepEqual(file.findings, expected, file.file);
  }
  const broken = output.files.find((f: { file: string }) => f.file.endsWith('broken.exe.config'));
  assert.equal(broken.bom, true);
  assert.equal(broken.encoding, 'utf-8');
});

test('stylish: one line per finding with 1-based line:col, severity, message and rule ID, then a summary', () => {
  const run = runCli(['--fips', 'on', '--tls12-only', 'on', '.'], dir);
  assert.equal(run.status, expectedErrors > 0 ? 1 : 0);
  const lines = run.stdout.split('\n');
  const findingLine = /^ {2}(\d+):(\d+) +(error|warning|info|hint) +(\S.*?) {2}(MIM\d{3})$/;
  let currentFile = '';
  const seen: Array<{ file: string; line: number; column: number; severity: string; message: string; ruleId: string }> = [];
  for (const line of lines) {
    const match = findingLine.exec(line);
    if (match) {
      seen.push({ file: currentFile, line: +match[1], column: +match[2], severity: match[3], message: match[4], ruleId: match[5] });
    } else if (line !== '' && !line.startsWith('✖') && !line.startsWith('✔')) {
      currentFile = line;
    }
  }
  const expected = Object.entries(engineFindings).flatMap(([file, findings]) =>
    findings.map((finding) => ({
      file,
      ...lineAndColumn(files[file].replace(/^\uFEFF/, ''), finding.start),
      severity: finding.severity,
      message: finding.message,
      ruleId: finding.ruleId,
    })),
  );
  const order = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file);
  assert.deepEqual([...seen].sort(order), [...expected].sort(order));
  const all = Object.values(engineFindings).flat();
  const count = (severity: string) => all.filter((f) => f.severity === severity).length;
  const summary = lines.find((line) => line.startsWith('✖'));
  assert.equal(
    summary,
    `✖ ${all.length} problem${all.length === 1 ? '' : 's'} (${count('error')} error${count('error') === 1 ? '' : 's'}, ` +
      `${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info${count('info') === 1 ? '' : 's'})`,
  );
});

test('stylish keeps a multi-line message on one line, and prints nothing for a clean run', () => {
  const source = new SourceText('<a/>', 'a.config');
  const finding = { ruleId: 'MIM999', severity: 'warning' as const, start: 1, end: 2, message: 'first\r\n   second\nthird' };
  const report = { profile, workspaces: [], cwd: dir, files: [{ displayPath: 'a.config', absolutePath: join(dir, 'a.config'), encoding: 'utf-8' as const, bom: false, source, findings: [finding], fixesApplied: 0, profile }] };
  assert.equal(formatStylish(report), 'a.config\n  1:2  warning  first second third  MIM999\n\n✖ 1 problem (0 errors, 1 warning, 0 infos)\n');
  assert.equal(formatStylish({ ...report, files: [{ ...report.files[0], findings: [] }] }), '');
});

test('json: related evidence in the same file gets 1-based positions; elsewhere keeps the recorded line', () => {
  const text = 'one\r\ntwo 😀 three\r\n';
  const source = new SourceText(text, 'a.cmd');
  const related = [
    { file: 'a.cmd', start: text.indexOf('three'), end: text.indexOf('three') + 5, message: 'here' },
    { file: 'other.reg', start: 0, end: 1, line: 4, message: 'there' },
    { file: 'unknown.reg', start: 0, end: 1, message: 'somewhere' },
  ];
  const finding = { ruleId: 'MIM999', severity: 'error' as const, start: 0, end: 3, message: 'm', related };
  const report = { profile, workspaces: [], cwd: dir, files: [{ displayPath: 'a.cmd', absolutePath: join(dir, 'a.cmd'), encoding: 'utf-8' as const, bom: false, source, findings: [finding], fixesApplied: 0, profile }] };
  assert.deepEqual(JSON.parse(formatJson(report)).files[0].findings[0].related, [
    { file: 'a.cmd', message: 'here', ...lineAndColumn(text, related[0].start) },
    { file: 'other.reg', message: 'there', line: 5 },
    { file: 'unknown.reg', message: 'somewhere' },
  ]);
});

test('sarif: a valid 2.1.0 log with every rule, results pointing into them, and encoded relative URIs', () => {
  const run = runCli(['--format', 'sarif', '--fips', 'on', '--tls12-only', 'on', '.'], dir);
  assert.equal(run.status, expectedErrors > 0 ? 1 : 0);
  const log = JSON.parse(run.stdout);
  assert.equal(typeof log.$schema, 'string');
  assert.match(log.$schema, /sarif.*2\.1\.0/);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const driver = sarifRun.tool.driver;
  assert.equal(driver.name, 'mim-lint');
  assert.equal(typeof driver.version, 'string');
  assert.match(driver.informationUri, /^https:\/\//);
  assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
  assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), allRules.map((r) => r.meta.id));
  for (const rule of driver.rules) {
    const meta = allRules.find((r) => r.meta.id === rule.id)!.meta;
    assert.equal(rule.name, meta.name);
    assert.equal(rule.shortDescription.text, meta.summary);
    assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  const baseUri = sarifRun.originalUriBaseIds['%SRCROOT%'].uri;
  assert.equal(baseUri, pathToFileURL(dir).href + '/');
  const expected = Object.entries(engineFindings).flatMap(([file, findings]) => {
    const text = files[file].replace(/^\uFEFF/, '');
    return findings.map((finding) => {
      const start = lineAndColumn(text, finding.start);
      const end = lineAndColumn(text, finding.end);
      return {
        ruleId: finding.ruleId,
        level: levels[finding.severity],
        message: finding.message,
        fileUrl: pathToFileURL(join(dir, file)).href,
        region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
      };
    });
  });
  const actual = sarifRun.results.map((result: SarifResult) => {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at the rule');
    assert.equal(result.locations.length, 1);
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.doesNotMatch(location.artifactLocation.uri, /[ \\]/, 'a URI reference: no raw spaces or backslashes');
    return {
      ruleId: result.ruleId,
      level: result.level,
      message: result.message.text,
      fileUrl: new URL(location.artifactLocation.uri, baseUri).href,
      region: location.region,
    };
  });
  const order = (a: { fileUrl: string }, b: { fileUrl: string }) => a.fileUrl.localeCompare(b.fileUrl);
  assert.deepEqual([...actual].sort(order), [...expected].sort(order));
  assert.ok(
    sarifRun.results.some((r: SarifResult) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('svc%20dir/')),
    'the space in "svc dir" is percent-encoded',
  );
});
