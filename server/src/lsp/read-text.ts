// File access for the background passes. The callback API of node:fs, not fs/promises: on the many
// small files of a workspace, fs/promises costs far more CPU per file (measured on 10,000 files of
// 2-6 KB: stat + readFile took 702 ms with fs/promises, 446 ms with callbacks), and the passes touch
// every file.
import { close, fstat, open, read, stat } from 'node:fs';
import { decodeText } from '../common/text-file';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Size and modification time of a regular file; undefined when it is gone or not a file. */
export function statFile(fileName: string): Promise<FileStamp | undefined> {
  return new Promise((resolve) => {
    stat(fileName, (error, info) => resolve(error || !info.isFile() ? undefined : { size: info.size, mtimeMs: info.mtimeMs }));
  });
}

export type ReadResult = { text: string } | { tooLarge: number } | undefined;

/**
 * The text of a regular file of at most `maxBytes`, decoded as the CLI decodes it; `tooLarge` with
 * the size seen otherwise, undefined when it cannot be read. Never more than `maxBytes + 1` bytes are
 * read, also from a file that grows while it is read: a huge file is never loaded.
 */
export function readTextFile(fileName: string, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    open(fileName, 'r', (openError, fd) => {
      if (openError) return resolve(undefined);
      const done = (result: ReadResult) => close(fd, () => resolve(result));
      fstat(fd, (statError, info) => {
        if (statError || !info.isFile()) return done(undefined);
        if (info.size > maxBytes) return done({ tooLarge: info.size });
        readUpTo(fd, info.size, maxBytes, (readError, bytes) => {
          if (readError || !bytes) done(undefined);
          else if (bytes.length > maxBytes) done({ tooLarge: bytes.length });
          else done({ text: decodeText(bytes).text });
        });
      });
    });
  });
}

/** Reads to the end of the file, or until more than `maxBytes` have been read; `expected` (the size fstat saw) sizes the first buffer. */
export function readUpTo(fd: number, expected: number, maxBytes: number, callback: (error: Error | null, bytes?: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let total = 0;
  const next = (size: number) => {
    // One byte more than expected: a read that fills it shows the file grew, and reading goes on.
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes + 1 - total));
    read(fd, buffer, 0, buffer.length, null, (error, bytesRead) => {
      if (error) return callback(error);
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (bytesRead < buffer.length || total > maxBytes) return callback(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total));
      next(64 * 1024);
    });
  };
  next(expected + 1);
}

/** The text of a file no larger than `maxBytes`; undefined when it is larger or cannot be read. */
export async function readSmallTextFile(fileName: string, maxBytes: number): Promise<string | undefined> {
  const result = await readTextFile(fileName, maxBytes);
  return result && 'text' in result ? result.text : undefined;
}
