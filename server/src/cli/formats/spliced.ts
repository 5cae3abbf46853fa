// Output written as it is produced: a file's part of the report is rendered when the file is done and
// goes to a temporary file, so neither its findings nor its text stay in memory; the document around
// the parts (which needs the exit code and the host profiles) is rendered at the end. The bytes are
// those of the one-shot JSON.stringify(…, null, 2): the parts take the place of a marker.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Stands for the array items in the document rendered at the end. */
export const itemsMarker = '\u0000mim-lint-items\u0000';

const chunkBytes = 1 << 20;

/** The items of the one array a document streams, kept on disk until the document is written. */
export class SpilledItems {
  private directory: string | undefined;
  private fd: number | undefined;
  private count = 0;

  add(item: unknown): void {
    if (this.fd === undefined) {
      this.directory = mkdtempSync(join(tmpdir(), 'mim-lint-output-'));
      this.fd = openSync(join(this.directory, 'items'), 'w+', 0o600);
    }
    // Unindented here; each "\n" gets the array's indentation when the document is written.
    writeSync(this.fd, `${this.count === 0 ? '' : ','}\n${JSON.stringify(item, null, 2)}`);
    this.count++;
  }

  /**
   * `document`: JSON.stringify(…, null, 2) of a value whose one array holds only `itemsMarker`. Yields
   * the pieces that, written in order, give that document with the items in the array; then cleans up.
   */
  *pieces(document: string): Generator<string> {
    try {
      const at = document.indexOf(JSON.stringify(itemsMarker));
      const lineStart = document.lastIndexOf('\n', at) + 1;
      const indent = document.slice(lineStart, at);
      yield document.slice(0, lineStart - 1);
      if (this.fd !== undefined) {
        const decoder = new StringDecoder('utf8');
        const buffer = Buffer.alloc(chunkBytes);
        for (let position = 0, read; (read = readSync(this.fd, buffer, 0, chunkBytes, position)) > 0; position += read) {
          yield decoder.write(buffer.subarray(0, read)).replace(/\n/g, `\n${indent}`);
        }
        yield `${decoder.end()}\n${indent.slice(2)}`;
      }
      yield document.slice(document.indexOf(']', at));
    } finally {
      this.dispose();
    }
  }

  private dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.directory !== undefined) rmSync(this.directory, { recursive: true, force: true });
    this.fd = this.directory = undefined;
  }
}
