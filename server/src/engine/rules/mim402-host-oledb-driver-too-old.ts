import { normalizedPath } from '../host/snapshot/keys';
import { snapshotValueLines, syncOnly, versionParts } from '../host/snapshot/inventory';
import { oledbTooOld } from '../script/version-checks';
import { shown } from '../message';
import type { Rule } from './rule';

export const mim402: Rule = {
  meta: {
    id: 'MIM402',
    name: 'host-oledb-driver-too-old',
    defaultSeverity: 'error',
    fileKinds: ['reg'],
    summary: 'A TLS 1.2-only host snapshot records OLE DB Driver 18 below 18.2.1, or only OLE DB Driver 19.',
    fixable: false,
    usesProfile: 'tls12Only',
  },
  checkRegistry({ source, profile, registry, report }) {
    const host = profile.host;
    if (!host || profile.tls12Only.value !== 'on' || syncOnly(host)) return;
    for (const { line, value } of snapshotValueLines(registry, source.text, 'oledb18', 'InstalledVersion')) {
      const parts = versionParts(value);
      if (!parts || !oledbTooOld(parts)) continue;
      report({
        start: line.dataStart,
        end: line.dataEnd,
        message: `OLE DB Driver ${shown(value, 20)} is older than 18.2.1, which the MIM Service installer needs on this TLS 1.2-only host.`,
      });
    }
    // Only v19, and only when the collector says v18 is not there: a hand-made snapshot may just lack the export.
    const v18Missing = host.missing.some((line) => normalizedPath(line.value.replace(/^HKLM\\|^HKEY_LOCAL_MACHINE\\/i, '')) === 'software\\microsoft\\msoledbsql');
    if (host.oledb18 || !v18Missing) return;
    for (const { line, value } of snapshotValueLines(registry, source.text, 'oledb19', 'InstalledVersion')) {
      report({
        start: line.dataStart,
        end: line.dataEnd,
        severity: 'warning',
        message: `Only OLE DB Driver 19 (${shown(value, 20)}) is installed: the MIM Service installer needs MSOLEDBSQL 18.2.1 or later.`,
      });
    }
  },
};
