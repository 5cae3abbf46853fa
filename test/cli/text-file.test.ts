// Decoding and encoding files: the BOM is stripped for linting and restored on writing, and every
// encoding round-trips byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, encodeText, UnencodableTextError } from '../../server/src/common/text-file';

const sample = '<a>Größe 😀\r\n€</a>';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

const encodedSamples = [
  { name: 'UTF-8 without BOM', bytes: Buffer.from(sample, 'utf8'), encoding: 'utf-8', bom: false },
  { name: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]), encoding: 'utf-8', bom: true },
  { name: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]), encoding: 'utf-16le', bom: true },
  { name: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(sample)]), encoding: 'utf-16be', bom: true },
] as const;

for (const { name, bytes, encoding, bom } of encodedSamples) {
  test(`${name}: decoded without BOM, encoded back to the same bytes`, () => {
    const decoded = decodeText(bytes);
    assert.equal(decoded.text, sample);
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.bom, bom);
    assert.equal(decoded.roundTrips, true);
    assert.deepEqual(Buffer.from(encodeText(decoded.text, decoded.encoding, decoded.bom)), bytes);
  });
}

test('bytes that are not UTF-8 are read as windows-1252 and written back unchanged', () => {
  const bytes = Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x80, 0x81, 0x9f, 0x20, 0xff, 0x3c, 0x2f, 0x61, 0x3e]);
  const decoded = decodeText(bytes);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.equal(decoded.bom, false);
  assert.equal(decoded.text, '<a>é€\u0081Ÿ ÿ</a>');
  assert.deepEqual(Buffer.from(encodeText(decoded.text, 'windows-1252', false)), bytes);
});

// Node 20's TextDecoder('windows-1252') decodes as latin1, so it cannot serve as the reference here:
// spot checks against the WHATWG index stand in for it.
test('every windows-1252 byte decodes to its own character and encodes back to itself', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const decoded = decodeText(all);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.equal(new Set(decoded.text).size, 256);
  assert.equal(decoded.text[0x80], '€');
  assert.equal(decoded.text[0x92], '\u2019');
  assert.equal(decoded.text[0x9f], 'Ÿ');
  assert.equal(decoded.text[0x8d], '\u008D', 'an unassigned byte maps to the C1 control of the same number');
  assert.equal(decoded.text[0xe9], 'é');
  assert.deepEqual(encodeText(decoded.text, 'windows-1252', false), all);
});

test('a character windows-1252 cannot hold is refused, not replaced', () => {
  assert.throws(() => encodeText('😀', 'windows-1252', false), UnencodableTextError);
  assert.throws(() => encodeText('\u0080', 'windows-1252', false), UnencodableTextError);
});

test('a lone surrogate is refused for UTF-8 rather than silently turned into U+FFFD', () => {
  assert.throws(() => encodeText('a\uD800b', 'utf-8', false), UnencodableTextError);
});

test('UTF-16 with an odd number of bytes is flagged as not round-tripping', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le'), Buffer.from([0x0a])]);
  const decoded = decodeText(bytes);
  assert.equal(decoded.encoding, 'utf-16le');
  assert.equal(decoded.text, '<a/>');
  assert.equal(decoded.roundTrips, false);
});

test('an empty file is empty UTF-8 text', () => {
  assert.deepEqual(decodeText(new Uint8Array()), { text: '', encoding: 'utf-8', bom: false, roundTrips: true });
});
