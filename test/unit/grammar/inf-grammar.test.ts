// The security template (.inf) TextMate grammar, tokenized by the engine VS Code uses. The sample is a
// secedit /export as saved on disk (UTF-16LE with a byte order mark, CRLF) with an admin's edits; the
// grammar sees the text VS Code decoded from it, as here.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { lineStarting, loadGrammar, root, scopes, tokenizeWith, type TokenizedDocument } from './textmate';

let grammar: IGrammar;
let doc: TokenizedDocument;

const tokenize = (text: string) => tokenizeWith(grammar, 'source.inf', text);

before(async () => {
  grammar = await loadGrammar('source.inf', 'inf.tmLanguage.json');
  const bytes = readFileSync(join(root, 'test/unit/grammar/samples/mim-hardening.inf'));
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'the sample is UTF-16LE with a BOM, as secedit writes it');
  doc = tokenize(new TextDecoder('utf-16le').decode(bytes));
});

const RV = 'meta.section.registry-values.inf';
const VALUE = 'meta.registry-value.inf';
const KEY = 'entity.name.namespace.registry-key.inf';
const ENTRY = 'meta.entry.inf';

test('section headers, [Registry Values] included', () => {
  for (const name of ['Unicode', 'System Access', 'Event Audit', 'Privilege Rights', 'Version']) {
    const line = lineStarting(doc, `[${name}]`);
    assert.deepEqual(doc.tokens[line], [
      { text: '[', scopes: ['meta.section.header.inf', 'punctuation.definition.section.begin.inf'] },
      { text: name, scopes: ['meta.section.header.inf', 'entity.name.section.inf'] },
      { text: ']', scopes: ['meta.section.header.inf', 'punctuation.definition.section.end.inf'] },
    ]);
  }
  const rv = lineStarting(doc, '[Registry Values]');
  assert.deepEqual(scopes(doc, rv, 'Registry Values'), [RV, 'meta.section.header.inf', 'entity.name.section.inf']);
});

test('; comments, inside and outside [Registry Values]', () => {
  const top = lineStarting(doc, '; MIM 2016 SP2');
  assert.deepEqual(scopes(doc, top, ';'), ['comment.line.semicolon.inf', 'punctuation.definition.comment.inf']);
  const inside = lineStarting(doc, '; FIPS:');
  assert.deepEqual(scopes(doc, inside, ';'), [RV, 'comment.line.semicolon.inf', 'punctuation.definition.comment.inf']);
});

test('a REG_DWORD line: root, key path, value name, type and decimal data', () => {
  const line = lineStarting(doc, 'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1');
  assert.deepEqual(doc.tokens[line].slice(-6), [
    { text: '\\', scopes: [RV, VALUE, 'punctuation.separator.path.inf'] },
    { text: 'Enabled', scopes: [RV, VALUE, 'variable.other.value-name.inf'] },
    { text: '=', scopes: [RV, VALUE, 'keyword.operator.assignment.inf'] },
    { text: '4', scopes: [RV, VALUE, 'storage.type.inf'] },
    { text: ',', scopes: [RV, VALUE, 'punctuation.separator.sequence.inf'] },
    { text: '1', scopes: [RV, VALUE, 'constant.numeric.decimal.inf'] },
  ]);
  assert.deepEqual(scopes(doc, line, 'MACHINE'), [RV, VALUE, 'support.constant.hive.inf']);
  assert.deepEqual(scopes(doc, line, 'FIPSAlgorithmPolicy'), [RV, VALUE, KEY]);
  assert.deepEqual(scopes(doc, line, '\\'), [RV, VALUE, KEY, 'punctuation.separator.path.inf']);
});

test('a key segment with a space stays one token; blanks around = and , and -1 data', () => {
  const line = lineStarting(doc, 'MACHINE\\System\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\\Enabled = 4, -1');
  assert.deepEqual(scopes(doc, line, 'TLS 1.2'), [RV, VALUE, KEY]);
  assert.deepEqual(scopes(doc, line, 'Enabled'), [RV, VALUE, 'variable.other.value-name.inf']);
  assert.deepEqual(scopes(doc, line, '-1'), [RV, VALUE, 'constant.numeric.decimal.inf']);
});

test('a quoted key', () => {
  const line = lineStarting(doc, '"MACHINE\\Software\\Microsoft\\.NETFramework');
  assert.deepEqual(scopes(doc, line, '"'), [RV, VALUE, 'punctuation.definition.string.begin.inf']);
  assert.deepEqual(scopes(doc, line, 'v2.0.50727'), [RV, VALUE, KEY]);
  assert.deepEqual(scopes(doc, line, 'SystemDefaultTlsVersions'), [RV, VALUE, 'variable.other.value-name.inf']);
  assert.deepEqual(scopes(doc, line, '"', 1), [RV, VALUE, 'punctuation.definition.string.end.inf']);
  assert.deepEqual(scopes(doc, line, '1'), [RV, VALUE, 'constant.numeric.decimal.inf']);
});

test('string types: REG_SZ quoted, REG_EXPAND_SZ unquoted, REG_MULTI_SZ items, REG_BINARY bytes', () => {
  const caption = lineStarting(doc, 'MACHINE\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\LegalNoticeCaption');
  assert.deepEqual(scopes(doc, caption, 'Windows NT'), [RV, VALUE, KEY]);
  assert.deepEqual(scopes(doc, caption, 'Contoso MIM'), [RV, VALUE, 'string.quoted.double.inf']);
  const installDir = lineStarting(doc, 'MACHINE\\Software\\Contoso\\MIM\\InstallDir');
  assert.deepEqual(scopes(doc, installDir, '%ProgramFiles%\\Microsoft Forefront Identity Manager'), [RV, VALUE, 'string.unquoted.inf']);
  const text = lineStarting(doc, 'MACHINE\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\LegalNoticeText');
  assert.deepEqual(scopes(doc, text, 'Authorized use only.'), [RV, VALUE, 'string.unquoted.inf']);
  assert.deepEqual(scopes(doc, text, ',', 1), [RV, VALUE, 'punctuation.separator.sequence.inf'], 'the comma between two items');
  assert.deepEqual(scopes(doc, text, 'Activity is monitored.'), [RV, VALUE, 'string.unquoted.inf']);
  const empty = lineStarting(doc, 'MACHINE\\System\\CurrentControlSet\\Services\\LanManServer\\Parameters\\NullSessionShares=7,');
  assert.deepEqual(doc.tokens[empty].slice(-2).map((t) => t.scopes.at(-1)), ['storage.type.inf', 'punctuation.separator.sequence.inf']);
  const binary = lineStarting(doc, 'MACHINE\\Software\\Contoso\\MIM\\Thumbprint');
  assert.deepEqual(scopes(doc, binary, 'ff'), [RV, VALUE, 'constant.numeric.hex.inf']);
});

test('lines the template reader rejects (MIM305) are marked invalid', () => {
  const noRoot = lineStarting(doc, 'SOFTWARE\\Contoso\\MIM\\NoRoot=4,1');
  assert.deepEqual(doc.tokens[noRoot], [{ text: 'SOFTWARE\\Contoso\\MIM\\NoRoot=4,1', scopes: [RV, 'invalid.illegal.registry-value.inf'] }]);
  const word = lineStarting(doc, 'MACHINE\\Software\\Contoso\\MIM\\Mode=4,on');
  assert.deepEqual(scopes(doc, word, '4,on'), [RV, VALUE, 'invalid.illegal.inf']);
  const more = tokenize('[Registry Values]\r\nMACHINE\\Software\\Contoso\\NoComma=4\r\nMACHINE\\Software\\Contoso\\BadType=12,1\r\nno equals sign\r\n');
  assert.deepEqual(scopes(more, 1, '4'), [RV, VALUE, 'invalid.illegal.inf']);
  assert.deepEqual(scopes(more, 2, '12,1'), [RV, VALUE, 'invalid.illegal.inf']);
  assert.deepEqual(scopes(more, 3, 'no equals sign'), [RV, 'invalid.illegal.registry-value.inf']);
});

test('[Registry Values] ends at the next section: its lines are plain entries again', () => {
  const rights = lineStarting(doc, 'SeNetworkLogonRight');
  assert.deepEqual(scopes(doc, rights, 'SeNetworkLogonRight'), [ENTRY, 'variable.other.key.inf']);
  assert.deepEqual(scopes(doc, rights, '*S-1-5-32-544'), [ENTRY, 'constant.other.sid.inf']);
  assert.deepEqual(scopes(doc, rights, 'CONTOSO\\MIMSyncAdmins'), [ENTRY]);
  const signature = lineStarting(doc, 'signature=');
  assert.deepEqual(scopes(doc, signature, '$CHICAGO$'), [ENTRY, 'string.quoted.double.inf']);
  const length = lineStarting(doc, 'MinimumPasswordLength = 14');
  assert.deepEqual(scopes(doc, length, '14'), [ENTRY, 'constant.numeric.decimal.inf']);
  assert.deepEqual(scopes(doc, length, '='), [ENTRY, 'keyword.operator.assignment.inf']);
  const admin = lineStarting(doc, 'NewAdministratorName');
  assert.deepEqual(scopes(doc, admin, 'MIMLocalAdmin'), [ENTRY, 'string.quoted.double.inf']);
  // A MACHINE\… line outside [Registry Values] is no registry value.
  const outside = tokenize('[Version]\r\nMACHINE\\Software\\X\\Y=4,1\r\n');
  assert.ok(!outside.tokens[1].some((t) => t.scopes.includes(VALUE)), JSON.stringify(outside.tokens[1]));
});

test('package.json contributes the inf language, its configuration and grammar, and the server reads it', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'inf');
  assert.ok(language, 'language inf');
  assert.deepEqual(language.extensions, ['.inf']);
  assert.ok(language.aliases.includes('Security Template'), JSON.stringify(language.aliases));
  const config = JSON.parse(readFileSync(join(root, language.configuration), 'utf8'));
  assert.equal(config.comments.lineComment, ';');
  const grammarEntry = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'inf');
  assert.equal(grammarEntry.scopeName, 'source.inf');
  assert.equal(JSON.parse(readFileSync(join(root, grammarEntry.path), 'utf8')).scopeName, 'source.inf');
  assert.ok(manifest.activationEvents.includes('onLanguage:inf'), 'opening a .inf activates the extension');
  const client = readFileSync(join(root, 'client/src/extension.ts'), 'utf8');
  assert.match(client, /\{ scheme: 'file', language: 'inf' \}/, 'the client sends inf documents to the server');
});
