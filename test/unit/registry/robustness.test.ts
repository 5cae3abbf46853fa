import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../server/src/engine/index';
import { readRegistryFile } from '../../../server/src/engine/registry/read';
import { hosts } from '../helpers';
import { olderDisabled, protocols, reg } from './registry-helpers';

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const fragments = [
  'Windows Registry Editor Version 5.00', 'REGEDIT4', '', ' ', '; comment', '[', ']', '[-', '[]', '[HKEY_LOCAL_MACHINE',
  `[${protocols}\\TLS 1.0\\Client]`, `[${protocols}\\TLS 1.2\\Server]`, `[-${protocols}\\TLS 1.1]`, `[${protocols}\\SSL 3.0\\client]`,
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727]', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319]',
  '[HKLM\\X]', '"Enabled"=dword:00000000', '"Enabled"=dword:ffffffff', '"DisabledByDefault"=dword:1', '"Enabled"=-', '"SchUseStrongCrypto"=dword:0',
  '"SystemDefaultTlsVersions"=hex(4):00,00,00,00', '"x"=hex:01,\\', '  02,\\', '  zz', '@="a\\"b"', '"unterminated', '"a"=', '"a"=dword:',
  '"a"=qword:1234567890abcdef0', '"a"="x" ;c', '=', '@', '\\', '"', '[Registry Values]', '[Version]',
  'MACHINE\\System\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client\\Enabled=4,0',
  'MACHINE\\Software\\Microsoft\\.NETFramework\\v2.0.50727\\SchUseStrongCrypto=4,0', 'MACHINE\\X=4,', 'MACHINE\\=', '\\\\=,', '\uFEFF', '\u0000', '\uD800',
];

function randomText(next: () => number): string {
  const eols = ['\n', '\r\n', '\r'];
  const count = Math.floor(next() * 40);
  let text = next() < 0.3 ? '\uFEFF' : '';
  for (let i = 0; i < count; i++) {
    let line = fragments[Math.floor(next() * fragments.length)];
    if (next() < 0.2) {
      const cut = Math.floor(next() * (line.length + 1));
      line = line.slice(0, cut) + String.fromCharCode(Math.floor(next() * 128)) + line.slice(cut);
    }
    text += line + eols[Math.floor(next() * eols.length)];
  }
  return next() < 0.5 ? text : text.slice(0, Math.floor(next() * text.length));
}

test('fuzz: random .reg and .inf lines never throw, ranges stay inside the text, every fix applies', () => {
  const next = random(20240611);
  for (let round = 0; round < 1500; round++) {
    const text = randomText(next);
    for (const fileName of ['fuzz.reg', 'GptTmpl.inf']) {
      const result = lint(text, fileName, { profile: hosts.hardened });
      assert.deepEqual(result.failures, [], `seed round ${round}: ${JSON.stringify(text)}`);
      for (const finding of result.findings) {
        assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, `range of ${finding.ruleId} in round ${round}`);
        for (const fix of finding.fixes ?? []) {
          const fixed = applyEdits(text, fix.edits);
          const after = lint(fixed, fileName, { profile: hosts.hardened });
          assert.deepEqual(after.failures, []);
          const syntax = (r: typeof result) => r.findings.filter((f) => f.ruleId === 'MIM305').length;
          assert.ok(syntax(after) <= syntax(result), `${fix.title} adds a syntax error in round ${round}: ${JSON.stringify(text)}`);
        }
      }
    }
  }
});

test('linear time on large and pathological input', () => {
  const big = reg(...Array.from({ length: 400 }, () => olderDisabled()).flat());
  const hostile = [
    '[' + '['.repeat(200_000),
    '"x"=hex:' + '01,'.repeat(100_000) + '\\',
    '  ' + ',,'.repeat(100_000),
    '[HKEY_LOCAL_MACHINE\\' + 'a\\'.repeat(100_000) + ']',
    '"' + '\\"'.repeat(100_000),
    'MACHINE\\' + 'k\\'.repeat(100_000) + 'v=4,' + '9'.repeat(100_000),
    ';'.repeat(200_000),
  ].join('\n');
  for (const [text, fileName] of [[big, 'big.reg'], [hostile, 'hostile.reg'], [hostile, 'hostile.inf'], ['[Registry Values]\n' + hostile, 'hostile2.inf']] as const) {
    const started = performance.now();
    const result = lint(text, fileName, { profile: hosts.hardened });
    const elapsed = performance.now() - started;
    assert.deepEqual(result.failures, []);
    assert.ok(elapsed < 3000, `${fileName} took ${Math.round(elapsed)} ms`);
  }
  assert.equal(readRegistryFile('reg', big).writes.length, 400 * 6 * 3);
});
