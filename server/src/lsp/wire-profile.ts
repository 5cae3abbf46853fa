// The host profile as the client receives it (mimLint/hostProfile): evidence as URIs and 0-based lines.
import type { Fact, HostProfile } from '../engine/index';
import type { WireFact, WireHostProfile } from '../protocol';
import { uriOfFile } from './uris';

export function toWireProfile(profile: HostProfile): WireHostProfile {
  const fact = (value: Fact): WireFact => ({
    value: value.value,
    source: value.source,
    conflict: value.conflict === true,
    evidence: value.evidence.map((e) => ({ uri: uriOfFile(e.file, { uri: '', fileName: '' }), line: e.line ?? 0, message: e.message })),
  });
  return { fips: fact(profile.fips), tls12Only: fact(profile.tls12Only) };
}
