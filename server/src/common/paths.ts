// Path tests the CLI and the language server share (both read .mimlintrc.json files from disk).
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { ignoreMatcher, type ProjectConfig } from '../engine/config/project-config';

/** `path` is `root` or below it. */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The `ignore` test of the config file at `path`, for absolute paths (its globs are relative to its folder). */
export function ignoresBelow(path: string, config: ProjectConfig): (absolutePath: string) => boolean {
  const matches = ignoreMatcher(config);
  const folder = dirname(path);
  return (absolutePath) => {
    const inFolder = relative(folder, absolutePath);
    return inFolder !== '' && !inFolder.startsWith('..') && !isAbsolute(inFolder) && matches(inFolder.split(sep).join('/'));
  };
}
