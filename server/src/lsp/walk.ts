// The files of a workspace folder, for the background passes (hardening index, workspace lint):
// `files.exclude` honoured, node_modules and .git skipped, read one directory at a time so a caller
// can stop (or yield to the editor's requests) between any two files.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { excludedBy, type Glob } from './glob';

const skippedDirectories = new Set(['node_modules', '.git']);

export async function* workspaceFiles(folder: string, excludes: readonly Glob[], log: (message: string) => void): AsyncGenerator<string> {
  const pending = [folder];
  while (pending.length > 0) {
    const directory = pending.shift()!;
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      log(`Cannot read ${directory}: ${String(error)}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (excludedBy(excludes, relative(folder, path).split(sep).join('/'))) continue;
      if (entry.isDirectory() && !skippedDirectories.has(entry.name)) pending.push(path);
      else if (entry.isFile()) yield path;
    }
  }
}

/** Lets the editor's requests in between two files of a long pass. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How many files' disk reads overlap in a background pass. */
const readAheadFiles = 16;

/**
 * Reads files `readAheadFiles` at a time (the thread pool does the reads side by side) and hands each
 * batch's results to `use`, in order. A batch is read while the one before it is used, so the CPU
 * does not wait for the disk; the editor's requests get in between batches. `read` returns undefined
 * for a file to skip; a read that fails goes to `failed` and the file is skipped. Nothing more is
 * used once `stopped()` says so.
 */
export async function readAhead<T>(
  paths: AsyncIterable<string>,
  read: (path: string) => Promise<T | undefined>,
  use: (values: T[]) => void,
  stopped: () => boolean,
  failed: (path: string, error: unknown) => void,
): Promise<void> {
  const useAll = async (values: Promise<Array<T | undefined>>) => {
    const ready = (await values).filter((value): value is T => value !== undefined);
    if (ready.length > 0 && !stopped()) use(ready);
    await yieldToEventLoop();
  };
  let batch: Array<Promise<T | undefined>> = [];
  let previous: Promise<Array<T | undefined>> | undefined;
  for await (const path of paths) {
    if (stopped()) return;
    // Caught at once: a rejection waiting in a batch not awaited yet would end the process.
    batch.push(
      read(path).catch((error: unknown) => {
        failed(path, error);
        return undefined;
      }),
    );
    if (batch.length < readAheadFiles) continue;
    const current = Promise.all(batch);
    batch = [];
    if (previous) await useAll(previous);
    previous = current;
  }
  if (previous) await useAll(previous);
  if (batch.length > 0) await useAll(Promise.all(batch));
}
