// What the SCHANNEL and .NET Framework TLS registry values mean (Microsoft, "Transport Layer Security
// (TLS) registry settings"; facts §2): one table for completion and hover.
import { netfx35Keys } from '../registry/history';
import { schannelProtocolsPath } from '../tls/schannel';

export interface RegistryValueKnowledge {
  name: string;
  /** DWORD data, 8 hex digits, that completion inserts. */
  data: string;
  meaning: string;
}

const protocols = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];
const netfx4Keys = ['SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', 'SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319'];

export const enabledMeaning =
  'Enabled: 0 turns the protocol off for this side; any non-zero value (1, ffffffff) turns it on. Without it the OS default applies.';
export const disabledByDefaultMeaning =
  'DisabledByDefault: 1 keeps the protocol from being offered unless an application asks for it explicitly; 0 offers it by default. ' +
  'Installers that take the system defaults (the MIM installer does) cannot use a protocol with DisabledByDefault=1.';

export function tlsKeyPaths(): string[] {
  const paths: string[] = [];
  for (const protocol of protocols) for (const side of ['Client', 'Server']) paths.push(`HKEY_LOCAL_MACHINE\\${schannelProtocolsPath}\\${protocol}\\${side}`);
  for (const key of [...netfx4Keys, ...netfx35Keys]) paths.push(`HKEY_LOCAL_MACHINE\\${key}`);
  return paths;
}

/** Value names under a SCHANNEL protocol key, with the data that suits the protocol (TLS 1.2 on, older off). */
export function protocolValues(protocol: string): RegistryValueKnowledge[] {
  const modern = /^TLS 1\.[23]$/i.test(protocol);
  return [
    { name: 'Enabled', data: modern ? '00000001' : '00000000', meaning: enabledMeaning },
    { name: 'DisabledByDefault', data: modern ? '00000000' : '00000001', meaning: disabledByDefaultMeaning },
  ];
}

export const netFrameworkValues: RegistryValueKnowledge[] = [
  {
    name: 'SystemDefaultTlsVersions',
    data: '00000001',
    meaning: 'SystemDefaultTlsVersions: 1 lets .NET use the protocols the OS (SCHANNEL) allows, TLS 1.2 included; 0 keeps the framework\'s own older default.',
  },
  {
    name: 'SchUseStrongCrypto',
    data: '00000001',
    meaning: 'SchUseStrongCrypto: 1 makes .NET use strong cryptography and TLS 1.2 where available; 0 lets it fall back to weak protocols and ciphers.',
  },
];

export function registryKeyDocs(path: string): string {
  const schannel = /\\Protocols\\([^\\]+)\\(Client|Server)$/i.exec(path);
  if (schannel) {
    return `SCHANNEL switches for ${schannel[1]} on the ${schannel[2]} side (outgoing connections for Client, incoming for Server). ` +
      'Change both sides together.';
  }
  const runtime = /v2\.0\.50727$/i.test(path) ? '.NET 3.5 (CLR 2): the runtime MIM Service uses' : '.NET 4.x (CLR 4): the runtime the MIM Sync engine uses';
  const bitness = /WOW6432Node/i.test(path) ? '32-bit programs' : '64-bit programs';
  return `TLS defaults of ${runtime}, for ${bitness}. Set SystemDefaultTlsVersions and SchUseStrongCrypto to 1.`;
}
