// The .reg TextMate grammar, tokenized by the engine VS Code uses (vscode-textmate + vscode-oniguruma).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { lineStarting, loadGrammar, root, scopes, tokenizeWith } from './textmate';

const samples = join(root, 'test/unit/grammar/samples');

let grammar: IGrammar;

before(async () => {
  grammar = await loadGrammar('source.reg', 'reg.tmLanguage.json');
});

const tokenize = (text: string) => tokenizeWith(grammar, 'source.reg', text);

function sample(name: string) {
  return tokenize(readFileSync(join(samples, name), 'utf8'));
}

const KEY = 'meta.key.reg';
const VALUE = 'meta.value.reg';
const HEX = 'meta.data.hex.reg';

test('both file headers are keywords', () => {
  const v5 = sample('tls12-only-hardening.reg');
  assert.deepEqual(scopes(v5, 0, 'Windows Registry Editor Version 5.00'), ['meta.header.reg', 'keyword.other.header.reg']);
  const v4 = sample('regedit4.reg');
  assert.deepEqual(scopes(v4, 0, 'REGEDIT4'), ['meta.header.reg', 'keyword.other.header.reg']);
  // Anything else that looks like a header is not one: regedit refuses to import the file.
  const bad = tokenize('Windows Registry Editor Version 4.00\nREGEDIT 4');
  assert.deepEqual(scopes(bad, 0, 'Windows Registry Editor Version 4.00'), ['invalid.illegal.reg']);
  assert.deepEqual(scopes(bad, 1, 'REGEDIT 4'), ['invalid.illegal.reg']);
});

test('; comment lines', () => {
  const doc = sample('tls12-only-hardening.reg');
  const line = lineStarting(doc, '; --- SCHANNEL');
  assert.deepEqual(doc.tokens[line], [
    { text: ';', scopes: ['comment.line.semicolon.reg', 'punctuation.definition.comment.reg'] },
    { text: ' --- SCHANNEL: keep only TLS 1.2 (client and server) ---', scopes: ['comment.line.semicolon.reg'] },
  ]);
});

test('key line: hive and path segments are told apart', () => {
  const doc = sample('tls12-only-hardening.reg');
  const line = lineStarting(doc, '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client]');
  assert.deepEqual(scopes(doc, line, '['), [KEY, 'punctuation.definition.key.begin.reg']);
  assert.deepEqual(scopes(doc, line, 'HKEY_LOCAL_MACHINE'), [KEY, 'support.constant.hive.reg']);
  assert.deepEqual(scopes(doc, line, '\\'), [KEY, 'entity.name.section.reg', 'punctuation.separator.path.reg']);
  assert.deepEqual(scopes(doc, line, 'SCHANNEL'), [KEY, 'entity.name.section.reg']);
  assert.deepEqual(scopes(doc, line, 'TLS 1.1'), [KEY, 'entity.name.section.reg'], 'a key name with a space stays one token');
  assert.deepEqual(scopes(doc, line, 'Client'), [KEY, 'entity.name.section.reg']);
  assert.deepEqual(scopes(doc, line, ']'), [KEY, 'punctuation.definition.key.end.reg']);
  assert.ok(!doc.tokens[line].some((t) => t.scopes.includes('keyword.operator.deletion.reg')));
});

test('deleted key [-HKEY_...]', () => {
  const doc = sample('tls12-only-hardening.reg');
  const line = lineStarting(doc, '[-HKEY_LOCAL_MACHINE');
  assert.deepEqual(scopes(doc, line, '-'), ['meta.key.deletion.reg', 'keyword.operator.deletion.reg']);
  assert.deepEqual(scopes(doc, line, 'HKEY_LOCAL_MACHINE'), ['meta.key.deletion.reg', 'support.constant.hive.reg']);
  assert.deepEqual(scopes(doc, line, 'PCT 1.0'), ['meta.key.deletion.reg', 'entity.name.section.reg']);
});

test('quoted value name with escaped quotes, and the default value @', () => {
  const doc = sample('tls12-only-hardening.reg');
  const line = lineStarting(doc, '"Note \\"quoted\\" name"=');
  assert.deepEqual(doc.tokens[line].slice(0, 8), [
    { text: '"', scopes: [VALUE, 'variable.other.reg', 'punctuation.definition.variable.begin.reg'] },
    { text: 'Note ', scopes: [VALUE, 'variable.other.reg'] },
    { text: '\\"', scopes: [VALUE, 'variable.other.reg', 'constant.character.escape.reg'] },
    { text: 'quoted', scopes: [VALUE, 'variable.other.reg'] },
    { text: '\\"', scopes: [VALUE, 'variable.other.reg', 'constant.character.escape.reg'] },
    { text: ' name', scopes: [VALUE, 'variable.other.reg'] },
    { text: '"', scopes: [VALUE, 'variable.other.reg', 'punctuation.definition.variable.end.reg'] },
    { text: '=', scopes: [VALUE, 'keyword.operator.assignment.reg'] },
  ]);
  const def = lineStarting(doc, '@=');
  assert.deepEqual(scopes(doc, def, '@'), [VALUE, 'variable.language.default-value.reg']);
  assert.deepEqual(scopes(doc, def, '='), [VALUE, 'keyword.operator.assignment.reg']);
});

test('dword data: type and hex number, including ffffffff and short forms', () => {
  const doc = sample('tls12-only-hardening.reg');
  const fips = lineStarting(doc, '"Enabled"=dword:00000001', lineStarting(doc, '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa'));
  assert.deepEqual(doc.tokens[fips], [
    { text: '"', scopes: [VALUE, 'variable.other.reg', 'punctuation.definition.variable.begin.reg'] },
    { text: 'Enabled', scopes: [VALUE, 'variable.other.reg'] },
    { text: '"', scopes: [VALUE, 'variable.other.reg', 'punctuation.definition.variable.end.reg'] },
    { text: '=', scopes: [VALUE, 'keyword.operator.assignment.reg'] },
    { text: 'dword:', scopes: [VALUE, 'storage.type.reg'] },
    { text: '00000001', scopes: [VALUE, 'constant.numeric.hex.reg'] },
  ]);
  const all = lineStarting(doc, '"Enabled"=dword:ffffffff');
  assert.deepEqual(scopes(doc, all, 'ffffffff'), [VALUE, 'constant.numeric.hex.reg']);
  const short = lineStarting(doc, '"SchUseStrongCrypto"=dword:1');
  assert.deepEqual(scopes(doc, short, '1'), [VALUE, 'constant.numeric.hex.reg']);
});

test('hex(7): keeps the hex scope across three continuation lines and ends after the last one', () => {
  const doc = sample('tls12-only-hardening.reg');
  const first = lineStarting(doc, '"Functions"=hex(7):');
  assert.deepEqual(scopes(doc, first, 'hex(7):'), [VALUE, HEX, 'storage.type.reg']);
  assert.deepEqual(scopes(doc, first, '54'), [VALUE, HEX, 'constant.numeric.hex.reg']);
  assert.deepEqual(scopes(doc, first, ','), [VALUE, HEX, 'punctuation.separator.sequence.reg']);
  for (const line of [first, first + 1, first + 2]) {
    assert.ok(doc.lines[line].endsWith('\\'));
    assert.deepEqual(scopes(doc, line, '\\'), [VALUE, HEX, 'punctuation.separator.continuation.line.reg'], `line ${line + 1}`);
  }
  // The three continuation lines: every byte is a hex number inside the hex data.
  for (const line of [first + 1, first + 2, first + 3]) {
    const bytes = doc.tokens[line].filter((t) => /^[0-9a-f]{2}$/.test(t.text));
    assert.ok(bytes.length >= 8, `line ${line + 1} has bytes`);
    for (const b of bytes) assert.deepEqual(b.scopes, [VALUE, HEX, 'constant.numeric.hex.reg'], `line ${line + 1} ${b.text}`);
    assert.deepEqual(doc.tokens[line][0], { text: '  ', scopes: [VALUE, HEX] }, 'indentation is inside the value');
  }
  assert.equal(doc.lines[first + 3], '  38,00,34,00,00,00,00,00');
  assert.deepEqual(scopes(doc, first + 3, '38'), [VALUE, HEX, 'constant.numeric.hex.reg']);
  // The next line is a new value, outside the hex data.
  assert.deepEqual(scopes(doc, first + 4, 'EccCurves'), [VALUE, 'variable.other.reg']);
});

test('hex(2): and hex(b): data', () => {
  const doc = sample('tls12-only-hardening.reg');
  const expand = lineStarting(doc, '"ImagePath"=hex(2):');
  assert.deepEqual(scopes(doc, expand, 'hex(2):'), [VALUE, HEX, 'storage.type.reg']);
  assert.deepEqual(scopes(doc, expand + 1, '25'), [VALUE, HEX, 'constant.numeric.hex.reg']);
  const qword = lineStarting(doc, '"LastCheck"=hex(b):');
  assert.deepEqual(scopes(doc, qword, 'hex(b):'), [VALUE, HEX, 'storage.type.reg']);
  assert.deepEqual(scopes(doc, qword + 1, 'Blob'), [VALUE, 'variable.other.reg'], 'a single-line hex value ends at its line');
});

test('string data with \\" and \\\\ escapes', () => {
  const doc = sample('tls12-only-hardening.reg');
  const line = lineStarting(doc, '@="TLS 1.2 only');
  const STR = [VALUE, 'string.quoted.double.reg'];
  assert.deepEqual(doc.tokens[line].slice(2), [
    { text: '"', scopes: [...STR, 'punctuation.definition.string.begin.reg'] },
    { text: 'TLS 1.2 only, see ', scopes: STR },
    { text: '\\"', scopes: [...STR, 'constant.character.escape.reg'] },
    { text: 'MIM TLS runbook', scopes: STR },
    { text: '\\"', scopes: [...STR, 'constant.character.escape.reg'] },
    { text: ' on ', scopes: STR },
    { text: '\\\\', scopes: [...STR, 'constant.character.escape.reg'] },
    { text: '\\\\', scopes: [...STR, 'constant.character.escape.reg'] },
    { text: 'fileserver', scopes: STR },
    { text: '\\\\', scopes: [...STR, 'constant.character.escape.reg'] },
    { text: 'ops', scopes: STR },
    { text: '"', scopes: [...STR, 'punctuation.definition.string.end.reg'] },
  ]);
});

test('"Name"=- deletes the value', () => {
  const doc = sample('tls12-only-hardening.reg');
  const line = lineStarting(doc, '"EccCurves"=-');
  assert.deepEqual(doc.tokens[line].slice(3), [
    { text: '=', scopes: [VALUE, 'keyword.operator.assignment.reg'] },
    { text: '-', scopes: [VALUE, 'keyword.operator.deletion.reg'] },
  ]);
});

test('invalid dword data: a non-hex digit, more than 8 digits, no digits', () => {
  const doc = sample('tls12-only-hardening.reg');
  const g = lineStarting(doc, '"PollExchangeEnabled"=dword:0000000g');
  assert.deepEqual(scopes(doc, g, 'dword:'), [VALUE, 'storage.type.reg']);
  assert.deepEqual(scopes(doc, g, '0000000g'), [VALUE, 'invalid.illegal.reg']);
  const long = lineStarting(doc, '"TooLong"=dword:000000001');
  assert.deepEqual(scopes(doc, long, '000000001'), [VALUE, 'invalid.illegal.reg']);
  const empty = tokenize('"Enabled"=dword:');
  assert.deepEqual(scopes(empty, 0, 'dword:'), [VALUE, 'invalid.illegal.reg']);
  const upper = tokenize('"Enabled"=DWORD:00000001');
  assert.deepEqual(scopes(upper, 0, 'DWORD:00000001'), [VALUE, 'invalid.illegal.reg'], 'data types are lower case');
});

test('comments after data and after a continuation backslash; lines regedit skips', () => {
  const doc = tokenize(
    [
      '"Enabled"=dword:00000000 ; TLS 1.0 off',
      '"Blob"=hex:01,02,\\ ; more below',
      '  ; a comment line inside the data',
      '',
      '  03,04',
      'Enabled=dword:00000001',
      '"Path"="C:\\Windows"',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso] ; trailing note',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso',
    ].join('\r\n'),
  );
  assert.deepEqual(scopes(doc, 0, '00000000'), [VALUE, 'constant.numeric.hex.reg']);
  assert.deepEqual(scopes(doc, 0, ';'), [VALUE, 'comment.line.semicolon.reg', 'punctuation.definition.comment.reg']);
  assert.deepEqual(scopes(doc, 1, '\\'), [VALUE, HEX, 'punctuation.separator.continuation.line.reg']);
  assert.deepEqual(scopes(doc, 1, ' more below'), [VALUE, HEX, 'comment.line.semicolon.reg']);
  assert.deepEqual(scopes(doc, 2, ' a comment line inside the data'), [VALUE, HEX, 'comment.line.semicolon.reg']);
  assert.deepEqual(scopes(doc, 4, '03'), [VALUE, HEX, 'constant.numeric.hex.reg'], 'regedit skips blank and comment lines in a continuation');
  assert.deepEqual(scopes(doc, 5, 'Enabled=dword:00000001'), ['invalid.illegal.reg'], 'an unquoted value name is ignored by regedit');
  assert.deepEqual(scopes(doc, 6, '\\W'), [VALUE, 'string.quoted.double.reg', 'invalid.illegal.escape.reg']);
  assert.deepEqual(scopes(doc, 7, ' trailing note'), [KEY, 'comment.line.semicolon.reg']);
  assert.deepEqual(scopes(doc, 8, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso'), ['invalid.illegal.key.reg']);
});

test('package.json contributes the reg language, its configuration and grammar', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'reg');
  assert.ok(language, 'language reg');
  assert.deepEqual(language.aliases, ['Windows Registry', 'reg']);
  assert.deepEqual(language.extensions, ['.reg']);
  const firstLine = new RegExp(language.firstLine);
  assert.ok(firstLine.test('Windows Registry Editor Version 5.00'));
  assert.ok(firstLine.test('REGEDIT4'));
  assert.ok(!firstLine.test('REGEDIT5'));
  const config = JSON.parse(readFileSync(join(root, language.configuration), 'utf8'));
  assert.equal(config.comments.lineComment, ';');
  assert.deepEqual(config.brackets, [['[', ']']]);
  const grammarEntry = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'reg');
  assert.equal(grammarEntry.scopeName, 'source.reg');
  assert.equal(JSON.parse(readFileSync(join(root, grammarEntry.path), 'utf8')).scopeName, 'source.reg');
});
