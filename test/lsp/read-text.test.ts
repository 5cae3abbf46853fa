// The background passes' file reads: a file over the limit is never loaded, however it got there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile, readUpTo } from '../../server/src/lsp/read-text';
import { makeTempDir } from '../temp-dir';

function inFolder(run: (folder: string) => Promise<void>): Promise<void> {
  const folder = makeTempDir('read');
  return run(folder).finally(() => rmSync(folder, { recursive: true, force: true }));
}

test('a small file is read and decoded; a missing one or a folder is undefined', () =>
  inFolder(async (folder) => {
    writeFileSync(join(folder, 'a.reg'), Buffer.from('\ufeffWindows Registry Editor Version 5.00\r\n', 'utf16le'));
    assert.deepEqual(await readTextFile(join(folder, 'a.reg'), 1024), { text: 'Windows Registry Editor Version 5.00\r\n' });
    assert.equal(await readTextFile(join(folder, 'missing.reg'), 1024), undefined);
    assert.equal(await readTextFile(folder, 1024), undefined);
  }));

test('a 50 MB file is reported too large from its size alone', () =>
  inFolder(async (folder) => {
    const path = join(folder, 'huge.config');
    // Sparse: 50 MB on paper, nothing on disk; a read of it would still cost 50 MB of memory.
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024);
    assert.deepEqual(await readTextFile(path, 1024 * 1024), { tooLarge: 50 * 1024 * 1024 });
  }));

/** readUpTo on a fresh descriptor, as if fstat had seen `expected` bytes. */
async function readAsIfSized(path: string, expected: number, maxBytes: number): Promise<string> {
  const fd = openSync(path, 'r');
  try {
    return await new Promise<string>((resolve, reject) => readUpTo(fd, expected, maxBytes, (error, bytes) => (error ? reject(error) : resolve(bytes!.toString()))));
  } finally {
    closeSync(fd);
  }
}

test('a file that grew since fstat is read on, but never past the limit', () =>
  inFolder(async (folder) => {
    const path = join(folder, 'growing.cmd');
    writeFileSync(path, '0123456789');
    // fstat saw 2 bytes; there are 10 now.
    assert.equal(await readAsIfSized(path, 2, 5), '012345', 'one byte past the limit, no more: the caller sees it is too large');
    assert.equal(await readAsIfSized(path, 2, 100), '0123456789', 'under the limit, all of it is read');
  }));
