// Which files to lint: the files named on the command line and, below each directory named, every
// file whose kind the engine knows. Directories are walked in name order so output is stable;
// symlinks are followed while they stay inside the directory named (a link out of it, such as
// `loop -> ..`, is skipped with a warning), and each real directory and file is visited once (no
// loops, no doubles). Files and directories that the governing .mimlintrc.json `ignore`s are not
// visited, nor those an `--ignore-pattern` matches. A quoted glob (`'**/*.config'`: Windows shells
// expand none) is expanded here with the engine's linear-time matcher, the one `ignore` uses.
import { existsSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileKindOf } from '../engine/index';
import { compileGlob, GlobError, type Glob } from '../engine/glob';
import { FileAccessError, reason, UsageError } from './errors';
import { displayPath, treeRootOf, type ProjectConfigs } from './project-configs';
import { isInside } from '../common/paths';

export interface CollectedFiles {
  /** Absolute paths, in the order given and walked. */
  files: string[];
  /**
   * The path argument each file came from (absolute): each directory tree named is one workspace, whose
   * hardening sources say what host its configs and scripts are for.
   */
  workspaceOf: Map<string, string>;
  /** Where each file's config search stops: its directory argument, or the working directory. */
  treeRootOf: Map<string, string>;
  /**
   * Where --fix may write each file: its real path (through any links), when that lies inside the
   * directory named (for a file named, its directory). Absent for a link to a file outside it.
   */
  writablePathOf: Map<string, string>;
  /** Things skipped that the user may want to know about (one line each, without the "mim-lint:" prefix). */
  warnings: string[];
}

const skippedDirectoryNames = new Set(['node_modules', '.git']);

/** Characters that make a path argument a glob, when no file of that name exists. */
const globCharacters = /[*?[{]/;

export function collectFiles(paths: readonly string[], cwd: string, configs?: ProjectConfigs, ignorePatterns: readonly string[] = []): CollectedFiles {
  const collected: CollectedFiles = { files: [], warnings: [], workspaceOf: new Map(), treeRootOf: new Map(), writablePathOf: new Map() };
  let workspace = '';
  let root = '';
  /** The real path of the directory named (of a named file's directory): links may not lead out of it. */
  let realRoot = '';
  const seen = new Set<string>();
  /** Directories walked for plain path arguments; a glob walks with its own set, as it adds only its matches. */
  const walked = new Set<string>();
  const add = (absolute: string) => {
    const real = realPath(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    collected.files.push(absolute);
    collected.workspaceOf.set(absolute, workspace);
    collected.treeRootOf.set(absolute, root);
    if (isInside(real, realRoot)) collected.writablePathOf.set(absolute, real);
  };
  const leadsOut = (link: string) => {
    if (isInside(realPath(link), realRoot)) return false;
    collected.warnings.push(`skipping ${displayPath(link, cwd)}: it is a link to a directory outside ${displayPath(workspace, cwd)}`);
    return true;
  };
  const ignoredByPattern = patternTest(ignorePatterns.map((pattern) => compileArgument('--ignore-pattern', pattern)), cwd);
  const ignored = (entry: string) => ignoredByPattern(entry) || configs?.forDirectory(dirname(entry), root)?.ignores(entry) === true;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    workspace = absolute;
    if (globCharacters.test(path) && !existsSync(absolute)) {
      // The fixed folders before the first wildcard are the tree walked, and the workspace.
      workspace = root = resolve(cwd, globBase(path));
      realRoot = realPath(root);
      const matches = patternTest([compileArgument('a path', path)], cwd);
      const before = collected.files.length;
      const addMatching = (file: string) => (matches(file) ? add(file) : undefined);
      if (existsSync(root)) walk(root, { seen: new Set(), add: addMatching, ignored, leadsOut });
      if (collected.files.length === before) collected.warnings.push(`no files match ${JSON.stringify(path)}`);
      continue;
    }
    const stats = statOrThrow(absolute, path);
    root = treeRootOf(absolute, stats.isDirectory(), cwd);
    realRoot = realPath(stats.isDirectory() ? absolute : dirname(absolute));
    if (stats.isDirectory()) walk(absolute, { seen: walked, add, ignored, leadsOut });
    else if (!stats.isFile()) throw new FileAccessError(`cannot read ${path}: not a regular file or directory`);
    else if (ignored(absolute)) collected.warnings.push(`skipping ${path}: ignored by its .mimlintrc.json`);
    else if (fileKindOf(absolute) !== undefined) add(absolute);
    // Named explicitly but of no kind the engine reads: say so rather than fail, so that a shell glob
    // such as `mim-lint deploy/*` still works.
    else collected.warnings.push(`skipping ${path}: not a kind of file mim-lint reads`);
  }
  return collected;
}

function compileArgument(what: string, pattern: string): Glob {
  try {
    return compileGlob(pattern.split(sep).join('/'));
  } catch (error) {
    if (error instanceof GlobError) throw new UsageError(`${what} ${JSON.stringify(pattern)} is not a usable glob: ${error.message}`);
    throw error;
  }
}

/** Whether an absolute path matches one of the globs, which are relative to `cwd` unless absolute. */
function patternTest(globs: readonly Glob[], cwd: string): (absolutePath: string) => boolean {
  if (globs.length === 0) return () => false;
  return (absolutePath) => {
    const inCwd = relative(cwd, absolutePath);
    const asGiven = (glob: Glob) => (isAbsolute(glob.source) || /^[A-Za-z]:\//.test(glob.source) ? absolutePath : inCwd);
    return globs.some((glob) => glob.test(asGiven(glob).split(sep).join('/')));
  };
}

// `deploy/*/app.config` gives deploy, `**/x` gives `.`: the folders before the first wildcard.
function globBase(pattern: string): string {
  const fixed: string[] = [];
  for (const segment of pattern.split(/[\\/]/).slice(0, -1)) {
    if (globCharacters.test(segment)) break;
    fixed.push(segment);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}

interface Walk {
  seen: Set<string>;
  add(file: string): void;
  ignored(entry: string): boolean;
  /** A link to a directory outside the tree: warned about, not followed. */
  leadsOut(link: string): boolean;
}

function walk(directory: string, { seen, add, ignored, leadsOut }: Walk): void {
  const real = realPath(directory);
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw new FileAccessError(`cannot read directory ${directory}: ${reason(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A dangling link is not the user's request and not a file we could lint: pass over it.
      const target = statOrUndefined(path);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if ((isDirectory || isFile) && ignored(path)) continue;
    if (isDirectory && entry.isSymbolicLink() && leadsOut(path)) continue;
    if (isDirectory && !skippedDirectoryNames.has(entry.name)) walk(path, { seen, add, ignored, leadsOut });
    else if (isFile && fileKindOf(entry.name) !== undefined) add(path);
  }
}

function statOrThrow(absolute: string, asGiven: string): Stats {
  try {
    return statSync(absolute);
  } catch (error) {
    throw new FileAccessError(`cannot read ${asGiven}: ${reason(error)}`);
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

