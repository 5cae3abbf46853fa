// What the registry rules (MIM301–MIM305) read from a .reg export or a security template: every
// registry write in file order plus the layout fixes need. The readers in this folder build it.
import type { RegistryWrite } from './model';

export type RegistryFileKind = 'reg' | 'inf';

/**
 * A `[key]` block of a .reg file with its lines, or one value line of an .inf's [Registry Values]
 * section (a security template names the key on every line).
 */
export interface RegistryBlock {
  hive: string;
  path: string;
  /** Offset of the `[` of the key line (reg) or of the value line (inf). */
  start: number;
  /** Offset after the block's last line (its line break included). Trailing blank and comment lines are not part of it. */
  end: number;
  /** The key line was a deletion, `[-HKEY_…]`. */
  deleted: boolean;
  /** The key as written (reg: inside the brackets, after any `-`; inf: up to the last backslash). */
  pathStart?: number;
  pathEnd?: number;
  /** The root key as the file spells it: `HKEY_LOCAL_MACHINE`, `hkey_local_machine`, `MACHINE`. */
  root?: string;
}

export interface RegistrySyntaxError {
  start: number;
  end: number;
  message: string;
  /** The whole file is refused (a missing or unknown .reg header), not just this line. */
  fileRefused?: boolean;
}

/** How a value's data is written. */
export type RegistryDataType = 'string' | 'dword' | 'qword' | 'hex' | 'delete' | 'inf';

/** The source layout of one value write (set-value or delete-value), for ranges and data rewrites. */
export interface RegistryValueLine {
  /** The write this line produced (the same object as in `writes`). */
  write: RegistryWrite;
  /** The block (reg) or line (inf) the value belongs to. */
  block: RegistryBlock;
  /** `"Name"` with its quotes or `@` (reg); the value name (inf). */
  nameStart: number;
  nameEnd: number;
  /** The data after `=`: `dword:00000000`, `hex:…` through its last continuation line, `-`, or `4,1` (inf). */
  dataStart: number;
  dataEnd: number;
  type: RegistryDataType;
  /** inf only: the registry type number before the comma (4 = REG_DWORD). */
  infType?: number;
}

export interface RegistryFacts {
  kind: RegistryFileKind;
  writes: RegistryWrite[];
  blocks: RegistryBlock[];
  syntaxErrors: RegistrySyntaxError[];
  /** `;` comment ranges (for suppressions). */
  comments: Array<{ start: number; end: number; text: string }>;
  /** The value lines behind the set-value and delete-value writes, in file order. */
  values?: RegistryValueLine[];
  /** The line that says what the file is: the .reg header, or the .inf's first `[Registry Values]` line. */
  header?: { start: number; end: number; text: string };
}

export function emptyRegistryFacts(kind: RegistryFileKind): RegistryFacts {
  return { kind, writes: [], blocks: [], syntaxErrors: [], comments: [], values: [] };
}
