import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRegistryFile } from '../../../server/src/engine/registry/read';
import { RegistryHistory } from '../../../server/src/engine/registry/history';
import type { RegistryFacts } from '../../../server/src/engine/registry/facts';
import { eols, reg } from './registry-helpers';


const schannel = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const schannelPath = 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

/** Writes as [operation, hive\\path, value name, data, the text the write's range covers]. */
function writes(facts: RegistryFacts, text: string): unknown[][] {
  return facts.writes.map((w) => [w.operation, `${w.hive}\\${w.path}`, w.valueName, w.data, text.slice(w.start, w.end)]);
}

function errors(facts: RegistryFacts, text: string): string[] {
  return facts.syntaxErrors.map((e) => text.slice(e.start, e.end));
}

for (const eol of eols) {
  test(`.reg reader: keys, values, data types, deletions and comments (${eol.name})`, () => {
    const text = eol.apply(reg(
      '; TLS hardening',
      `[${schannel}\\TLS 1.0\\Server]`,
      '"Enabled"=dword:00000000',
      '"DisabledByDefault"=dword:1 ; short form',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Esc]',
      '@="default \\"quoted\\" C:\\\\path"',
      '"Big"=qword:ffffffffffff',
      '"Bytes"=hex:01,02,\\',
      '  03,04',
      '"Dword4"=hex(4):ff,ff,ff,ff',
      '"Multi"=hex(7):41,00,00,00,\\',
      '  00,00',
      '"Old"=-',
      '',
      `[-${schannel}\\SSL 2.0]`,
      '[hkey_local_machine\\SOFTWARE\\Trailing\\\\]',
    ));
    const facts = readRegistryFile('reg', text);
    assert.deepEqual(errors(facts, text), []);
    assert.equal(text.slice(facts.header!.start, facts.header!.end), 'Windows Registry Editor Version 5.00');
    const esc = 'HKLM\\SOFTWARE\\Contoso\\Esc';
    const tls10 = `HKLM\\${schannelPath}\\TLS 1.0\\Server`;
    assert.deepEqual(writes(facts, text), [
      ['create-key', tls10, undefined, undefined, `[${schannel}\\TLS 1.0\\Server]`],
      ['set-value', tls10, 'Enabled', 0, '"Enabled"=dword:00000000'],
      ['set-value', tls10, 'DisabledByDefault', 1, '"DisabledByDefault"=dword:1 ; short form'],
      ['create-key', esc, undefined, undefined, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Esc]'],
      ['set-value', esc, '', 'default "quoted" C:\\path', '@="default \\"quoted\\" C:\\\\path"'],
      ['set-value', esc, 'Big', 0xffffffffffff, '"Big"=qword:ffffffffffff'],
      ['set-value', esc, 'Bytes', undefined, eol.lines('"Bytes"=hex:01,02,\\\n  03,04')],
      ['set-value', esc, 'Dword4', 0xffffffff, '"Dword4"=hex(4):ff,ff,ff,ff'],
      ['set-value', esc, 'Multi', undefined, eol.lines('"Multi"=hex(7):41,00,00,00,\\\n  00,00')],
      ['delete-value', esc, 'Old', undefined, '"Old"=-'],
      ['delete-key', `HKLM\\${schannelPath}\\SSL 2.0`, undefined, undefined, `[-${schannel}\\SSL 2.0]`],
      ['create-key', 'HKLM\\SOFTWARE\\Trailing', undefined, undefined, '[hkey_local_machine\\SOFTWARE\\Trailing\\\\]'],
    ]);
    assert.deepEqual(facts.comments.map((c) => c.text), ['; TLS hardening', '; short form']);
    // Blocks run from the key line to the block's last line, its line break included.
    const [first, second, deletion, last] = facts.blocks;
    assert.equal(text.slice(first.start, first.end), eol.lines(`[${schannel}\\TLS 1.0\\Server]\n"Enabled"=dword:00000000\n"DisabledByDefault"=dword:1 ; short form\n`));
    assert.equal(text.slice(first.pathStart, first.pathEnd), `${schannel}\\TLS 1.0\\Server`);
    assert.ok(text.slice(second.start, second.end).endsWith(eol.lines('"Old"=-\n')));
    assert.equal(deletion.deleted, true);
    assert.equal(text.slice(deletion.pathStart, deletion.pathEnd), `${schannel}\\SSL 2.0`);
    assert.equal(last.root, 'hkey_local_machine');
    // Data ranges: what a fix rewrites.
    const bytes = facts.values!.find((v) => v.write.valueName === 'Bytes')!;
    assert.equal(text.slice(bytes.dataStart, bytes.dataEnd), eol.lines('hex:01,02,\\\n  03,04'));
    const dword = facts.values!.find((v) => v.write.valueName === 'DisabledByDefault')!;
    assert.equal(text.slice(dword.dataStart, dword.dataEnd), 'dword:1');
  });

  test(`.reg reader: REGEDIT4 header, BOM, blank lines before the header (${eol.name})`, () => {
    const text = eol.apply('\n\nREGEDIT4\n\n[HKEY_CURRENT_USER\\Software\\X]\n"A"="1"\n');
    const facts = readRegistryFile('reg', text);
    assert.deepEqual(errors(facts, text), []);
    assert.equal(facts.header!.text, 'REGEDIT4');
    assert.deepEqual(writes(facts, text), [
      ['create-key', 'HKCU\\Software\\X', undefined, undefined, '[HKEY_CURRENT_USER\\Software\\X]'],
      ['set-value', 'HKCU\\Software\\X', 'A', '1', '"A"="1"'],
    ]);
  });

  test(`.reg reader: syntax errors with exact ranges, and nothing written for a bad line (${eol.name})`, () => {
    const text = eol.apply([
      '"Orphan"=dword:00000001',
      'Windows Registry Editor Version 5.00',
      '[HKLM\\SOFTWARE\\Abbrev]',
      '"Ignored"=dword:00000001',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Open',
      '[[HKEY_LOCAL_MACHINE\\SOFTWARE\\Double]]',
      '[HKEY_LOCAL_MACINE\\SOFTWARE\\Typo]',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Good]',
      '"Long"=dword:123456789',
      '"Letters"=dword:xyz',
      '"Empty"=dword:',
      '"Kind"=expand:"x"',
      '"Open="abc',
      '"Str"="abc',
      '"Bytes"=hex:01,zz,03',
      '"After"=dword:00000001 junk',
      '"NoEquals" dword:1',
      'just words',
      '"Ok"=dword:00000002',
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Gone]',
      '"Late"=dword:1',
      '',
    ].join('\n'));
    const facts = readRegistryFile('reg', text);
    assert.deepEqual(errors(facts, text), [
      '"Orphan"=dword:00000001', // missing header (the first non-empty line)
      '"Orphan"=dword:00000001', // a value before any key
      'Windows Registry Editor Version 5.00', // not a .reg line once the header is missing
      'HKLM',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Open',
      '[[HKEY_LOCAL_MACHINE\\SOFTWARE\\Double]]',
      'HKEY_LOCAL_MACINE',
      '123456789',
      'xyz',
      'dword:',
      'expand',
      'abc',
      '"abc',
      'zz',
      'junk',
      'dword:1',
      'just words',
      '"Late"=dword:1',
    ]);
    assert.deepEqual(
      facts.writes.filter((w) => w.operation === 'set-value').map((w) => w.valueName),
      ['Ok'],
      'only well-formed values under a valid key are written',
    );
  });

  test(`.reg reader: unknown header and a hex continuation that runs into a key (${eol.name})`, () => {
    const text = eol.apply('Windows Registry Editor Version 4.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\n"B"=hex:01,\\\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Y]\n"C"=hex:01,\\\n; comment inside\n  02\n"D"=hex:,01\n');
    const facts = readRegistryFile('reg', text);
    assert.deepEqual(errors(facts, text), ['Windows Registry Editor Version 4.00', '\\', ',']);
    assert.deepEqual(writes(facts, text).map((w) => w.slice(0, 3)), [
      ['create-key', 'HKLM\\SOFTWARE\\X', undefined],
      ['create-key', 'HKLM\\SOFTWARE\\Y', undefined],
      ['set-value', 'HKLM\\SOFTWARE\\Y', 'C'],
    ]);
  });

  test(`security template reader: [Registry Values] only (${eol.name})`, () => {
    const text = eol.apply([
      '[Unicode]',
      'Unicode=yes',
      '[System Access]',
      'MinimumPasswordAge = 1',
      '[Registry Values]',
      '; FIPS',
      'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1',
      `MACHINE\\${schannelPath}\\TLS 1.0\\Client\\Enabled = 4,0`,
      'MACHINE\\Software\\Contoso\\Banner=1,"Authorized use only"',
      'MACHINE\\Software\\Contoso\\Paths=7,C:\\a,C:\\b',
      'MACHINE\\Software\\Contoso\\Bits=3,00',
      'MACHINE\\Software\\Contoso\\Neg=4,-1',
      'MACHINE\\Software\\Contoso\\NoComma=4',
      'MACHINE\\Software\\Contoso\\BadType=x,1',
      'MACHINE\\Software\\Contoso\\BadDword=4,one',
      'SOFTWARE\\NoRoot\\Value=4,1',
      'MACHINE\\NoValueName\\=4,1',
      'no equals sign',
      '[Version]',
      'signature="$CHICAGO$"',
      'Revision=1',
      '',
    ].join('\n'));
    const facts = readRegistryFile('inf', text);
    assert.equal(facts.header!.text, '[Registry Values]');
    const contoso = 'HKLM\\Software\\Contoso';
    assert.deepEqual(writes(facts, text), [
      ['set-value', 'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy', 'Enabled', 1, 'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1'],
      ['set-value', `HKLM\\${schannelPath}\\TLS 1.0\\Client`, 'Enabled', 0, `MACHINE\\${schannelPath}\\TLS 1.0\\Client\\Enabled = 4,0`],
      ['set-value', contoso, 'Banner', 'Authorized use only', 'MACHINE\\Software\\Contoso\\Banner=1,"Authorized use only"'],
      ['set-value', contoso, 'Paths', 'C:\\a,C:\\b', 'MACHINE\\Software\\Contoso\\Paths=7,C:\\a,C:\\b'],
      ['set-value', contoso, 'Bits', undefined, 'MACHINE\\Software\\Contoso\\Bits=3,00'],
      ['set-value', contoso, 'Neg', 0xffffffff, 'MACHINE\\Software\\Contoso\\Neg=4,-1'],
    ]);
    assert.deepEqual(errors(facts, text), ['4', 'x', 'one', 'SOFTWARE', 'MACHINE\\NoValueName\\', 'no equals sign']);
    const tls = facts.values![1];
    assert.equal(text.slice(tls.dataStart, tls.dataEnd), '4,0');
    assert.equal(text.slice(tls.block.pathStart, tls.block.pathEnd), `MACHINE\\${schannelPath}\\TLS 1.0\\Client`);
    assert.deepEqual(facts.comments.map((c) => c.text), ['; FIPS']);
  });
}

test('later writes win; deleting a key (or a key above it) clears its values', () => {
  const text = reg(
    `[${schannel}\\TLS 1.1\\Client]`,
    '"Enabled"=dword:00000000',
    '"Enabled"=dword:ffffffff',
    `[${schannel}\\TLS 1.1\\Server]`,
    '"Enabled"=dword:00000000',
    `[-${schannel}\\TLS 1.1]`,
    `[${schannel}\\TLS 1.0\\Client]`,
    '"Enabled"=dword:00000001',
    '"Enabled"=-',
  );
  const history = new RegistryHistory(readRegistryFile('reg', text));
  assert.equal(history.side('TLS 1.1', 'Client').usable, 'unknown', 'the parent key deletion came last');
  assert.equal(history.side('TLS 1.1', 'Server').deleted, true);
  assert.equal(history.side('TLS 1.0', 'Client').enabled, undefined, 'the value was deleted');
  const reordered = new RegistryHistory(readRegistryFile('reg', reg(`[-${schannel}\\TLS 1.1]`, `[${schannel}\\TLS 1.1\\Client]`, '"Enabled"=dword:00000000', '"Enabled"=dword:ffffffff')));
  assert.equal(reordered.side('TLS 1.1', 'Client').usable, 'on', 'any non-zero Enabled means on');
});

test('lone CR line endings and a missing final line break', () => {
  const text = 'Windows Registry Editor Version 5.00\r\r[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r"A"=dword:00000001';
  const facts = readRegistryFile('reg', text);
  assert.deepEqual(errors(facts, text), []);
  assert.equal(facts.writes.length, 2);
  assert.equal(facts.blocks[0].end, text.length);
});
