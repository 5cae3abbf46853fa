// Every rule's messages, word for word, on realistic files (message-cases.ts), and the limits every
// message keeps: a first sentence of at most 120 characters and at most 140 in all, so the Problems
// panel shows what is wrong and what breaks on one line. The why, the sources and the how are on the
// rule page (docs/rules/MIMxxx.md); SARIF `help` and the hover carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, lint } from '../../../server/src/engine/index';
import { configFindings, parseProjectConfig } from '../../../server/src/engine/config/project-config';
import { firstSentence, maxFirstSentence, maxMessage, shown } from '../../../server/src/engine/message';
import { hosts } from '../helpers';
import { messageCases, projectConfigCases } from './message-cases';
import { expectedMessages } from './messages.expected';

function messagesOf(name: string): string[] {
  const config = projectConfigCases.find((c) => c.name === name);
  if (config) return configFindings(parseProjectConfig(config.text)).map((f) => `${f.ruleId} ${f.message}`);
  const found = messageCases.find((c) => c.name === name)!;
  const result = lint(found.text, found.fileName, { profile: found.profile });
  assert.deepEqual(result.failures, []);
  return result.findings.flatMap((f) => [`${f.ruleId} ${f.message}`, ...(f.related ?? []).map((r) => `  related: ${r.message}`)]);
}

function assertWithinLimits(message: string, where: string): void {
  const first = firstSentence(message);
  assert.ok(first.length <= maxFirstSentence, `${shown(where, 80)}: first sentence of ${first.length} characters: ${shown(message, 300)}`);
  assert.ok(message.length <= maxMessage, `${shown(where, 80)}: ${message.length} characters: ${shown(message, 300)}`);
}

test('every case reports exactly the messages in the table', () => {
  const names = [...messageCases.map((c) => c.name), ...projectConfigCases.map((c) => c.name)];
  assert.deepEqual(Object.keys(expectedMessages).sort(), [...names].sort(), 'one table entry per case');
  for (const name of names) assert.deepEqual(messagesOf(name), expectedMessages[name], name);
});

test('the table has messages of every rule', () => {
  const reported = new Set(Object.values(expectedMessages).flat().map((line) => line.split(' ')[0]));
  assert.deepEqual(allRules.map((rule) => rule.meta.id).filter((id) => !reported.has(id)), []);
});

test('the table keeps the limits: first sentence ≤ 120, whole message ≤ 140, related ≤ 120', () => {
  for (const [name, lines] of Object.entries(expectedMessages)) {
    for (const line of lines) {
      if (line.startsWith('  related: ')) assert.ok(line.length - 11 <= maxFirstSentence, `${name}: ${line}`);
      else assertWithinLimits(line.slice(line.indexOf(' ') + 1), name);
    }
  }
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('every message on the examples, fixtures and script corpus keeps the limits, under every host profile', () => {
  const files = ['examples', 'test/fixtures', 'test/corpus'].flatMap(filesUnder);
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, file.endsWith('.reg') && readFileSync(file)[0] === 0xff ? 'utf16le' : 'utf8');
    for (const profile of [hosts.hardened, hosts.tlsLegacy, hosts.unknown]) {
      for (const finding of lint(text, file, { profile }).findings) {
        assertWithinLimits(finding.message, `${file} ${finding.ruleId}`);
        for (const related of finding.related ?? []) assert.ok(related.message.length <= maxFirstSentence, `${file}: ${related.message}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} findings checked`);
});

test('text quoted from a hostile file is shortened, so the limits hold', () => {
  const long = 'x'.repeat(5000);
  const cases: Array<[string, string]> = [
    [`<?xml version="1.0"?>\n<configuration xmlns="${long}">\n</configuration>\n`, 'app.exe.config'],
    [`<?xml version="1.0"?>\n<${long}>\n</${long}>\n`, 'app.exe.config'],
    [`<?xml version="1.0"?>\n<configuration>\n  <runtime>\n    <enforceFIPSPolicy enabled="${long}" />\n  </runtime>\n</configuration>\n`, 'Microsoft.ResourceManagement.Service.exe.config'],
    [`Windows Registry Editor Version 5.00\n\n[${long}\\Software]\n"A"=hex:${long}\n`, 'x.reg'],
    [`msiexec /i "Service and Portal.msi" /qn REBOOT=R${long} SEND_TELEMETRY=${long} ADDLOCAL=W${long}\n`, 'x.cmd'],
    [`rem mim-lint-disable-next-line MIM201 ${long}\nrem mim-lint-disable${long}\n`, 'x.cmd'],
    // The longest feature name, misspelt, and a REBOOT value that is no documented one.
    ['msiexec /i "Service and Portal.msi" /qn ADDLOCAL=SSQMFeatureOptinRegistrySetting REBOOT=eRallySuppress\n', 'x.cmd'],
  ];
  const config = configFindings(parseProjectConfig(`{ "rules": { "${long}": "off" }, "ignore": ["{${long}"], "${long}": 1 }`));
  assert.equal(config.length, 3);
  for (const finding of config) assertWithinLimits(finding.message, `.mimlintrc.json ${finding.message}`);
  for (const [text, file] of cases) {
    const findings = lint(text, file, { profile: hosts.hardened }).findings;
    assert.ok(findings.length > 0, file);
    for (const finding of findings) assertWithinLimits(finding.message, `${file} ${finding.ruleId}`);
  }
});
