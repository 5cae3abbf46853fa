// SCHANNEL protocol switches: which protocol and side a registry write targets, and whether a
// protocol is usable after a sequence of writes. Any non-zero Enabled means on (1 and 0xffffffff both
// occur); DisabledByDefault=1 keeps the protocol from being offered unless an application asks for it.
import type { RegistryWrite } from '../registry/model';

export type Side = 'Client' | 'Server';
export type Tristate = 'on' | 'off' | 'unknown';

export const schannelProtocolsPath = 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

export interface SchannelTarget {
  /** Normalised protocol name: `SSL 2.0`, `SSL 3.0`, `TLS 1.0`, `TLS 1.1`, `TLS 1.2`, `TLS 1.3`. */
  protocol: string;
  side: Side;
}

const targetPattern = /^SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\(SSL|TLS|PCT|DTLS)\s*(\d\.\d)\\(Client|Server)$/i;

export function schannelTarget(write: Pick<RegistryWrite, 'hive' | 'path'>): SchannelTarget | undefined {
  if (write.hive !== 'HKLM') return undefined;
  const match = targetPattern.exec(write.path);
  if (!match) return undefined;
  const side = match[3].toLowerCase() === 'client' ? 'Client' : 'Server';
  return { protocol: `${match[1].toUpperCase()} ${match[2]}`, side };
}

/** The `TLS 1.1` protocol key itself (above its Client and Server subkeys): deleting it deletes both. */
export function isTls11ProtocolKey(write: Pick<RegistryWrite, 'hive' | 'path'>): boolean {
  return write.hive === 'HKLM' && /^SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS\s*1\.1$/i.test(write.path);
}

/** What is known about one protocol on one side. */
export interface ProtocolState {
  enabled: boolean | undefined;
  disabledByDefault: boolean | undefined;
}

export function stateFromHost(usable: Tristate): ProtocolState {
  if (usable === 'on') return { enabled: true, disabledByDefault: false };
  if (usable === 'off') return { enabled: false, disabledByDefault: true };
  return { enabled: undefined, disabledByDefault: undefined };
}

/**
 * With no value set, TLS 1.0, 1.1 and 1.2 are enabled on Windows Server 2012 R2 to 2022 (facts §9.2):
 * removing a value or the key returns the protocol to that default. For other protocols the default
 * depends on the Windows version, so a removal leaves the value unknown.
 */
function defaultsOf(write: Pick<RegistryWrite, 'hive' | 'path'>): ProtocolState {
  const protocol = schannelTarget(write)?.protocol;
  const on = protocol === 'TLS 1.0' || protocol === 'TLS 1.1' || protocol === 'TLS 1.2';
  return on ? { enabled: true, disabledByDefault: false } : { enabled: undefined, disabledByDefault: undefined };
}

/** Applies one write to the state of the protocol/side it targets (the caller checks the target). */
export function applyWrite(state: ProtocolState, write: RegistryWrite): ProtocolState {
  const name = write.valueName?.toLowerCase();
  if (write.operation === 'delete-key') return defaultsOf(write);
  if (write.operation === 'create-key') return state;
  if (write.operation === 'delete-value') {
    const defaults = defaultsOf(write);
    if (name === 'enabled') return { ...state, enabled: defaults.enabled };
    if (name === 'disabledbydefault') return { ...state, disabledByDefault: defaults.disabledByDefault };
    return state;
  }
  const value = typeof write.data === 'number' ? write.data !== 0 : undefined;
  if (name === 'enabled') return { ...state, enabled: value };
  if (name === 'disabledbydefault') return { ...state, disabledByDefault: value };
  return state;
}

/** Usable by an application that takes the system defaults (the MIM installer does). */
export function usable(state: ProtocolState): Tristate {
  if (state.enabled === false || state.disabledByDefault === true) return 'off';
  if (state.enabled === true) return 'on';
  return 'unknown';
}
