// Finds and reads the CLI's project config files: the nearest .mimlintrc.json above each file, up to
// the root of the tree named on the command line, or the one file given with --config. A config file
// with any problem stops the run (exit 2) with one line naming file, line and column: in CI a broken
// config must not pass as "no findings".
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { SourceText } from '../engine/index';
import { parseProjectConfig, projectConfigFileName, type ProjectConfig } from '../engine/config/project-config';
import { FileAccessError, reason } from './errors';
import { decodeText } from '../common/text-file';
import { ignoresBelow, isInside } from '../common/paths';

/** An invalid config file: printed like an unreadable path, on one line, exit code 2. */
export class ConfigFileError extends FileAccessError {}

export interface AppliedConfig {
  path: string;
  config: ProjectConfig;
  /** Whether `absolutePath` (a file or directory) matches the config's `ignore` globs. */
  ignores(absolutePath: string): boolean;
}

export class ProjectConfigs {
  /** The config file located in each directory (undefined: none there), read once. */
  private readonly inDirectory = new Map<string, AppliedConfig | undefined>();
  private readonly explicit: AppliedConfig | undefined;

  constructor(
    private readonly cwd: string,
    explicitPath?: string,
  ) {
    if (explicitPath !== undefined) this.explicit = this.load(resolve(cwd, explicitPath), explicitPath);
  }

  /** The config that governs the entries of `directory`, which lies inside the tree `root`. */
  forDirectory(directory: string, root: string): AppliedConfig | undefined {
    if (this.explicit) return this.explicit;
    for (let dir = directory; isInside(dir, root); dir = dirname(dir)) {
      const found = this.configIn(dir);
      if (found) return found;
      if (dir === root || dirname(dir) === dir) break;
    }
    return undefined;
  }

  private configIn(dir: string): AppliedConfig | undefined {
    if (!this.inDirectory.has(dir)) {
      const path = join(dir, projectConfigFileName);
      this.inDirectory.set(dir, isFile(path) ? this.load(path, displayPath(path, this.cwd)) : undefined);
    }
    return this.inDirectory.get(dir);
  }

  private load(path: string, shownAs: string): AppliedConfig {
    let text: string;
    try {
      text = decodeText(readFileSync(path)).text;
    } catch (error) {
      throw new FileAccessError(`cannot read config file ${shownAs}: ${reason(error)}`);
    }
    const { config, problems } = parseProjectConfig(text);
    if (problems.length > 0) {
      const { line, character } = new SourceText(text, path).positionAt(problems[0].start);
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'})` : '';
      throw new ConfigFileError(`${shownAs}:${line + 1}:${character + 1}: invalid config file: ${problems[0].message}${more}`);
    }
    return { path, config, ignores: ignoresBelow(path, config) };
  }
}

/**
 * The top of the search for a path argument: the directory itself, or for a file, the working
 * directory when the file lies below it (so `mim-lint deploy/app.config` finds ./.mimlintrc.json).
 */
export function treeRootOf(absolute: string, isDirectory: boolean, cwd: string): string {
  if (isDirectory) return absolute;
  return isInside(absolute, cwd) ? cwd : dirname(absolute);
}

/** Whether `path` is `root` or lies below it (both absolute, resolved the same way). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function displayPath(absolutePath: string, cwd: string): string {
  const path = relative(cwd, absolutePath);
  return path === '' || isAbsolute(path) ? absolutePath : path;
}
