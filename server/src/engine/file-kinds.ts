// Which file is which. The kind decides which reader and which rules apply; for configs the role
// decides which runtime the file configures (MIM Service: .NET 3.5 / CLR 2; Sync: CLR 4).
import type { FileKind } from './types';

const kindsByExtension: Record<string, FileKind> = {
  '.config': 'config',
  '.cmd': 'cmd',
  '.bat': 'cmd',
  '.ps1': 'powershell',
  '.psm1': 'powershell',
  '.reg': 'reg',
  '.inf': 'inf',
};

/** The file kinds the engine reads today; the CLI walks directories for these extensions. */
export const supportedKinds: ReadonlySet<FileKind> = new Set<FileKind>(['config', 'cmd', 'powershell', 'reg', 'inf', 'evidence']);

/**
 * Text files of a host snapshot, by name (a .txt is anything else): the `certutil -store My` dump
 * (`certutil-store-my.txt` as collect-host-evidence.cmd names it, or any `certutil*.txt`) and the
 * collector's manifest.
 */
const evidenceTextName = /^(?:certutil.*|evidence-manifest)\.txt$/;

export function baseName(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(cut + 1);
}

export function fileKindOf(fileName: string): FileKind | undefined {
  const name = baseName(fileName).toLowerCase();
  if (evidenceTextName.test(name)) return 'evidence';
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  const kind = kindsByExtension[name.slice(dot)];
  return kind && supportedKinds.has(kind) ? kind : undefined;
}

/**
 * - `mim-service`: Microsoft.ResourceManagement.Service.exe.config, or a copy whose root holds
 *   <resourceManagementService> (decided by the caller from the parsed tree).
 * - `mim-sync`: the Sync Service's miiserver / mmsscrpt / dllhost configs (CLR 4).
 * - `dotnet-app`: another .NET application config (*.exe.config, *.dll.config, web.config, app.config).
 * - `other`: any other .config (packages.config, NuGet.config …): only the XML syntax check applies.
 */
export type ConfigRole = 'mim-service' | 'mim-sync' | 'dotnet-app' | 'other';

const syncConfigNames = new Set(['miiserver.exe.config', 'mmsscrpt.exe.config', 'dllhost.exe.config']);

/**
 * The config an XDT transform rewrites, by the usual naming: the build configuration or environment
 * goes before `.config` (web.Release.config, Microsoft.ResourceManagement.Service.exe.Test.config).
 */
export function transformTargetName(fileName: string): string {
  return baseName(fileName).replace(/\.[^.]+(\.config)$/i, '$1');
}

export function configRoleByName(fileName: string): ConfigRole {
  const name = baseName(fileName).toLowerCase();
  if (name === 'microsoft.resourcemanagement.service.exe.config') return 'mim-service';
  if (syncConfigNames.has(name)) return 'mim-sync';
  if (/\.(exe|dll)\.config$/.test(name) || name === 'web.config' || name === 'app.config') return 'dotnet-app';
  return 'other';
}
