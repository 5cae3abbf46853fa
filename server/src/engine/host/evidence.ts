// What one hardening source says about the host: a .reg export, a security template, or a script's
// registry writes. FIPS: Lsa\FIPSAlgorithmPolicy\Enabled (or the older Lsa value FIPSAlgorithmPolicy).
// TLS 1.2-only: SSL 3.0, TLS 1.0 and TLS 1.1 disabled while TLS 1.2 stays usable. .NET 3.5: where
// SystemDefaultTlsVersions is set under a v2.0.50727 key (MIM303 reads it for the companions of a file).
// Later writes win.
import { fileKindOf } from '../file-kinds';
import { readScript } from '../script/read-script';
import { registryWritesOf } from '../script/registry-commands';
import { readRegistryFile } from '../registry/read';
import type { RegistryWrite } from '../registry/model';
import { applyWrite, schannelTarget, stateFromHost, usable, type ProtocolState, type Side } from '../tls/schannel';
import { netfx35Keys } from '../registry/history';
import { SourceText } from '../source-text';
import type { Location } from '../types';
import type { KeyValueEvidence } from '../profile';
import { inventoryOf, type HostInventory } from './snapshot/inventory';

export interface FactEvidence {
  value: 'on' | 'off';
  locations: Location[];
}

export interface HostEvidence {
  file: string;
  fips?: FactEvidence;
  tls12Only?: FactEvidence;
  /** SystemDefaultTlsVersions under each .NET 3.5 key the file writes, as the file leaves it. */
  netfx35?: KeyValueEvidence[];
  /** What a host snapshot's file (export, certutil dump, manifest) says about the server's components. */
  inventory?: HostInventory;
}

/** The registry writes a file makes, and whether the file states the host's lasting configuration. */
export function hardeningWrites(text: string, fileName: string): { writes: RegistryWrite[]; declarative: boolean } {
  const kind = fileKindOf(fileName);
  if (kind === 'reg' || kind === 'inf') return { writes: readRegistryFile(kind, text).writes, declarative: true };
  if (kind === 'cmd' || kind === 'powershell') {
    // Only the writes matter here: no need for the installs and TLS states scriptFacts also works out.
    return { writes: readScript(kind, text, fileName).commands.flatMap(registryWritesOf), declarative: false };
  }
  return { writes: [], declarative: false };
}

/** Evidence can only come from writes to these keys, so a file that never names them needs no parse. */
const evidenceKeys = /fipsalgorithmpolicy|schannel|\.netframework/i;

export function hostEvidence(text: string, fileName: string): HostEvidence {
  const inventory = inventoryOf(text, fileName);
  const base: HostEvidence = inventory ? { file: fileName, inventory } : { file: fileName };
  if (!evidenceKeys.test(text)) return base;
  const { writes, declarative } = hardeningWrites(text, fileName);
  if (writes.length === 0) return base;
  const source = new SourceText(text, fileName);
  const at = (write: RegistryWrite, message: string): Location => ({
    file: fileName,
    start: write.start,
    end: write.end,
    line: source.positionAt(write.start).line,
    message,
  });
  const netfx35 = netfx35Evidence(writes, at);
  return { ...base, fips: fipsEvidence(writes, at), tls12Only: tls12OnlyEvidence(writes, declarative, at), ...(netfx35.length > 0 ? { netfx35 } : {}) };
}

type At = (write: RegistryWrite, message: string) => Location;

function fipsEvidence(writes: readonly RegistryWrite[], at: At): FactEvidence | undefined {
  let last: RegistryWrite | undefined;
  for (const write of writes) {
    if (write.hive !== 'HKLM' || write.operation !== 'set-value' || typeof write.data !== 'number') continue;
    const path = write.path.toLowerCase();
    const name = write.valueName?.toLowerCase();
    const modern = path === 'system\\currentcontrolset\\control\\lsa\\fipsalgorithmpolicy' && name === 'enabled';
    const legacy = path === 'system\\currentcontrolset\\control\\lsa' && name === 'fipsalgorithmpolicy';
    if (modern || legacy) last = write;
  }
  if (!last) return undefined;
  const on = last.data !== 0;
  return { value: on ? 'on' : 'off', locations: [at(last, on ? 'FIPS mode is enabled here' : 'FIPS mode is disabled here')] };
}

/** Per .NET 3.5 key, the write that leaves SystemDefaultTlsVersions set (a number) or removed; computed data says nothing. */
function netfx35Evidence(writes: readonly RegistryWrite[], at: At): KeyValueEvidence[] {
  const found: KeyValueEvidence[] = [];
  for (const key of netfx35Keys) {
    const path = key.toLowerCase();
    let last: { write: RegistryWrite; on: boolean } | undefined;
    for (const write of writes) {
      if (write.hive !== 'HKLM') continue;
      const written = write.path.toLowerCase();
      if (write.operation === 'delete-key' && (path === written || path.startsWith(written + '\\'))) last = { write, on: false };
      if (written !== path || write.valueName?.toLowerCase() !== 'systemdefaulttlsversions') continue;
      if (write.operation === 'delete-value') last = { write, on: false };
      else if (write.operation === 'set-value' && typeof write.data === 'number') last = { write, on: write.data !== 0 };
    }
    if (!last) continue;
    const label = `HKLM\\${key}`;
    found.push({
      key,
      value: last.on ? 'on' : 'off',
      location: at(last.write, last.on ? `SystemDefaultTlsVersions=1 under ${label} is set here` : `SystemDefaultTlsVersions under ${label} is set to 0 or removed here`),
    });
  }
  return found;
}

const olderProtocols = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'];

function tls12OnlyEvidence(writes: readonly RegistryWrite[], declarative: boolean, at: At): FactEvidence | undefined {
  const states = new Map<string, ProtocolState>();
  const lastWrite = new Map<string, RegistryWrite>();
  for (const write of writes) {
    const target = schannelTarget(write);
    if (!target) continue;
    const key = `${target.protocol}|${target.side}`;
    states.set(key, applyWrite(states.get(key) ?? stateFromHost('unknown'), write));
    lastWrite.set(key, write);
  }
  for (const side of ['Client', 'Server'] as Side[]) {
    const olderOff = olderProtocols.every((p) => usable(states.get(`${p}|${side}`) ?? stateFromHost('unknown')) === 'off');
    const tls12 = usable(states.get(`TLS 1.2|${side}`) ?? stateFromHost('unknown'));
    if (olderOff && tls12 !== 'off') {
      const locations = olderProtocols.map((p) => at(lastWrite.get(`${p}|${side}`)!, `${p} (${side}) is disabled here: only TLS 1.2 is left`));
      return { value: 'on', locations };
    }
  }
  // A script that turns TLS 1.1 on for an install is temporary; only a lasting hardening file says "off".
  if (!declarative) return undefined;
  for (const protocol of ['TLS 1.0', 'TLS 1.1']) {
    for (const side of ['Client', 'Server']) {
      const key = `${protocol}|${side}`;
      if (usable(states.get(key) ?? stateFromHost('unknown')) === 'on') {
        return { value: 'off', locations: [at(lastWrite.get(key)!, `${protocol} (${side}) is enabled here`)] };
      }
    }
  }
  return undefined;
}
