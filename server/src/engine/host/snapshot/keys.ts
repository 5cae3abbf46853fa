// The registry keys of facts §9.5: what a server records about the components MIM needs. The
// collector exports exactly these, and the snapshot reader recognises them (case-insensitive, with
// ControlSet00n read as CurrentControlSet, and WOW6432Node where 32-bit copies exist).

export type InventoryKey =
  | 'snac'
  | 'oledb18'
  | 'oledb19'
  | 'netfx35'
  | 'netfx4'
  | 'fimService'
  | 'fimSync'
  | 'syncLocation'
  | 'uninstall'
  | 'netfxTls';

/** Paths below HKLM as the collector names them (its `reg export` lines are checked against this list). */
export const snapshotKeys: ReadonlyArray<{ path: string; key: InventoryKey | 'schannel' | 'fips'; file: string }> = [
  { path: 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL', key: 'schannel', file: 'schannel.reg' },
  { path: 'SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy', key: 'fips', file: 'lsa-fips.reg' },
  { path: 'SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727', key: 'netfxTls', file: 'netfx-v2.0.50727.reg' },
  { path: 'SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727', key: 'netfxTls', file: 'netfx-v2.0.50727-wow64.reg' },
  { path: 'SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', key: 'netfxTls', file: 'netfx-v4.0.30319.reg' },
  { path: 'SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319', key: 'netfxTls', file: 'netfx-v4.0.30319-wow64.reg' },
  { path: 'SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v3.5', key: 'netfx35', file: 'ndp-v3.5.reg' },
  { path: 'SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full', key: 'netfx4', file: 'ndp-v4-full.reg' },
  { path: 'SOFTWARE\\Microsoft\\SQLNCLI11', key: 'snac', file: 'sqlncli11.reg' },
  { path: 'SOFTWARE\\Microsoft\\MSOLEDBSQL', key: 'oledb18', file: 'msoledbsql.reg' },
  { path: 'SOFTWARE\\Microsoft\\MSOLEDBSQL19', key: 'oledb19', file: 'msoledbsql19.reg' },
  { path: 'SYSTEM\\CurrentControlSet\\Services\\FIMService', key: 'fimService', file: 'fimservice.reg' },
  { path: 'SYSTEM\\CurrentControlSet\\Services\\FIMSynchronizationService', key: 'fimSync', file: 'fimsynchronizationservice.reg' },
  { path: 'SOFTWARE\\Microsoft\\Forefront Identity Manager\\2010\\Synchronization Service', key: 'syncLocation', file: 'mim-sync-location.reg' },
];

/** The Uninstall keys the collector searches for the MIM entries (each entry is exported on its own). */
export const uninstallKeys = [
  'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
];

/** A key path below HKLM, lower-cased, with ControlSet00n as CurrentControlSet. */
export function normalizedPath(path: string): string {
  return path.toLowerCase().replace(/^system\\controlset\d{3}\\/, 'system\\currentcontrolset\\');
}

/** Which inventory key a path is (or lies under, for the two service keys; a direct entry of Uninstall). */
export function inventoryKeyOf(path: string): InventoryKey | undefined {
  const p = normalizedPath(path);
  for (const entry of snapshotKeys) {
    if (entry.key === 'schannel' || entry.key === 'fips') continue;
    const k = entry.path.toLowerCase();
    if (p === k || ((entry.key === 'fimService' || entry.key === 'fimSync') && p.startsWith(k + '\\'))) return entry.key;
  }
  // An entry is a direct subkey of Uninstall; its own subkeys (components, language entries) are not products.
  if (uninstallKeys.some((key) => p.startsWith(key.toLowerCase() + '\\') && !p.slice(key.length + 1).includes('\\'))) return 'uninstall';
  return undefined;
}

/** The MIM products by the Uninstall DisplayName (not the product code, which differs per build). */
export function mimProductOf(displayName: string): 'service' | 'sync' | undefined {
  const name = displayName.trim();
  if (/^(?:Microsoft|Forefront) Identity Manager Service and Portal$/i.test(name)) return 'service';
  if (/^(?:Microsoft|Forefront) Identity Manager Synchronization Service$/i.test(name)) return 'sync';
  return undefined;
}
