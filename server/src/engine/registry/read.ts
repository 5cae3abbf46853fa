// Entry point of the registry readers: .reg exports and security templates (.inf).
import { emptyRegistryFacts, type RegistryFacts, type RegistryFileKind } from './facts';

export function readRegistryFile(kind: RegistryFileKind, _text: string): RegistryFacts {
  return emptyRegistryFacts(kind);
}
