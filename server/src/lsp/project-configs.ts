// The language server's project config files: the nearest .mimlintrc.json above a file, inside its
// workspace folder. Each directory's config is read once (open editor text wins over the disk) and
// forgotten when the file changes, so edits re-lint the documents it governs at once.
import { dirname, join } from 'node:path';
import { Emitter } from 'vscode-languageserver';
import { ignoresBelow, isInside } from '../common/paths';
import { readSmallTextFile } from './read-text';
import { parseProjectConfig, projectConfigFileName, type ParsedProjectConfig } from '../engine/config/project-config';

export interface LoadedConfig {
  path: string;
  parsed: ParsedProjectConfig;
  /** Whether `fileName` matches the config's `ignore` globs (relative to the config's folder). */
  ignores(fileName: string): boolean;
}

export class ProjectConfigStore {
  private readonly inDirectory = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly changed = new Emitter<string>();
  /** Fires with the config file's path when it was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly folders: readonly string[],
    private readonly openText: (fileName: string) => string | undefined,
  ) {}

  /** The config that applies to `fileName`: the nearest one up to its workspace folder's root. */
  async forFile(fileName: string): Promise<LoadedConfig | undefined> {
    const root = this.folderOf(fileName) ?? dirname(fileName);
    for (let dir = dirname(fileName); isInside(dir, root); dir = dirname(dir)) {
      const found = await this.configIn(dir);
      if (found) return found;
      if (dir === root || dirname(dir) === dir) break;
    }
    return undefined;
  }

  /** A .mimlintrc.json changed on disk or in the editor, appeared or went away. */
  configChanged(configPath: string): void {
    this.inDirectory.delete(dirname(configPath));
    this.changed.fire(configPath);
  }

  folderOf(fileName: string): string | undefined {
    return [...this.folders].sort((a, b) => b.length - a.length).find((folder) => isInside(fileName, folder));
  }

  private configIn(dir: string): Promise<LoadedConfig | undefined> {
    let loaded = this.inDirectory.get(dir);
    if (!loaded) {
      loaded = this.load(join(dir, projectConfigFileName));
      this.inDirectory.set(dir, loaded);
    }
    return loaded;
  }

  private async load(path: string): Promise<LoadedConfig | undefined> {
    const text = this.openText(path) ?? (await readConfig(path));
    if (text === undefined) return undefined;
    const parsed = parseProjectConfig(text);
    return { path, parsed, ignores: ignoresBelow(path, parsed.config) };
  }
}

/** Far above any real config; a larger file is not read (as if absent), so it cannot exhaust memory. */
const maxConfigBytes = 16 * 1024 * 1024;

function readConfig(path: string): Promise<string | undefined> {
  return readSmallTextFile(path, maxConfigBytes);
}
