// The files of a workspace folder, for the background passes (hardening index, workspace lint):
// `files.exclude` honoured, node_modules and .git skipped, read one directory at a time so a caller
// can stop (or yield to the editor's requests) between any two files.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { excludedBy } from './glob';

const skippedDirectories = new Set(['node_modules', '.git']);

export async function* workspaceFiles(folder: string, excludes: readonly RegExp[], log: (message: string) => void): AsyncGenerator<string> {
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
