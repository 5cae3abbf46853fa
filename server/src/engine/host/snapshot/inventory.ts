// The host inventory: what a snapshot's files say about one server, each value with the export line
// that holds it (so findings and the readiness report point there). Built per file (the language
// server's index keeps only this, not the texts) and merged per host folder.
import { readRegFile } from '../../registry/reg-file';
import type { RegistryValueLine } from '../../registry/facts';
import { SourceText } from '../../source-text';
import type { Location } from '../../types';
import { isCertificateDump, isSelfSigned, readCertificateDump } from './certutil';
import { inventoryKeyOf, mimProductOf, normalizedPath } from './keys';
import { isManifest, readManifest } from './manifest';

export interface InventoryValue {
  value: string;
  at: Location;
}

export interface InventoryCertificate {
  subject: string;
  issuer: string;
  selfSigned: boolean;
  thumbprint?: string;
  notAfter?: string;
  /** The `Subject:` line. */
  at: Location;
}

export interface HostInventory {
  /** From the manifest. */
  name?: InventoryValue;
  date?: InventoryValue;
  /** Keys the collector found missing on the server (manifest `Missing:` lines). */
  missing: InventoryValue[];
  snac?: InventoryValue;
  oledb18?: InventoryValue;
  oledb19?: InventoryValue;
  netfx35?: InventoryValue;
  /** NDP\v4\Full Release, as a decimal number. */
  netfx4Release?: InventoryValue;
  /** DisplayVersion of each "… Identity Manager Service and Portal" / "… Synchronization Service" Uninstall entry. */
  mimService: InventoryValue[];
  mimSync: InventoryValue[];
  /** FIMService ImagePath (quotes removed); the service's config is this path + `.config`. */
  serviceImagePath?: InventoryValue;
  /** FIMSynchronizationService\Parameters Path. */
  syncPath?: InventoryValue;
  /** SystemDefaultTlsVersions and SchUseStrongCrypto under each .NETFramework key (`path|name` → value). */
  netfxTls: Record<string, InventoryValue>;
  certificates: InventoryCertificate[];
  /** The file shows its folder is a host snapshot: an export of a §9.5 inventory key, a certutil dump or the manifest. */
  marksHost: boolean;
  /** Which inventory keys some export holds, even without the value (lower-case paths). */
  exportedKeys: string[];
}

export function emptyInventory(): HostInventory {
  return { missing: [], mimService: [], mimSync: [], netfxTls: {}, certificates: [], marksHost: false, exportedKeys: [] };
}

/** Cheap test before any parse: the text names an inventory key, or is a dump or manifest. */
const mentionsInventory = /sqlncli11|msoledbsql|net framework setup|fimservice|fimsynchronizationservice|identity manager|\.netframework|={4,}\s*certificate|mim-lint host evidence/i;

/** What one file of a snapshot says; undefined when it says nothing about the inventory. */
export function inventoryOf(text: string, fileName: string): HostInventory | undefined {
  if (!mentionsInventory.test(text)) return undefined;
  const source = new SourceText(text, fileName);
  const at = (start: number, end: number, message: string): Location => ({ file: fileName, start, end, line: source.positionAt(start).line, message });
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.reg')) return exportInventory(text, at);
  if (lower.endsWith('.txt')) {
    if (isCertificateDump(text)) return dumpInventory(text, at);
    if (isManifest(text)) return manifestInventory(text, at);
  }
  return undefined;
}

type At = (start: number, end: number, message: string) => Location;

function exportInventory(text: string, at: At): HostInventory | undefined {
  const registry = readRegFile(text);
  if (registry.syntaxErrors.some((error) => error.fileRefused)) return undefined;
  const inventory = emptyInventory();
  for (const block of registry.blocks) {
    if (block.hive !== 'HKLM' || block.deleted) continue;
    const key = inventoryKeyOf(block.path);
    if (!key) continue;
    if (key !== 'netfxTls' && key !== 'uninstall') inventory.marksHost = true;
    inventory.exportedKeys.push(normalizedPath(block.path));
  }
  const lines = registry.values ?? [];
  for (const line of lines) {
    const { write } = line;
    if (write.hive !== 'HKLM' || write.operation !== 'set-value') continue;
    const key = inventoryKeyOf(write.path);
    if (!key) continue;
    const name = (write.valueName ?? '').toLowerCase();
    const path = normalizedPath(write.path);
    const value = valueText(text, line);
    if (value === undefined) continue;
    const found = (message: string): InventoryValue => ({ value, at: at(write.start, write.end, message) });
    if (key === 'snac' && name === 'installedversion') inventory.snac = found(`SQL Server Native Client 11 ${value}`);
    else if (key === 'oledb18' && name === 'installedversion') inventory.oledb18 = found(`OLE DB Driver 18 ${value}`);
    else if (key === 'oledb19' && name === 'installedversion') inventory.oledb19 = found(`OLE DB Driver 19 ${value}`);
    else if (key === 'netfx35' && name === 'version') inventory.netfx35 = found(`.NET Framework 3.5 ${value}`);
    else if (key === 'netfx4' && name === 'release') inventory.netfx4Release = found(`.NET Framework 4.x Release ${value}`);
    else if (key === 'fimService' && name === 'imagepath' && path === 'system\\currentcontrolset\\services\\fimservice') {
      inventory.serviceImagePath = { value: value.replace(/"/g, '').trim(), at: at(write.start, write.end, `MIM Service runs ${value.replace(/"/g, '').trim()}`) };
    } else if (key === 'fimSync' && name === 'path' && path.endsWith('\\parameters')) inventory.syncPath = found(`MIM Synchronization Service installed in ${value}`);
    else if (key === 'netfxTls' && (name === 'systemdefaulttlsversions' || name === 'schusestrongcrypto')) {
      inventory.netfxTls[`${path}|${name}`] = found(`${write.valueName} = ${value} under ${write.path}`);
    }
  }
  addUninstallEntries(text, lines, inventory, at);
  return inventory.marksHost || inventory.mimService.length + inventory.mimSync.length > 0 || Object.keys(inventory.netfxTls).length > 0 ? inventory : undefined;
}

/** An Uninstall entry is a MIM product by its DisplayName; its DisplayVersion line is the evidence. */
function addUninstallEntries(text: string, lines: readonly RegistryValueLine[], inventory: HostInventory, at: At): void {
  const byBlock = new Map<RegistryValueLine['block'], { name?: string; version?: RegistryValueLine }>();
  for (const line of lines) {
    if (line.write.operation !== 'set-value' || inventoryKeyOf(line.write.path) !== 'uninstall') continue;
    const entry = byBlock.get(line.block) ?? {};
    const name = (line.write.valueName ?? '').toLowerCase();
    if (name === 'displayname') entry.name = valueText(text, line);
    if (name === 'displayversion') entry.version = line;
    byBlock.set(line.block, entry);
  }
  for (const entry of byBlock.values()) {
    const product = entry.name === undefined ? undefined : mimProductOf(entry.name);
    const version = entry.version && valueText(text, entry.version);
    if (!product || !entry.version || version === undefined) continue;
    inventory.marksHost = true;
    const value = { value: version, at: at(entry.version.write.start, entry.version.write.end, `${entry.name!.trim()} ${version}`) };
    (product === 'service' ? inventory.mimService : inventory.mimSync).push(value);
  }
}

/** A value's data as text: strings as written, DWORDs in decimal, REG_EXPAND_SZ (hex(2)) decoded. */
export function valueText(text: string, line: RegistryValueLine): string | undefined {
  const data = line.write.data;
  if (typeof data === 'string') return data;
  if (typeof data === 'number') return String(data);
  if (line.type !== 'hex') return undefined;
  const written = text.slice(line.dataStart, line.dataEnd);
  const prefix = /^hex\((2|7)\):/i.exec(written);
  if (!prefix) return undefined;
  const bytes = written
    .slice(prefix[0].length)
    .split(/[\s,\\]+/)
    .filter((token) => /^[0-9a-f]{1,2}$/i.test(token))
    .map((token) => parseInt(token, 16));
  let decoded = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const unit = bytes[i] | (bytes[i + 1] << 8);
    if (unit === 0) break;
    decoded += String.fromCharCode(unit);
  }
  return decoded;
}

function dumpInventory(text: string, at: At): HostInventory {
  const inventory = emptyInventory();
  inventory.marksHost = true;
  for (const certificate of readCertificateDump(text).certificates) {
    if (!certificate.subject) continue;
    const subject = certificate.subject;
    inventory.certificates.push({
      subject: subject.value,
      issuer: certificate.issuer?.value ?? '',
      selfSigned: isSelfSigned(certificate),
      thumbprint: certificate.thumbprint?.value,
      notAfter: certificate.notAfter?.value,
      at: at(subject.start, subject.end, `certificate ${subject.value}${isSelfSigned(certificate) ? ' (Subject = Issuer: self-signed)' : ` issued by ${certificate.issuer?.value ?? 'an unknown issuer'}`}`),
    });
  }
  return inventory;
}

function manifestInventory(text: string, at: At): HostInventory {
  const manifest = readManifest(text);
  const inventory = emptyInventory();
  inventory.marksHost = true;
  if (manifest.host) inventory.name = { value: manifest.host.value, at: at(manifest.host.start, manifest.host.end, `host ${manifest.host.value}`) };
  if (manifest.date) inventory.date = { value: manifest.date.value, at: at(manifest.date.start, manifest.date.end, `collected ${manifest.date.value}`) };
  inventory.missing = manifest.missing.map((line) => ({ value: line.value, at: at(line.start, line.end, `the server has no ${line.value}`) }));
  return inventory;
}

/** One host's inventory from its files' inventories (later files add to earlier ones). */
export function mergeInventories(parts: Iterable<HostInventory>): HostInventory {
  const merged = emptyInventory();
  for (const part of parts) {
    merged.name ??= part.name;
    merged.date ??= part.date;
    merged.snac ??= part.snac;
    merged.oledb18 ??= part.oledb18;
    merged.oledb19 ??= part.oledb19;
    merged.netfx35 ??= part.netfx35;
    merged.netfx4Release ??= part.netfx4Release;
    merged.serviceImagePath ??= part.serviceImagePath;
    merged.syncPath ??= part.syncPath;
    merged.missing.push(...part.missing);
    merged.mimService.push(...part.mimService);
    merged.mimSync.push(...part.mimSync);
    merged.certificates.push(...part.certificates);
    merged.exportedKeys.push(...part.exportedKeys);
    for (const [key, value] of Object.entries(part.netfxTls)) merged.netfxTls[key] ??= value;
    merged.marksHost ||= part.marksHost;
  }
  return merged;
}

/** The MIM Service config the snapshot should hold a copy of: ImagePath + `.config`. */
export function serviceConfigPath(inventory: HostInventory): string | undefined {
  return inventory.serviceImagePath && `${inventory.serviceImagePath.value}.config`;
}

/** The value lines of one §9.5 key and value name in an export (for rules, which point at them). */
export function snapshotValueLines(
  registry: { values?: RegistryValueLine[] },
  text: string,
  key: ReturnType<typeof inventoryKeyOf>,
  valueName: string,
): Array<{ line: RegistryValueLine; value: string }> {
  return (registry.values ?? []).flatMap((line) => {
    const { write } = line;
    if (write.hive !== 'HKLM' || write.operation !== 'set-value' || write.valueName?.toLowerCase() !== valueName.toLowerCase()) return [];
    if (inventoryKeyOf(write.path) !== key) return [];
    const value = valueText(text, line);
    return value === undefined ? [] : [{ line, value }];
  });
}

/** Version parts of `11.4.7001.0`; undefined when the text is not a dotted number. */
export function versionParts(value: string): number[] | undefined {
  return /^\d+(?:\.\d+){1,3}$/.test(value.trim()) ? value.trim().split('.').map(Number) : undefined;
}

/** a < b, comparing dotted versions part by part (missing parts are 0). */
export function versionBelow(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** The host runs MIM Service and not the Sync engine (SNAC matters to Sync; OLE DB 18 to the Service installer). */
export function serviceOnly(inventory: HostInventory): boolean {
  return (inventory.mimService.length > 0 || inventory.serviceImagePath !== undefined) && inventory.mimSync.length === 0 && inventory.syncPath === undefined;
}

export function syncOnly(inventory: HostInventory): boolean {
  return (inventory.mimSync.length > 0 || inventory.syncPath !== undefined) && inventory.mimService.length === 0 && inventory.serviceImagePath === undefined;
}

/** The inventory with every location's file renamed (the reports name files relative to their folder). */
export function renameInventory(inventory: HostInventory, rename: (fileName: string) => string): HostInventory {
  const value = <V extends { at: Location } | undefined>(v: V): V => (v && { ...v, at: { ...v.at, file: rename(v.at.file) } }) as V;
  return {
    ...inventory,
    name: value(inventory.name),
    date: value(inventory.date),
    missing: inventory.missing.map(value),
    snac: value(inventory.snac),
    oledb18: value(inventory.oledb18),
    oledb19: value(inventory.oledb19),
    netfx35: value(inventory.netfx35),
    netfx4Release: value(inventory.netfx4Release),
    mimService: inventory.mimService.map(value),
    mimSync: inventory.mimSync.map(value),
    serviceImagePath: value(inventory.serviceImagePath),
    syncPath: value(inventory.syncPath),
    netfxTls: Object.fromEntries(Object.entries(inventory.netfxTls).map(([key, v]) => [key, value(v)])),
    certificates: inventory.certificates.map(value),
  };
}
