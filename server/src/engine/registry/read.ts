// Entry point of the registry readers: .reg exports and security templates (.inf). Both read text that
// is already decoded (a leading BOM is tolerated), never execute anything and never throw.
import type { RegistryFacts, RegistryFileKind } from './facts';
import { readInfFile } from './inf-file';
import { readRegFile } from './reg-file';

export function readRegistryFile(kind: RegistryFileKind, text: string): RegistryFacts {
  return kind === 'inf' ? readInfFile(text) : readRegFile(text);
}
