// The workspace's hardening sources (.reg, .inf, scripts) per workspace folder: read at start, kept
// current from watched-file events and open documents, and turned into each folder's host profile and
// script call contexts. When a folder's profile changes, open documents are linted again.
import { sep } from 'node:path';
import { Emitter } from 'vscode-languageserver';
import {
  fileKindOf,
  hostEvidence,
  inferProfile,
  mayCallOtherScripts,
  propagateCallers,
  scriptCalls,
  scriptPathKey,
  unknownProfile,
  type CallContext,
  type HostEvidence,
  type HostProfile,
  type ScriptCall,
} from '../engine/index';
import { compileExcludes, type Glob } from './glob';
import { directoryOf, groupByHost } from '../engine/host/snapshot/hosts';
import type { HostProfileSource } from './host-profiles';
import { fileNameOf } from './uris';
import { readSmallTextFile } from './read-text';
import { allWithinBudget } from '../common/time-budget';
import { readAhead, workspaceFiles } from './walk';

/** `evidence`: a host snapshot's certutil dump and manifest (they make their folder a host). */
const hardeningKinds = new Set(['reg', 'inf', 'cmd', 'powershell', 'evidence']);
/** Hardening sources are small; anything larger is not read (a 50 MB file must not stall the server). */
export const maxSourceBytes = 2 * 1024 * 1024;

interface IndexedSource {
  /**
   * Kept only for a script that may call others: its calls are worked out again when the profile
   * changes. Other texts are not kept (in a large workspace they were most of the server's memory);
   * the readiness report reads them from disk again.
   */
  text: string | undefined;
  evidence: HostEvidence;
  /** The scripts it calls, for the profile named in `callsFor`: kept until the text or the profile changes. */
  calls?: ScriptCall[];
  callsFor?: string;
}

interface FolderState {
  path: string;
  sources: Map<string, IndexedSource>;
  profile: HostProfile;
  /** Host snapshot folders (a folder of reg exports from one server) and each one's own profile. */
  hosts: Map<string, HostProfile>;
  callers: Map<string, CallContext[]>;
}

export function isHardeningSource(fileName: string): boolean {
  const kind = fileKindOf(fileName);
  return kind !== undefined && hardeningKinds.has(kind);
}

export class WorkspaceIndex implements HostProfileSource {
  private readonly folders: FolderState[];
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private cancelled = false;

  constructor(
    folderPaths: readonly string[],
    private readonly log: (message: string) => void,
    /** Tests replace the engine's reading of evidence (with one that never finishes, say) and the budget. */
    private readonly test: { hostEvidence?: typeof hostEvidence; budgetMs?: number } = {},
  ) {
    // Longest path first, so a nested folder wins for its own files.
    this.folders = [...folderPaths]
      .sort((a, b) => b.length - a.length)
      .map((path) => ({ path, sources: new Map(), profile: unknownProfile(), hosts: new Map(), callers: new Map() }));
  }

  /** Reads every hardening source of every folder, yielding to the event loop between files. */
  async scan(excludesFor: (folder: string) => Promise<string[]>): Promise<void> {
    for (const folder of this.folders) {
      const excludes = compileExcludes(await excludesFor(folder.path), this.log);
      await this.walk(folder, excludes);
      if (this.cancelled) return;
      // Only a profile that the scan changed re-lints open documents.
      this.update(folder);
    }
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** A watched file was created or changed on disk (open documents report their text instead). */
  async fileChanged(fileName: string): Promise<void> {
    const folder = this.folderOf(fileName);
    if (!folder || !isHardeningSource(fileName)) return;
    const text = await readSource(fileName);
    const [source] = text === undefined ? [] : this.indexAll([{ fileName, text }]);
    if (source) folder.sources.set(fileName, source);
    else folder.sources.delete(fileName);
    this.update(folder);
  }

  fileDeleted(fileName: string): void {
    const folder = this.folderOf(fileName);
    if (folder?.sources.delete(fileName)) this.update(folder);
  }

  /** The live text of an open hardening document counts, saved or not. */
  documentChanged(fileName: string, text: string): void {
    const folder = this.folderOf(fileName);
    if (!folder || !isHardeningSource(fileName)) return;
    const [source] = this.indexAll([{ fileName, text }]);
    const before = folder.sources.get(fileName);
    if (!source) {
      if (folder.sources.delete(fileName)) this.update(folder);
      return;
    }
    folder.sources.set(fileName, source);
    // Typing that changes neither evidence nor calls leaves the profile as it is.
    const same = before && before.text === source.text && JSON.stringify(before.evidence) === JSON.stringify(source.evidence);
    if (!same) this.update(folder);
  }

  baseProfileFor(documentUri: string): HostProfile {
    const fileName = fileNameOf(documentUri);
    const folder = fileName === undefined ? undefined : this.folderOf(fileName);
    // A file in a host snapshot folder (the copied MIM Service config, its exports) is that server's.
    return (folder && (folder.hosts.get(directoryOf(fileName!)) ?? folder.profile)) || unknownProfile();
  }

  callersFor(documentUri: string): CallContext[] | undefined {
    const fileName = fileNameOf(documentUri);
    return fileName === undefined ? undefined : this.folderOf(fileName)?.callers.get(scriptPathKey(fileName));
  }

  /**
   * A workspace folder's hardening sources (absolute names, with their text when kept), inferred
   * profile and host snapshot folders with their profiles, for the readiness report.
   */
  folderSources(folderPath: string):
    | { profile: HostProfile; hosts: Array<{ directory: string; profile: HostProfile }>; files: Array<{ fileName: string; text: string | undefined }> }
    | undefined {
    const folder = this.folders.find((f) => f.path === folderPath);
    return (
      folder && {
        profile: folder.profile,
        hosts: [...folder.hosts].map(([directory, profile]) => ({ directory, profile })),
        files: [...folder.sources].map(([fileName, source]) => ({ fileName, text: source.text })),
      }
    );
  }

  /** Every folder's profile, for the status item and the Show Host Profile command. */
  profiles(): Array<{ folder: string; profile: HostProfile }> {
    return this.folders.map((folder) => ({ folder: folder.path, profile: folder.profile }));
  }

  folderOf(fileName: string): FolderState | undefined {
    return this.folders.find((folder) => fileName === folder.path || fileName.startsWith(folder.path.endsWith(sep) ? folder.path : folder.path + sep));
  }

  private update(folder: FolderState): void {
    const before = JSON.stringify([folder.profile, [...folder.hosts]]);
    const callersBefore = JSON.stringify([...folder.callers]);
    this.recompute(folder);
    if (JSON.stringify([folder.profile, [...folder.hosts]]) !== before || JSON.stringify([...folder.callers]) !== callersBefore) this.changed.fire();
  }

  private recompute(folder: FolderState): void {
    // Each host snapshot folder is a server of its own; the others make the folder's profile.
    const entries = [...folder.sources];
    const split = groupByHost(entries.map(([fileName]) => ({ fileName })), entries.map(([, source]) => source.evidence));
    folder.profile = inferProfile(split.workspaceEvidence);
    folder.hosts = new Map(split.hosts.map((host) => [host.directory, host.profile]));
    // Each script's calls are read once per text and profile, not for every change in the folder.
    const profileKey = JSON.stringify(folder.profile);
    const stale = [...folder.sources].flatMap(([fileName, source]) =>
      source.text !== undefined && source.callsFor !== profileKey ? [{ fileName, text: source.text, source }] : [],
    );
    this.budgeted(stale, (file) => scriptCalls(file.text, file.fileName, folder.profile)).forEach((calls, i) => {
      // Stopped or failed: no calls from it until its text or the profile changes.
      stale[i].source.calls = calls ?? [];
      stale[i].source.callsFor = profileKey;
    });
    // A wrapper of a wrapper: the calls of a called script are read again from its callers' state.
    const calls = new Map([...folder.sources].flatMap(([fileName, source]) => (source.calls ? [[fileName, source.calls] as const] : [])));
    folder.callers = propagateCallers(calls, (fileName, callers) => {
      const text = folder.sources.get(fileName)?.text;
      return text === undefined ? undefined : this.budgeted([{ fileName, text }], (file) => scriptCalls(file.text, file.fileName, folder.profile, callers))[0];
    });
  }

  /** The index entries of files (undefined for one whose reading was stopped or failed). */
  private indexAll(files: ReadonlyArray<{ fileName: string; text: string }>): Array<IndexedSource | undefined> {
    const evidenceOf = this.test.hostEvidence ?? hostEvidence;
    return this.budgeted(files, (file) => ({ text: mayCallOtherScripts(file.text) ? file.text : undefined, evidence: evidenceOf(file.text, file.fileName) }));
  }

  /**
   * `work` for each file, under the time budget (the reader runs on the server's only thread, as the
   * rules do): a file whose work does not finish or throws is logged and gets undefined.
   */
  private budgeted<Result>(files: ReadonlyArray<{ fileName: string; text: string }>, work: (file: { fileName: string; text: string }) => Result): Array<Result | undefined> {
    const outcomes = allWithinBudget(
      files,
      (file) => {
        try {
          return work(file);
        } catch (error) {
          return new IndexError(`Indexing ${file.fileName} failed: ${String(error)}`);
        }
      },
      this.test.budgetMs,
    );
    return outcomes.map((outcome) => {
      if (!(outcome instanceof Error)) return outcome;
      this.log(outcome instanceof IndexError ? outcome.message : `Indexing: ${outcome.message}`);
      return undefined;
    });
  }

  private walk(folder: FolderState, excludes: Glob[]): Promise<void> {
    // Reads overlap; evidence is computed one file at a time, with the editor's requests in between.
    return readAhead(
      workspaceFiles(folder.path, excludes, this.log),
      async (path) => {
        if (!isHardeningSource(path)) return undefined;
        const text = await readSource(path);
        return text === undefined ? undefined : { fileName: path, text };
      },
      (read) => {
        this.indexAll(read).forEach((source, i) => {
          if (source) folder.sources.set(read[i].fileName, source);
        });
      },
      () => this.cancelled,
      (path, error) => this.log(`Reading ${path} failed: ${String(error)}`),
    );
  }
}

class IndexError extends Error {}

export function readSource(fileName: string): Promise<string | undefined> {
  return readSmallTextFile(fileName, maxSourceBytes);
}
