import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostEvidence, inferProfile, lint, profileFromSettings } from '../../../server/src/engine/index';

const lsa = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
const protocols = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const fipsScript = (value: number) => `@echo off\r\nrem harden\r\nreg add "${lsa}\\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d ${value} /f\r\n`;
const tls12OnlyScript = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1']
  .map((p) => `reg add "${protocols}\\${p}\\Client" /v Enabled /t REG_DWORD /d 0 /f\n`)
  .join('');

test('a script that sets FIPSAlgorithmPolicy is evidence, with file and line', () => {
  const evidence = hostEvidence(fipsScript(1), 'C:\\repo\\harden.cmd');
  assert.equal(evidence.fips?.value, 'on');
  assert.equal(evidence.fips?.locations[0].line, 2);
  assert.equal(evidence.fips?.locations[0].message, 'FIPS mode is enabled here');
  assert.equal(hostEvidence(fipsScript(0), 'x.cmd').fips?.value, 'off');
  const legacy = `reg add "${lsa}" /v FIPSAlgorithmPolicy /t REG_DWORD /d 0xffffffff /f\n`;
  assert.equal(hostEvidence(legacy, 'x.cmd').fips?.value, 'on', 'the older Lsa value, any non-zero data');
  assert.equal(hostEvidence(fipsScript(1) + fipsScript(0), 'x.cmd').fips?.value, 'off', 'later writes win');
});

test('TLS 1.2-only needs SSL 3.0, TLS 1.0 and TLS 1.1 off while TLS 1.2 stays usable', () => {
  assert.equal(hostEvidence(tls12OnlyScript, 'x.cmd').tls12Only?.value, 'on');
  assert.equal(hostEvidence(tls12OnlyScript.split('\n').slice(1).join('\n'), 'x.cmd').tls12Only, undefined, 'SSL 3.0 still on');
  const tls12Off = tls12OnlyScript + `reg add "${protocols}\\TLS 1.2\\Client" /v DisabledByDefault /t REG_DWORD /d 1 /f\n`;
  assert.equal(hostEvidence(tls12Off, 'x.cmd').tls12Only, undefined);
  const reenable = tls12OnlyScript + `reg add "${protocols}\\TLS 1.1\\Client" /v Enabled /t REG_DWORD /d 1 /f\n`;
  assert.equal(hostEvidence(reenable, 'x.cmd').tls12Only, undefined, 'a script enabling TLS 1.1 is temporary, not evidence of "off"');
});

test('sources that agree set the fact; sources that disagree leave it unknown and report MIM306 on each side', () => {
  const a = { text: fipsScript(1), fileName: '/repo/a.cmd' };
  const b = { text: fipsScript(0), fileName: '/repo/b.cmd' };
  const agreed = inferProfile([hostEvidence(a.text, a.fileName), hostEvidence(tls12OnlyScript, '/repo/c.cmd')]);
  assert.equal(agreed.fips.value, 'on');
  assert.equal(agreed.fips.source, 'evidence');
  assert.equal(agreed.tls12Only.value, 'on');
  const profile = inferProfile([hostEvidence(a.text, a.fileName), hostEvidence(b.text, b.fileName)]);
  assert.equal(profile.fips.value, 'unknown');
  assert.equal(profile.fips.conflict, true);
  for (const file of [a, b]) {
    const findings = lint(file.text, file.fileName, { profile }).findings.filter((f) => f.ruleId === 'MIM306');
    assert.equal(findings.length, 1, file.fileName);
    assert.equal(file.text.slice(findings[0].start, findings[0].end).startsWith('reg add'), true);
    assert.match(findings[0].message, /^This conflicts with repo\/[ab]\.cmd:3 on FIPS mode: it stays unknown/);
  }
  const explicit = profileFromSettings({ fips: 'on' }, 'flag', profile);
  assert.equal(explicit.fips.value, 'on');
  assert.equal(lint(a.text, a.fileName, { profile: explicit }).findings.filter((f) => f.ruleId === 'MIM306').length, 0, 'an explicit setting settles it');
});

test('inferred FIPS makes MIM101 fire on the MIM Service config, pointing at the evidence', () => {
  const profile = inferProfile([hostEvidence(fipsScript(1), '/repo/harden.cmd')]);
  const config = '<configuration>\n  <runtime>\n  </runtime>\n</configuration>\n';
  const [finding] = lint(config, '/repo/Microsoft.ResourceManagement.Service.exe.config', { profile }).findings;
  assert.equal(finding.ruleId, 'MIM101');
  assert.deepEqual(finding.related?.map((r) => [r.file, r.line, r.message]), [['/repo/harden.cmd', 2, 'FIPS mode is enabled here']]);
});

test('MIM306 in a repository of 400 disagreeing hosts: the message names one other source and counts the rest', () => {
  const sources = Array.from({ length: 400 }, (_, i) => ({ text: fipsScript(i % 2), fileName: `/repo/hosts/mimsvc${i}/harden.cmd` }));
  const profile = inferProfile(sources.map((s) => hostEvidence(s.text, s.fileName)));
  const [finding] = lint(sources[0].text, sources[0].fileName, { profile }).findings.filter((f) => f.ruleId === 'MIM306');
  assert.equal(finding.message, 'This conflicts with mimsvc1/harden.cmd:3 and 398 more on FIPS mode: it stays unknown, so its rules stay silent.');
  assert.equal(finding.related?.length, 399, 'the related information lists every other source');
  assert.equal(finding.related?.length, 399, 'the related places are all there (the language server shows a few)');
});
