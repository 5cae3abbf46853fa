// What the registry rules (MIM301–MIM305) read from a .reg export or a security template: every
// registry write in file order plus the layout fixes need. The readers in this folder build it.
import type { RegistryWrite } from './model';

export type RegistryFileKind = 'reg' | 'inf';

/** A `[key]` block of a .reg file (or the [Registry Values] section of an .inf) with its lines. */
export interface RegistryBlock {
  hive: string;
  path: string;
  /** Offset of the `[` of the key line (reg) or of the first value line (inf). */
  start: number;
  /** Offset after the block's last line (its line break included). */
  end: number;
  /** The key line was a deletion, `[-HKEY_…]`. */
  deleted: boolean;
}

export interface RegistrySyntaxError {
  start: number;
  end: number;
  message: string;
}

export interface RegistryFacts {
  kind: RegistryFileKind;
  writes: RegistryWrite[];
  blocks: RegistryBlock[];
  syntaxErrors: RegistrySyntaxError[];
  /** `;` comment ranges (for suppressions). */
  comments: Array<{ start: number; end: number; text: string }>;
}

export function emptyRegistryFacts(kind: RegistryFileKind): RegistryFacts {
  return { kind, writes: [], blocks: [], syntaxErrors: [], comments: [] };
}
