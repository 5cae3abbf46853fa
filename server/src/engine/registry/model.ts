// One model of a registry change, whoever wrote it: a .reg file, a security template, `reg add`,
// PowerShell registry cmdlets or a DSC Registry resource. TLS-state tracking and host-profile
// inference consume only this.

export type RegistryOperation = 'set-value' | 'delete-value' | 'create-key' | 'delete-key';

export interface RegistryWrite {
  operation: RegistryOperation;
  /** `HKLM`, `HKCU`, `HKCR`, `HKU`, `HKCC`. */
  hive: string;
  /** Key path below the hive, backslash-separated, without leading or trailing backslash, case kept. */
  path: string;
  /** Value name for value operations ('' = the default value). */
  valueName?: string;
  /** Numeric data (DWORD/QWORD) when known; strings as written; undefined when the script computes it. */
  data?: number | string;
  /** Source range of the command or line that makes the change. */
  start: number;
  end: number;
}

const hiveAliases: Record<string, string> = {
  HKLM: 'HKLM',
  HKEY_LOCAL_MACHINE: 'HKLM',
  MACHINE: 'HKLM',
  HKCU: 'HKCU',
  HKEY_CURRENT_USER: 'HKCU',
  HKCR: 'HKCR',
  HKEY_CLASSES_ROOT: 'HKCR',
  HKU: 'HKU',
  HKEY_USERS: 'HKU',
  HKCC: 'HKCC',
  HKEY_CURRENT_CONFIG: 'HKCC',
};

/**
 * Splits `HKLM\…`, `HKEY_LOCAL_MACHINE\…`, `HKLM:\…`, `Registry::HKEY_LOCAL_MACHINE\…` and
 * `Microsoft.PowerShell.Core\Registry::…` into hive and path. Undefined for anything else.
 */
export function parseKeyPath(raw: string): { hive: string; path: string } | undefined {
  let key = raw.trim().replace(/\//g, '\\');
  key = key.replace(/^(?:Microsoft\.PowerShell\.Core\\)?Registry::/i, '');
  const match = /^([A-Za-z_]+):?(?:\\+|$)(.*)$/.exec(key);
  if (!match) return undefined;
  const hive = hiveAliases[match[1].toUpperCase()];
  if (!hive) return undefined;
  return { hive, path: match[2].replace(/\\+$/, '').replace(/\\{2,}/g, '\\') };
}

/** DWORD/QWORD data as reg.exe, PowerShell and DSC write it: decimal, 0x-hex, or negative (-1 = 0xffffffff). */
export function parseNumber(raw: string): number | undefined {
  const value = raw.trim();
  if (/^0x[0-9a-f]+$/i.test(value)) return parseInt(value.slice(2), 16);
  if (/^-?\d+$/.test(value)) {
    const n = Number(value);
    return n < 0 ? n >>> 0 : n;
  }
  return undefined;
}
