// The host profile: what we know about the Windows host a file is deployed to. Each fact records how
// it was set, so a finding that depends on it can say why ("FIPS mode is enabled here") and so later
// sources (workspace evidence, a project config file) slot in without changing the rules.
import type { HostInventory } from './host/snapshot/inventory';
import type { Location } from './types';

export type FactValue = 'on' | 'off' | 'unknown';
export type FactSource = 'default' | 'setting' | 'flag' | 'config' | 'evidence';
export type HostSetting = 'auto' | 'on' | 'off';

export interface Fact {
  value: FactValue;
  source: FactSource;
  /** Where the value came from when it was inferred (file and line of a registry write). */
  evidence: Location[];
  /** Sources disagree (some say on, some off): the value stays unknown and the evidence lists both sides. */
  conflict?: boolean;
}

/** A registry value one hardening source of the workspace leaves set (on) or removed/0 (off) under a key. */
export interface KeyValueEvidence {
  /** The key below HKLM, spelled as the engine's key list spells it. */
  key: string;
  value: 'on' | 'off';
  location: Location;
}

export interface HostProfile {
  /** "System cryptography: Use FIPS compliant algorithms" is enabled. */
  fips: Fact;
  /** SSL 3.0, TLS 1.0 and TLS 1.1 are disabled; only TLS 1.2 remains. */
  tls12Only: Fact;
  /**
   * SystemDefaultTlsVersions under the .NET 3.5 keys, per hardening source of the workspace (no setting
   * says it). A file's rule (MIM303) reads what its companions set; absent when no source writes it.
   */
  netfx35?: readonly KeyValueEvidence[];
  /** For the files of a host snapshot (a folder of `reg export`s): what the server has installed. */
  host?: HostInventory;
}

export const unknownFact: Fact = Object.freeze({ value: 'unknown', source: 'default', evidence: [] }) as Fact;

export function unknownProfile(): HostProfile {
  return { fips: unknownFact, tls12Only: unknownFact };
}

/** A fact from an explicit setting or flag; `auto` keeps what was there (unknown, or inferred). */
export function factFromSetting(setting: HostSetting | undefined, source: FactSource, fallback: Fact = unknownFact): Fact {
  if (setting === 'on' || setting === 'off') return { value: setting, source, evidence: [] };
  return fallback;
}

export function parseHostSetting(value: unknown): HostSetting | undefined {
  return value === 'auto' || value === 'on' || value === 'off' ? value : undefined;
}

export function profileFromSettings(
  settings: { fips?: unknown; tls12Only?: unknown },
  source: FactSource,
  base: HostProfile = unknownProfile(),
): HostProfile {
  return {
    ...base,
    fips: factFromSetting(parseHostSetting(settings.fips), source, base.fips),
    tls12Only: factFromSetting(parseHostSetting(settings.tls12Only), source, base.tls12Only),
  };
}

export function describeProfile(profile: HostProfile): string {
  const part = (fact: Fact, on: string, off: string) =>
    fact.value === 'on' ? on : fact.value === 'off' ? off : `${on}: unknown`;
  return `${part(profile.fips, 'FIPS', 'no FIPS')} · ${part(profile.tls12Only, 'TLS 1.2-only', 'older TLS allowed')}`;
}
