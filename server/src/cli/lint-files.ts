// The lint action: collect, read, (fix,) lint, and report each file as it finishes. Every file is read
// before any is linted or fixed, so an unreadable path stops the run before a byte is written; texts
// are then dropped and read again a batch at a time, so a large tree is never held in memory at once.
import { dirname, resolve } from 'node:path';
import {
  fileKindOf,
  fixAll,
  hostEvidence,
  inferProfile,
  lint,
  profileFromSettings,
  propagateCallers,
  scriptCalls,
  scriptPathKey,
  unknownProfile,
  type HostProfile,
  type LintOptions,
  type ScriptCall,
} from '../engine/index';
import { withConfigHost } from '../engine/config/project-config';
import { groupByHost } from '../engine/host/snapshot/hosts';
import type { CliOptions } from './args';
import { collectFiles } from './collect';
import { FileAccessError, reason, UsageError } from './errors';
import { displayPath as displayPathOf, ProjectConfigs, treeRootOf as treeRootOfPath, type AppliedConfig } from './project-configs';
import type { FileReport, LintReport, WorkspaceReport } from './report';
import { binarySkipReason, decodeText, encodeText, isBinaryText, UnencodableTextError, type DecodedText } from '../common/text-file';
import { allWithinBudget, LintTimeoutError } from '../common/time-budget';
import { nodeFileSystem, replaceFile, snapshotOf, type FixFileSystem, type ReadSnapshot } from './replace-file';

/** Files linted under one time budget: a watchdog per file would cost more than linting most files. */
const budgetBatch = 64;

export interface LintOutcome {
  report: LintReport;
  /** One line each, without the "mim-lint:" prefix: skipped paths, fixes not written, rules that threw. */
  warnings: string[];
  /** A rule threw somewhere: the report is incomplete, which must not pass as clean. */
  incomplete: boolean;
}

interface ReadFile {
  absolutePath: string;
  /** The path argument (absolute) the file was found under. */
  workspace: string;
  displayPath: string;
  /** Its text is '' once read: a file on disk is read again when needed (see textOf), stdin is kept. */
  decoded: DecodedText;
  onDisk: boolean;
  binary: boolean;
  /** The bytes as read: --fix writes only over these. */
  snapshot: ReadSnapshot;
  /** The real path --fix may write (see CollectedFiles.writablePathOf); undefined: a link out of the tree. */
  writablePath: string | undefined;
}

/**
 * `lintText`: the engine's lint unless a test replaces it (with one that never finishes, say); `fs`:
 * the file system files are read from and fixes written to (tests inject faults); `budgetMs`: the time
 * budget of each batch of files, by default one that grows with their size.
 */
export function lintFiles(
  options: CliOptions,
  cwd: string,
  lintText: typeof lint = lint,
  fs: FixFileSystem = nodeFileSystem,
  budgetMs?: number,
  stdinBytes?: Uint8Array,
  onFile?: (file: FileReport) => void,
): LintOutcome {
  // Config files are read (and an invalid one stops the run) before any file is linted.
  const configs = new ProjectConfigs(cwd, options.config);
  const { files, warnings, workspaceOf, treeRootOf, writablePathOf } = stdinBytes
    ? stdinAsFile(options.stdinFilename ?? '', cwd)
    : collectFiles(options.paths, cwd, configs, options.ignorePatterns);
  const configOf = (file: string) => configs.forDirectory(dirname(file), treeRootOf.get(file)!);
  const read = files.map((absolutePath): ReadFile =>
    stdinBytes
      ? {
          absolutePath,
          displayPath: displayPathOf(absolutePath, cwd),
          workspace: workspaceOf.get(absolutePath)!,
          decoded: decodeText(stdinBytes),
          snapshot: snapshotOf(stdinBytes),
          writablePath: undefined,
          onDisk: false,
          binary: isBinaryText(decodeText(stdinBytes).text),
        }
      : readOne(absolutePath, displayPathOf(absolutePath, cwd), workspaceOf.get(absolutePath)!, writablePathOf.get(absolutePath), fs),
  );
  const flags = { fips: options.fips, tls12Only: options.tls12Only };
  let incomplete = false;
  const failed = (message: string) => {
    incomplete = true;
    warnings.push(message);
  };
  const workspaces: WorkspaceReport[] = [];
  const reports: FileReport[] = [];
  // A rule or reader that never finishes must not hang a CI job: the file is left out, and the run is incomplete.
  const stopped = (error: LintTimeoutError): [] => {
    failed(error.message);
    return [];
  };
  const lintGroup = (path: string, sources: readonly Source[], inferred: HostProfile) => {
    // Precedence: inferred < the nearest config file < flags.
    const profileUnder = (config: AppliedConfig | undefined) => profileFromSettings(flags, 'flag', withConfigHost(inferred, config?.config));
    const profile = profileUnder(configs.forDirectory(path, treeRootOf.get(sources[0].file.absolutePath)!));
    workspaces.push({ displayPath: displayPathOf(path, cwd), profile });
    // A wrapper that keeps TLS 1.1 on around `call install.cmd` changes how install.cmd is judged.
    const callsOf = new Map<string, ScriptCall[]>();
    inBatches(sources, (source) => scriptCalls(source.text, source.fileName, profile), budgetMs).forEach((calls, i) => {
      if (calls instanceof LintTimeoutError) stopped(calls);
      else callsOf.set(sources[i].fileName, calls);
    });
    // A wrapper of a wrapper: the scripts a called script calls start in its callers' state.
    const sourceOf = new Map(sources.map((source) => [source.fileName, source]));
    const callers = propagateCallers(callsOf, (fileName, own) => scriptCalls(sourceOf.get(fileName)!.text, fileName, profile, own));
    const jobs = sources.map((source) => {
      const { file } = source;
      const config = configOf(file.absolutePath);
      const lintOptions: LintOptions = {
        profile: profileUnder(config),
        severities: config?.config.rules,
        callers: callers.get(scriptPathKey(file.displayPath)),
      };
      return { source, file, fileName: file.displayPath, options: lintOptions };
    });
    for (let at = 0; at < jobs.length; at += budgetBatch) {
      // Only this batch's texts are held: read again here, and let go once the batch is reported.
      const batch = jobs.slice(at, at + budgetBatch).map((job) => ({ ...job, text: (job.file.decoded.text = job.source.text) }));
      // Fixes are worked out under the time budget and written outside it (see time-budget.ts).
      const fixes = options.fix || options.fixDryRun ? allWithinBudget(batch, (job, onRuleStart) => fixAll(job.text, job.fileName, { ...job.options, onRuleStart }), budgetMs) : [];
      const toLint = batch.flatMap((job, i) => {
        const fix = fixes[i];
        if (fix === undefined) return [{ ...job, applied: 0 }];
        if (fix instanceof LintTimeoutError) return stopped(fix);
        // --fix-dry-run reports on the fixed text, as --fix would leave it, and writes nothing.
        if (options.fixDryRun) return [{ ...job, ...(fix.applied > 0 && fix.text !== job.text ? fix : { applied: 0 }) }];
        return [{ ...job, ...writeFixes(job.file, fix, warnings, failed, fs) }];
      });
      const results = allWithinBudget(toLint, (job, onRuleStart) => lintText(job.text, job.fileName, { ...job.options, onRuleStart }), budgetMs);
      toLint.forEach((job, i) => {
        const result = results[i];
        if (result instanceof LintTimeoutError) return stopped(result);
        for (const failure of result.failures) {
          incomplete = true;
          warnings.push(`rule ${failure.ruleId} failed on ${job.fileName}: ${reason(failure.error)}`);
        }
        const report: FileReport = {
          displayPath: job.fileName,
          absolutePath: job.file.absolutePath,
          encoding: job.file.decoded.encoding,
          bom: job.file.decoded.bom,
          source: result.source,
          findings: result.findings,
          fixesApplied: job.applied,
          ...(options.fixDryRun && job.applied > 0 ? { originalText: job.file.decoded.text } : {}),
          profile: job.options.profile!,
        };
        if (onFile) onFile(report);
        else reports.push(report);
      });
      // Fixed and reported: these files' texts are no longer needed here (a report keeps its own).
      for (const job of batch) if (job.file.onDisk) job.file.decoded.text = '';
    }
  };
  for (const [workspace, members] of groupBy(textFiles(read, warnings), (file) => file.workspace)) {
    const sources: Source[] = members.map((file) => ({
      file,
      fileName: file.displayPath,
      get text() {
        return textOf(file, fs);
      },
    }));
    // `auto` infers from the workspace's hardening sources; an explicit flag wins. A folder of `reg
    // export`s (a host snapshot) is a host of its own, judged with what that folder alone says.
    const evidence = inBatches(sources, (source) => hostEvidence(source.text, source.fileName), budgetMs).map((found) =>
      found instanceof LintTimeoutError ? (stopped(found), undefined) : found,
    );
    const split = groupByHost(sources, evidence);
    if (split.workspace.length > 0) lintGroup(workspace, split.workspace, inferProfile(split.workspaceEvidence));
    for (const host of split.hosts) lintGroup(resolve(cwd, host.directory), host.files, host.profile);
  }
  if (files.length === 0) warnings.push('no files to lint');
  const profile: HostProfile = workspaces[0]?.profile ?? profileFromSettings(flags, 'flag', unknownProfile());
  return { report: { profile, workspaces, files: reports, cwd }, warnings, incomplete };
}

/** `--stdin --stdin-filename <name>`: one file of that name (it need not exist), in the working directory's tree. */
function stdinAsFile(name: string, cwd: string): ReturnType<typeof collectFiles> {
  if (fileKindOf(name) === undefined) throw new UsageError(`--stdin-filename ${JSON.stringify(name)} is not a kind of file mim-lint reads`);
  const absolutePath = resolve(cwd, name);
  return {
    files: [absolutePath],
    warnings: [],
    workspaceOf: new Map([[absolutePath, dirname(absolutePath)]]),
    treeRootOf: new Map([[absolutePath, treeRootOfPath(absolutePath, false, cwd)]]),
    // Nothing to write: --stdin refuses --fix.
    writablePathOf: new Map(),
  };
}

type Source = { file: ReadFile; fileName: string; text: string };

/** allWithinBudget, `budgetBatch` files at a time. */
function inBatches<Job extends { fileName: string; text: string }, Result>(
  jobs: readonly Job[],
  run: (job: Job) => Result,
  budgetMs: number | undefined,
): Array<Result | LintTimeoutError> {
  const outcomes: Array<Result | LintTimeoutError> = [];
  // A copy of each job holds its text (read once) while its batch runs.
  for (let at = 0; at < jobs.length; at += budgetBatch) outcomes.push(...allWithinBudget(jobs.slice(at, at + budgetBatch).map((job) => ({ ...job })), run, budgetMs));
  return outcomes;
}

/** The files that hold text; binary ones (a file of NUL bytes) are skipped with a warning, not linted. */
function textFiles(files: readonly ReadFile[], warnings: string[]): ReadFile[] {
  return files.filter((file) => {
    if (!file.binary) return true;
    warnings.push(`skipping ${file.displayPath}: ${binarySkipReason}`);
    return false;
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function readOne(absolutePath: string, displayPath: string, workspace: string, writablePath: string | undefined, fs: FixFileSystem): ReadFile {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(absolutePath);
  } catch (error) {
    throw new FileAccessError(`cannot read ${displayPath}: ${reason(error)}`);
  }
  const decoded = decodeText(bytes);
  // The text is dropped until needed: 10,000 files' texts held at once cost more than reading them again.
  return { absolutePath, displayPath, workspace, decoded: { ...decoded, text: '' }, snapshot: snapshotOf(bytes), writablePath, onDisk: true, binary: isBinaryText(decoded.text) };
}

/**
 * A file's text, read again from disk (stdin's is kept). --fix stays safe if the file changed since the
 * first read: the fixes are written only over the bytes first read (replaceFile checks the snapshot).
 */
function textOf(file: ReadFile, fs: FixFileSystem): string {
  if (!file.onDisk || file.decoded.text !== '') return file.decoded.text;
  try {
    return decodeText(fs.readFileSync(file.absolutePath)).text;
  } catch (error) {
    throw new FileAccessError(`cannot read ${file.displayPath}: ${reason(error)}`);
  }
}

/**
 * Writes the preferred fixes back in the file's own encoding; returns the text to report on. A file
 * that cannot be written, or changed since it was read, is left as it was, and `failed` says so.
 */
function writeFixes(
  file: ReadFile,
  result: { text: string; applied: number },
  warnings: string[],
  failed: (message: string) => void,
  fs: FixFileSystem,
): { text: string; applied: number } {
  const original = { text: file.decoded.text, applied: 0 };
  if (result.applied === 0 || result.text === file.decoded.text) return original;
  const { encoding, bom, roundTrips } = file.decoded;
  if (!roundTrips) {
    warnings.push(`not fixing ${file.displayPath}: it is not valid ${encoding}, and rewriting it would change bytes outside the fixes`);
    return original;
  }
  let bytes: Uint8Array;
  try {
    bytes = encodeText(result.text, encoding, bom);
  } catch (error) {
    if (!(error instanceof UnencodableTextError)) throw error;
    warnings.push(`not fixing ${file.displayPath}: ${error.message}`);
    return original;
  }
  if (file.writablePath === undefined) {
    warnings.push(`not fixing ${file.displayPath}: it is a link to a file outside the directory given, and --fix never writes through such a link`);
    return original;
  }
  try {
    // Through a link inside the tree, the file it points to is replaced (the link stays a link), unless
    // the link was changed since the walk: then it is no longer the file that was linted.
    const target = fs.realpathSync(file.absolutePath);
    if (target === file.writablePath && replaceFile(target, bytes, file.snapshot, fs) === 'written') return { text: result.text, applied: result.applied };
    failed(`not fixing ${file.displayPath}: it changed on disk while mim-lint ran, and writing the fixes would undo that change; run mim-lint --fix again`);
  } catch (error) {
    failed(`cannot write the fixes to ${file.displayPath}: ${reason(error)}; the file is as it was`);
  }
  return original;
}
