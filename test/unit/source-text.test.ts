import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceText } from '../../server/src/engine/source-text';

test('positions count UTF-16 units and treat CRLF as one line break', () => {
  const source = new SourceText('a😀b\r\nxy\rz\n', 'f.config');
  assert.deepEqual(source.positionAt(3), { line: 0, character: 3 });
  assert.deepEqual(source.positionAt(6), { line: 1, character: 0 });
  assert.deepEqual(source.positionAt(9), { line: 2, character: 0 });
  assert.equal(source.lineCount, 4);
  assert.equal(source.offsetAt({ line: 1, character: 1 }), 7);
  assert.equal(source.offsetAt({ line: 0, character: 99 }), 4, 'clamped to the line content');
  assert.equal(source.eol, '\r\n');
});

test('indentation unit: tabs, or the common step of spaces', () => {
  assert.equal(new SourceText('<a>\n\t<b>\n\t\t<c/>\n\t</b>\n</a>', 'x').indentUnit, '\t');
  assert.equal(new SourceText('<a>\n    <b>\n        <c/>\n    </b>\n</a>', 'x').indentUnit, '    ');
  assert.equal(new SourceText('<a>\n  <b>\n    <c/>\n  </b>\n</a>', 'x').indentUnit, '  ');
  assert.equal(new SourceText('<a/>', 'x').eol, '\r\n', 'a file without line breaks gets the Windows default');
});
