import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, fixAll } from '../../../server/src/engine/index';
import { expectFindings, hosts, lintFindings } from '../helpers';
import { applyFix, eols, fixRoundTrip, header, olderDisabled, protocolBlock, protocols, reg } from './registry-helpers';

const file = 'C:\\MIM\\tls12-only-hardening.reg';
const template = 'C:\\Windows\\SYSVOL\\domain\\Policies\\{31B2F340-016D-11D2-945F-00C04FB984F9}\\MACHINE\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf';
const fixture = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'registry', 'tls12-only-hardening.reg'), 'utf8');
const infProtocols = 'MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const netfx = (wow: boolean, version: string) => `HKEY_LOCAL_MACHINE\\SOFTWARE\\${wow ? 'WOW6432Node\\' : ''}Microsoft\\.NETFramework\\${version}`;
const netfxBlock = (wow: boolean, version: string, root = 'HKEY_LOCAL_MACHINE') => [
  `[${netfx(wow, version).replace('HKEY_LOCAL_MACHINE', root)}]`,
  '"SystemDefaultTlsVersions"=dword:00000001',
  '"SchUseStrongCrypto"=dword:00000001',
];
const registryRules = ['MIM301', 'MIM302', 'MIM303', 'MIM304', 'MIM305'];

/** A security template with a [Registry Values] section holding the given lines. */
function inf(...lines: string[]): string {
  return ['[Unicode]', 'Unicode=yes', '[Registry Values]', ...lines, '[Version]', 'signature="$CHICAGO$"', 'Revision=1', ''].join('\n');
}
const infOlderDisabled = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'].map((p) => `${infProtocols}\\${p}\\Client\\Enabled=4,0`);

for (const eol of eols) {
  test(`the facts §7.3 fixture: MIM303 (no v2.0.50727 keys) and nothing else; the fix adds both keys (${eol.name})`, () => {
    const text = eol.apply(fixture);
    const [finding] = expectFindings(text, file, hosts.unknown, [['MIM303', netfx(false, 'v4.0.30319')]]);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, "No SystemDefaultTlsVersions=1 under either v2.0.50727 key: MIM Service's TLS connections fail.");
    const wowV4 = [...netfxBlock(true, 'v4.0.30319'), ''].join('\n');
    const expected = fixture.replace(wowV4, wowV4 + '\n' + [...netfxBlock(false, 'v2.0.50727'), '', ...netfxBlock(true, 'v2.0.50727'), ''].join('\n'));
    fixRoundTrip(text, file, 'MIM303', eol.apply(expected));
    expectFindings(eol.apply(expected), file, hosts.hardened, []);
  });

  test(`MIM301: a protocol set in one subkey only; the fix adds the other side's block (${eol.name})`, () => {
    const other = ['[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]', '"X"=dword:00000001'];
    const text = eol.apply(reg(...protocolBlock('TLS 1.0', 'Client', '00000000', '00000001'), '', ...other));
    const [finding] = expectFindings(text, file, hosts.unknown, [['MIM301', `${protocols}\\TLS 1.0\\Client`]], registryRules);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /TLS 1\.0 is disabled in Client, not set in Server: connections it accepts keep the Windows default/);
    fixRoundTrip(text, file, 'MIM301', eol.apply(reg(
      ...protocolBlock('TLS 1.0', 'Client', '00000000', '00000001'), '',
      ...protocolBlock('TLS 1.0', 'Server', '00000000', '00000001'), '',
      ...other,
    )));

    // Server only, last in a file without a final line break; lower-case side names are kept.
    const serverOnly = eol.apply(reg(`[${protocols}\\TLS 1.1\\server]`, '"Enabled"=dword:ffffffff').replace(/\n$/, ''));
    expectFindings(serverOnly, file, hosts.unknown, [['MIM301', `${protocols}\\TLS 1.1\\server`]], registryRules);
    fixRoundTrip(serverOnly, file, 'MIM301', eol.apply(reg(`[${protocols}\\TLS 1.1\\server]`, '"Enabled"=dword:ffffffff', '', `[${protocols}\\TLS 1.1\\client]`, '"Enabled"=dword:ffffffff').replace(/\n$/, '')));

    // The other side's key is there but empty: the values go into it.
    const empty = eol.apply(reg(...protocolBlock('SSL 3.0', 'Client', '00000000'), '', `[${protocols}\\SSL 3.0\\Server]`, '', ...other));
    expectFindings(empty, file, hosts.unknown, [['MIM301', `${protocols}\\SSL 3.0\\Client`]], registryRules);
    fixRoundTrip(empty, file, 'MIM301', eol.apply(reg(...protocolBlock('SSL 3.0', 'Client', '00000000'), '', ...protocolBlock('SSL 3.0', 'Server', '00000000'), '', ...other)));
  });

  test(`MIM301: different values in the two subkeys; both directions offered, neither preferred (${eol.name})`, () => {
    const text = eol.apply(reg(...protocolBlock('TLS 1.0', 'Client', '00000000', '00000001'), '', ...protocolBlock('TLS 1.0', 'Server', '00000001', '00000000')));
    const [finding] = expectFindings(text, file, hosts.unknown, [['MIM301', `${protocols}\\TLS 1.0\\Server`]], registryRules);
    assert.match(finding.message, /TLS 1\.0 is enabled in Server but disabled in Client/);
    assert.deepEqual(finding.fixes!.map((f) => [f.title, f.preferred]), [
      ['Set TLS 1.0\\Server like Client', undefined],
      ['Set TLS 1.0\\Client like Server', undefined],
    ]);
    const serverLikeClient = applyFix(text, file, 'MIM301', 'Set TLS 1.0\\Server like Client');
    assert.equal(serverLikeClient, eol.apply(reg(...protocolBlock('TLS 1.0', 'Client', '00000000', '00000001'), '', ...protocolBlock('TLS 1.0', 'Server', '00000000', '00000001'))));
    expectFindings(serverLikeClient, file, hosts.unknown, [], registryRules);
    const clientLikeServer = applyFix(text, file, 'MIM301', 'Set TLS 1.0\\Client like Server');
    expectFindings(clientLikeServer, file, hosts.unknown, [], registryRules);
    // A value the target lacks is added to its block.
    const partial = eol.apply(reg(...protocolBlock('TLS 1.0', 'Client', '00000000', '00000001'), '', ...protocolBlock('TLS 1.0', 'Server', 'ffffffff'), ''));
    assert.equal(
      applyFix(partial, file, 'MIM301', 'Set TLS 1.0\\Server like Client'),
      eol.apply(reg(...protocolBlock('TLS 1.0', 'Client', '00000000', '00000001'), '', ...protocolBlock('TLS 1.0', 'Server', '00000000', '00000001'), '')),
    );
  });

  test(`MIM301 stays silent: same state spelled differently, the other side deleted on purpose (${eol.name})`, () => {
    const spelled = eol.apply(reg(...protocolBlock('TLS 1.2', 'Client', 'ffffffff', '00000000'), '', ...protocolBlock('TLS 1.2', 'Server', '00000001', '00000000')));
    expectFindings(spelled, file, hosts.unknown, [], registryRules);
    const onlyEnabled = eol.apply(reg(...protocolBlock('TLS 1.1', 'Client', '00000000', '00000001'), ...protocolBlock('TLS 1.1', 'Server', '00000000')));
    expectFindings(onlyEnabled, file, hosts.unknown, [], registryRules);
    const deleted = eol.apply(reg(...protocolBlock('TLS 1.1', 'Client', '00000000', '00000001'), '', `[-${protocols}\\TLS 1.1\\Server]`));
    expectFindings(deleted, file, hosts.unknown, [], registryRules);
    const overwritten = eol.apply(reg(...protocolBlock('TLS 1.1', 'Client', '00000000'), '', ...protocolBlock('TLS 1.1', 'Server', '00000001'), '"Enabled"=dword:00000000'));
    expectFindings(overwritten, file, hosts.unknown, [], registryRules);
  });

  test(`MIM302: TLS 1.2 disabled in a TLS 1.2-only hardening; the fix enables it (${eol.name})`, () => {
    const tls12 = (enabled: string, dbd: string) => [...protocolBlock('TLS 1.2', 'Client', enabled, dbd), '', ...protocolBlock('TLS 1.2', 'Server', enabled, dbd), ''];
    const text = eol.apply(reg(...olderDisabled(), ...tls12('00000000', '00000001')));
    const findings = expectFindings(text, file, hosts.unknown, [['MIM302', '"Enabled"=dword:00000000', 6], ['MIM302', '"Enabled"=dword:00000000', 7]], ['MIM302']);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /TLS 1\.2 is also disabled \(Enabled=0\) in Client: no protocol left for connections this host opens/);
    fixRoundTrip(text, file, 'MIM302', eol.apply(reg(...olderDisabled(), ...protocolBlock('TLS 1.2', 'Client', '00000001', '00000000'), '', ...protocolBlock('TLS 1.2', 'Server', '00000000', '00000001'), '')));
    // Fix-all: both sides enabled, and MIM303's .NET 3.5 keys after the last block.
    const all = fixAll(text, file, { profile: hosts.unknown });
    assert.deepEqual(all.remaining, []);
    assert.equal(all.text, eol.apply(reg(...olderDisabled(), ...tls12('00000001', '00000000'), ...netfxBlock(false, 'v2.0.50727'), '', ...netfxBlock(true, 'v2.0.50727'), '')));
  });

  test(`MIM302: DisabledByDefault=1 on one side; the fix also adds the other side (${eol.name})`, () => {
    const text = eol.apply(reg(...olderDisabled(), ...protocolBlock('TLS 1.2', 'Client', 'ffffffff', '00000001'), '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]'));
    const [finding] = expectFindings(text, file, hosts.unknown, [['MIM302', '"DisabledByDefault"=dword:00000001', 6]], ['MIM302']);
    assert.match(finding.message, /TLS 1\.2 is also disabled by default \(DisabledByDefault=1\)/);
    assert.equal(finding.fixes![0].title, 'Enable TLS 1.2 (Client and Server)');
    fixRoundTrip(text, file, 'MIM302', eol.apply(reg(
      ...olderDisabled(),
      ...protocolBlock('TLS 1.2', 'Client', 'ffffffff', '00000000'), '',
      ...protocolBlock('TLS 1.2', 'Server', '00000001', '00000000'), '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]',
    )));
  });

  test(`MIM302 stays silent: TLS 1.2 not mentioned, or older protocols not all off (${eol.name})`, () => {
    expectFindings(eol.apply(reg(...olderDisabled())), file, hosts.unknown, [], ['MIM302']);
    const tls11On = eol.apply(reg(...olderDisabled().slice(0, 16), ...protocolBlock('TLS 1.2', 'Client', '00000000'), '', ...protocolBlock('TLS 1.2', 'Server', '00000000')));
    expectFindings(tls11On, file, hosts.unknown, [], ['MIM302']);
    const reenabled = eol.apply(reg(...protocolBlock('TLS 1.2', 'Client', '00000000'), '', ...olderDisabled(), ...protocolBlock('TLS 1.2', 'Client', '00000001')));
    expectFindings(reenabled, file, hosts.unknown, [], ['MIM302']);
  });

  test(`MIM303: range on the header without a v4.0.30319 key; the fix's placement and spelling (${eol.name})`, () => {
    const text = eol.apply(reg(...olderDisabled()));
    expectFindings(text, file, hosts.unknown, [['MIM303', header]], ['MIM303']);
    fixRoundTrip(text, file, 'MIM303', eol.apply(reg(...olderDisabled(), ...netfxBlock(false, 'v2.0.50727'), '', ...netfxBlock(true, 'v2.0.50727'), '')));

    // The native key is there with SchUseStrongCrypto only: the missing value goes into it, WOW6432Node follows.
    const lower = olderDisabled().map((line) => line.replace('HKEY_LOCAL_MACHINE', 'hkey_local_machine'));
    const partial = eol.apply(reg(...lower, `[${netfx(false, 'v2.0.50727').replace('HKEY_LOCAL_MACHINE', 'hkey_local_machine')}]`, '"SchUseStrongCrypto"=dword:00000001', '', '; end'));
    expectFindings(partial, file, hosts.unknown, [['MIM303', header]], ['MIM303']);
    fixRoundTrip(partial, file, 'MIM303', eol.apply(reg(
      ...lower,
      `[${netfx(false, 'v2.0.50727').replace('HKEY_LOCAL_MACHINE', 'hkey_local_machine')}]`,
      '"SchUseStrongCrypto"=dword:00000001',
      '"SystemDefaultTlsVersions"=dword:00000001',
      '',
      ...netfxBlock(true, 'v2.0.50727', 'hkey_local_machine'),
      '',
      '; end',
    )));

    // A file without blank lines between blocks gets none.
    const dense = eol.apply(reg(...olderDisabled().filter((line) => line !== '')));
    fixRoundTrip(dense, file, 'MIM303', eol.apply(reg(...olderDisabled().filter((line) => line !== ''), ...netfxBlock(false, 'v2.0.50727'), ...netfxBlock(true, 'v2.0.50727'))));
  });

  test(`MIM303 stays silent without TLS 1.2-only hardening, and leaves 0 to MIM304 (${eol.name})`, () => {
    expectFindings(eol.apply(reg(...olderDisabled().slice(0, 16))), file, hosts.unknown, [], ['MIM303']);
    const zero = eol.apply(reg(...olderDisabled(), ...[false, true].flatMap((wow) => [`[${netfx(wow, 'v2.0.50727')}]`, '"SystemDefaultTlsVersions"=dword:00000000', ''])));
    expectFindings(zero, file, hosts.unknown, [['MIM304', 'dword:00000000', 6], ['MIM304', 'dword:00000000', 7]], ['MIM303', 'MIM304']);
  });

  test(`MIM304: strong crypto or system default TLS versions set to 0 under .NETFramework (${eol.name})`, () => {
    const text = eol.apply(reg(
      `[${netfx(false, 'v4.0.30319')}]`,
      '"SchUseStrongCrypto"=dword:00000000',
      '"SystemDefaultTlsVersions"=hex(4):00,00,00,00',
      '',
      `[${netfx(true, 'v2.0.50727')}]`,
      '"SchUseStrongCrypto"=dword:00000000',
      '"SchUseStrongCrypto"=dword:00000001',
      '"SystemDefaultTlsVersions"="0"',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]',
      '"SchUseStrongCrypto"=dword:00000000',
    ));
    const findings = expectFindings(text, file, hosts.unknown, [['MIM304', 'dword:00000000'], ['MIM304', 'hex(4):00,00,00,00']], registryRules);
    assert.equal(findings[0].message, 'SchUseStrongCrypto=0 turns strong crypto off for .NET 4.x (Sync Service): it fails on a TLS 1.2-only host.');
    fixRoundTrip(text, file, 'MIM304', text.replace('"SchUseStrongCrypto"=dword:00000000', '"SchUseStrongCrypto"=dword:00000001'));
    const all = fixAll(text, file, { profile: hosts.unknown });
    assert.equal(all.text, text.replace('"SchUseStrongCrypto"=dword:00000000', '"SchUseStrongCrypto"=dword:00000001').replace('hex(4):00,00,00,00', 'dword:00000001'));
  });

  test(`MIM305: malformed .reg lines, exact ranges (${eol.name})`, () => {
    const text = eol.apply([
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]',
      'Windows Registry Editor Version 5.00',
      '"Enabled"=dword:000000001',
      '[HKLM\\SOFTWARE\\Contoso]',
      '"Bytes"=hex:01,0x2',
      '',
    ].join('\n'));
    const findings = expectFindings(text, file, hosts.unknown, [
      ['MIM305', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]'],
      ['MIM305', 'Windows Registry Editor Version 5.00'],
      ['MIM305', '000000001'],
      ['MIM305', 'HKLM'],
      ['MIM305', '0x2'],
    ]);
    assert.ok(findings.every((f) => f.severity === 'error' && f.fixes === undefined));
    assert.match(findings.find((f) => text.slice(f.start, f.end) === 'HKLM')!.message, /write HKEY_LOCAL_MACHINE/);
    expectFindings(eol.apply(fixture), file, hosts.unknown, [], ['MIM305']);
  });

  test(`security templates: the rules read [Registry Values]; fixes only rewrite values (${eol.name})`, () => {
    const text = eol.apply(inf(
      'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1',
      ...infOlderDisabled,
      `${infProtocols}\\TLS 1.2\\Client\\Enabled=4,0`,
      `${infProtocols}\\TLS 1.2\\Server\\Enabled=4,1`,
      'MACHINE\\Software\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto=4,0',
      'MACHINE\\Software\\Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions=4,1',
      'MACHINE\\Software\\Contoso\\Broken=4',
    ));
    const findings = expectFindings(text, template, hosts.unknown, [
      ...['SSL 3.0', 'TLS 1.0', 'TLS 1.1'].map((p) => ['MIM301', `${infProtocols}\\${p}\\Client`] as const),
      ['MIM301', `${infProtocols}\\TLS 1.2\\Server`],
      ['MIM302', `${infProtocols}\\TLS 1.2\\Client\\Enabled=4,0`],
      ['MIM303', 'MACHINE\\Software\\Microsoft\\.NETFramework\\v4.0.30319', 0],
      ['MIM304', '4,0', 4],
      ['MIM305', '4', 10],
    ]);
    const byRule = (id: string) => findings.filter((f) => f.ruleId === id);
    assert.ok(byRule('MIM301').slice(0, 3).every((f) => f.fixes === undefined), 'adding lines to a template is left to the admin');
    assert.equal(byRule('MIM303')[0].fixes, undefined);
    fixRoundTrip(text, template, 'MIM302', text.replace('TLS 1.2\\Client\\Enabled=4,0', 'TLS 1.2\\Client\\Enabled=4,1'));
    fixRoundTrip(text, template, 'MIM304', text.replace('SchUseStrongCrypto=4,0', 'SchUseStrongCrypto=4,1'));
    const mismatch = byRule('MIM301')[3];
    assert.deepEqual(mismatch.fixes!.map((f) => f.title), ['Set TLS 1.2\\Server like Client', 'Set TLS 1.2\\Client like Server']);
    assert.equal(applyEdits(text, mismatch.fixes![1].edits), text.replace('TLS 1.2\\Client\\Enabled=4,0', 'TLS 1.2\\Client\\Enabled=4,1'));
    // Other sections and other .inf files (drivers) are not read.
    expectFindings(eol.apply('[Version]\nSignature="$Windows NT$"\n[Strings]\nEnabled=4,0\n'), 'C:\\drivers\\x.inf', hosts.unknown, []);
  });
}

test('rule metadata of the registry rules', () => {
  const findings = lintFindings(reg(...protocolBlock('TLS 1.0', 'Client', '00000000')), file, hosts.unknown);
  assert.deepEqual(findings.map((f) => f.ruleId), ['MIM301']);
  assert.equal(lintFindings(reg(), file, hosts.unknown).length, 0, 'a header-only file is fine');
  assert.equal(lintFindings('', file, hosts.unknown).length, 0, 'an empty file is left alone');
});
