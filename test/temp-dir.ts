// Temporary folders for tests that need real files: each is removed when its test file ends, so a run
// leaves nothing behind in the OS temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A fresh directory under the OS temp dir (`mim-lint-<purpose>-XXXXXX`), removed after the test file. */
export function makeTempDir(purpose = 'cli'): string {
  const dir = mkdtempSync(join(tmpdir(), `mim-lint-${purpose}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
