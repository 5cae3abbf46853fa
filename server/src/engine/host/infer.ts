// The host profile of a workspace from the evidence of all its hardening sources. Agreement sets the
// fact; disagreement leaves it unknown and marks the conflict, so it is reported instead of picked.
import type { Fact, HostProfile, KeyValueEvidence } from '../profile';
import { unknownProfile } from '../profile';
import type { FactEvidence, HostEvidence } from './evidence';

export function inferProfile(evidence: Iterable<HostEvidence>): HostProfile {
  const fips: FactEvidence[] = [];
  const tls12Only: FactEvidence[] = [];
  const netfx35: KeyValueEvidence[] = [];
  for (const file of evidence) {
    if (file.fips) fips.push(file.fips);
    if (file.tls12Only) tls12Only.push(file.tls12Only);
    if (file.netfx35) netfx35.push(...file.netfx35);
  }
  const unknown = unknownProfile();
  // Not merged into one fact: each file's rule needs to know which of the values come from other files.
  return { fips: merge(fips) ?? unknown.fips, tls12Only: merge(tls12Only) ?? unknown.tls12Only, ...(netfx35.length > 0 ? { netfx35 } : {}) };
}

function merge(found: readonly FactEvidence[]): Fact | undefined {
  if (found.length === 0) return undefined;
  const on = found.filter((f) => f.value === 'on').flatMap((f) => f.locations);
  const off = found.filter((f) => f.value === 'off').flatMap((f) => f.locations);
  if (on.length > 0 && off.length > 0) return { value: 'unknown', source: 'evidence', evidence: [...on, ...off], conflict: true };
  return { value: on.length > 0 ? 'on' : 'off', source: 'evidence', evidence: on.length > 0 ? on : off };
}
