// The snippets the extension contributes: each, expanded as VS Code expands it (placeholders take
// their defaults), lints clean on a TLS 1.2-only host, and package.json points at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from '../../../server/src/engine/index';
import type { Fact, HostProfile } from '../../../server/src/engine/profile';

const tls12OnlyHost: HostProfile = {
  fips: { value: 'unknown', source: 'default', evidence: [] },
  tls12Only: { value: 'on', source: 'flag', evidence: [] } satisfies Fact,
};

/** VS Code snippet syntax, as far as these snippets use it: `\$` `\}` `\\` escapes, `${n:default}`, `$n`. */
export function expandSnippet(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
      out += body[++i];
    } else if (c === '$' && body[i + 1] === '{') {
      const placeholder = /^\$\{\d+:([^}]*)\}/.exec(body.slice(i));
      assert.ok(placeholder, `placeholder at ${i}`);
      out += expandSnippet(placeholder[1]);
      i += placeholder[0].length - 1;
    } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
      while (/\d/.test(body[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}

interface Contribution {
  language: string;
  path: string;
}

const contributions = (JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { snippets: Contribution[] } }).contributes.snippets;

test('package.json contributes the MIM install snippet for bat and powershell', () => {
  assert.deepEqual(contributions.map((c) => c.language), ['bat', 'powershell']);
});

for (const { language, path } of contributions) {
  test(`${path}: expanded, it lints clean on a TLS 1.2-only host (CRLF too)`, () => {
    const snippets = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const entries = Object.entries(snippets);
    assert.ok(entries.length > 0);
    for (const [name, snippet] of entries) {
      const expanded = expandSnippet(snippet.body.join('\n'));
      assert.doesNotMatch(expanded, /\$\{|\\\$/, 'nothing left unexpanded');
      for (const text of [expanded, expanded.replace(/\n/g, '\r\n')]) {
        const fileName = language === 'bat' ? 'D:\\Deploy\\install-mimservice.cmd' : 'D:\\Deploy\\Install-MimService.ps1';
        const result = lint(text, fileName, { profile: tls12OnlyHost });
        assert.deepEqual(result.failures, []);
        assert.deepEqual(result.findings.map((f) => `${f.ruleId}: ${f.message}`), [], name);
      }
    }
  });
}

test('the snippet is not clean without its TLS 1.1 steps: the lint would catch a broken one', () => {
  const snippets = JSON.parse(readFileSync(contributions[0].path, 'utf8')) as Record<string, { body: string[] }>;
  const enabling = [/\\Client" \/v Enabled .* \/d 1 \/f/, /\\Client" \/v DisabledByDefault .* \/d 0 \/f/];
  const body = Object.values(snippets)[0].body.filter((line) => !enabling.some((step) => step.test(line)));
  assert.equal(body.length, Object.values(snippets)[0].body.length - 2, 'both enabling steps removed');
  const ids = lint(expandSnippet(body.join('\n')), 'install.cmd', { profile: tls12OnlyHost }).findings.map((f) => f.ruleId);
  assert.ok(ids.includes('MIM201'), ids.join());
});
