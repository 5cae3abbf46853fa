// Hostile inputs, one test each: nothing here may crash, hang, read a file, or touch the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine/index';
import { maxFindingsPerRule } from '../../../server/src/engine/lint';
import { hosts } from '../helpers';
import { decodeText, isBinaryText } from '../../../server/src/common/text-file';
import sax from 'sax';

const config = 'Microsoft.ResourceManagement.Service.exe.config';
const quick = (text: string, fileName = config) => {
  const started = Date.now();
  const result = lint(text, fileName, { profile: hosts.hardened });
  return { ...result, ms: Date.now() - started };
};

test('a DOCTYPE with an external entity is never resolved', () => {
  const text = '<?xml version="1.0"?>\n<!DOCTYPE configuration [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>\n<configuration><runtime>&xxe;&web;</runtime></configuration>\n';
  const result = quick(text);
  assert.ok(result.findings.some((f) => f.ruleId === 'MIM001'), 'the unknown entity is a syntax error');
  assert.ok(!result.findings.some((f) => f.message.includes('root:')), 'nothing of /etc/passwd leaks into a message');
});

test('an entity-expansion bomb costs nothing: entities are not expanded', () => {
  const lol = ['<!ENTITY lol "lol">'];
  for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [${lol.join('')}]>\n<configuration>&lol9;</configuration>\n`;
  const result = quick(text);
  assert.ok(result.ms < 1000, `took ${result.ms} ms`);
});

test('100,000-deep nesting: no stack overflow', () => {
  const depth = 100_000;
  const text = '<configuration>' + '<a>'.repeat(depth) + '<EnforceFIPSPolicy enabled="false"/>' + '</a>'.repeat(depth) + '</configuration>';
  const result = quick(text);
  assert.deepEqual(result.failures, []);
  assert.ok(result.findings.some((f) => f.ruleId === 'MIM103'));
  const cmd = quick('('.repeat(depth) + 'msiexec /i "Service and Portal.msi" /qn' + ')'.repeat(depth), 'install.cmd');
  assert.deepEqual(cmd.failures, []);
  const ps = quick('{'.repeat(depth) + "msiexec /i 'Service and Portal.msi' /qn" + '}'.repeat(depth), 'install.ps1');
  assert.deepEqual(ps.failures, []);
});

test('binary content, NUL bytes, lone surrogates and invalid UTF-8 decoded as replacement characters', () => {
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
  const binary = new TextDecoder('utf-8').decode(bytes);
  for (const fileName of [config, 'install.cmd', 'Install.ps1', 'hardening.reg', 'GptTmpl.inf']) {
    for (const text of [binary, '\u0000'.repeat(1000), '<configuration>\ud800\udc00\ud800</configuration>', 'reg add "HKLM\\\ud800" /v \u0000 /d 1']) {
      const result = quick(text, fileName);
      assert.deepEqual(result.failures, [], fileName);
      for (const f of result.findings) assert.ok(f.end <= text.length);
    }
  }
});

test('a line of 1 MB in every kind finishes quickly', () => {
  const long = 'x'.repeat(1024 * 1024);
  const inputs: Array<[string, string]> = [
    [config, `<configuration><appSettings><add key="k" value="${long}"/></appSettings></configuration>`],
    ['install.cmd', `set X=${long}\r\nmsiexec /i "%X%.msi" /qn`],
    ['Install.ps1', `$x = '${long}'\r\nmsiexec /i "$x.msi" /qn`],
    ['hardening.reg', `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\${long}]\r\n"v"="${long}"\r\n`],
  ];
  for (const [fileName, text] of inputs) {
    const result = quick(text, fileName);
    assert.deepEqual(result.failures, [], fileName);
    assert.ok(result.ms < 5000, `${fileName} took ${result.ms} ms`);
  }
});

test('1,500 unmatched closing tags (19 KB): reading stops at the first one instead of sax trying each', () => {
  // sax reports every unmatched closing tag once per open element (2,254,500 errors here, 87 s); the
  // parse now stops at the first. Counted by wrapping the error handler the parser is given.
  const text = '<configuration>' + '<runtime>'.repeat(1500) + '</x>'.repeat(1500) + '</configuration>';
  let errors = 0;
  const restore = countSaxErrors(() => {
    if (++errors > 10) throw new Error('sax read on past the first error');
  });
  try {
    const result = quick(text);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, text.slice(f.start, f.end)]), [['MIM001', 'x']]);
    assert.equal(result.findings[0].start, text.indexOf('</x>') + 2);
  } finally {
    restore();
  }
  assert.equal(errors, 1);
});

/** Has every sax parser created from now on call `counted` before its error handler; returns the undo. */
function countSaxErrors(counted: () => void): () => void {
  const create = sax.parser;
  sax.parser = (...args: Parameters<typeof sax.parser>) => {
    const parser = create(...args);
    let handler: ((error: Error) => void) | undefined;
    Object.defineProperty(parser, 'onerror', {
      get: () => handler && ((error: Error) => (counted(), handler!(error))),
      set: (value: (error: Error) => void) => (handler = value),
    });
    return parser;
  };
  return () => (sax.parser = create);
}

test('65,000 FIPS elements and a .reg of 130,000 bad lines: no stack overflow, at most 1,000 findings per rule and one for the rest', () => {
  const elements = '    <enforceFIPSPolicy enabled="true"/>\r\n'.repeat(65_000);
  const text = `<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n  <runtime>\r\n${elements}  </runtime>\r\n</configuration>\r\n`;
  const result = quick(text);
  assert.deepEqual(result.failures, []);
  const duplicates = result.findings.filter((f) => f.ruleId === 'MIM107');
  assert.equal(duplicates.length, maxFindingsPerRule + 1);
  const rest = duplicates[maxFindingsPerRule];
  assert.match(rest.message, /^63,999 more MIM107 findings from here on are not listed/);
  // At the first one left out: the 1,002nd element (the first is the one the duplicates repeat).
  assert.equal(rest.start, nthIndex(text, '<enforceFIPSPolicy', maxFindingsPerRule + 1) + 1);
  for (const [ruleId, count] of countByRule(result.findings)) assert.ok(count <= maxFindingsPerRule + 1, `${ruleId}: ${count}`);

  const reg = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n' + 'Enabled=dword:00000001\r\n'.repeat(130_000);
  const registry = quick(reg, 'hardening.reg');
  assert.deepEqual(registry.failures, []);
  assert.equal(countByRule(registry.findings).get('MIM305'), maxFindingsPerRule + 1);
  assert.match(registry.findings.filter((f) => f.ruleId === 'MIM305').at(-1)!.message, /^129,000 more MIM305 findings/);
});

function countByRule(findings: ReadonlyArray<{ ruleId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

function nthIndex(text: string, snippet: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(snippet, at + 1);
  return at;
}

test('binary content is told from text by a NUL near the start, as git does; UTF-16 with its BOM is text', () => {
  assert.equal(isBinaryText(decodeText(new Uint8Array(4 * 1024 * 1024)).text), true, '4 MB of NUL bytes');
  const regedit = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n"Enabled"=dword:00000001\r\n', 'utf16le')]);
  assert.equal(isBinaryText(decodeText(regedit).text), false, 'a regedit export');
  assert.equal(isBinaryText(decodeText(regedit.subarray(2)).text), true, 'the same export without its BOM cannot be read as text');
  assert.equal(isBinaryText(`<configuration>${' '.repeat(9000)}\0</configuration>`), false, 'one stray NUL far in is left to the rules (MIM001)');
  assert.equal(isBinaryText('@echo off\r\nrem \0\r\n'), true);
});
