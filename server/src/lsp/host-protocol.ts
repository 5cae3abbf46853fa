// The two custom messages behind the client's host-profile status item and "Show Host Profile":
// a request for the profile that applies to a document, and a notification when any profile changed.
import { NotificationType0, RequestType } from 'vscode-languageserver';
import type { Fact, HostProfile } from '../engine/index';
import { uriOfFile } from './uris';

export interface WireEvidence {
  uri: string;
  /** 0-based. */
  line: number;
  message: string;
}

export interface WireFact {
  value: Fact['value'];
  source: Fact['source'];
  conflict: boolean;
  evidence: WireEvidence[];
}

export interface WireHostProfile {
  fips: WireFact;
  tls12Only: WireFact;
}

export const hostProfileRequest = new RequestType<{ uri: string }, WireHostProfile, void>('mimLint/hostProfile');
export const hostProfileChanged = new NotificationType0('mimLint/hostProfileChanged');

export function toWireProfile(profile: HostProfile): WireHostProfile {
  const fact = (value: Fact): WireFact => ({
    value: value.value,
    source: value.source,
    conflict: value.conflict === true,
    evidence: value.evidence.map((e) => ({ uri: uriOfFile(e.file, { uri: '', fileName: '' }), line: e.line ?? 0, message: e.message })),
  });
  return { fips: fact(profile.fips), tls12Only: fact(profile.tls12Only) };
}
