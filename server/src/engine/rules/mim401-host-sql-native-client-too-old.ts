import { serviceOnly, snapshotValueLines, versionParts } from '../host/snapshot/inventory';
import { snacTooOld } from '../script/version-checks';
import { shown } from '../message';
import type { Rule } from './rule';

export const mim401: Rule = {
  meta: {
    id: 'MIM401',
    name: 'host-sql-native-client-too-old',
    defaultSeverity: 'error',
    fileKinds: ['reg'],
    summary: 'A TLS 1.2-only host snapshot records SQL Server Native Client 11 below build 7001 (11.4.7001.0).',
    fixable: false,
    usesProfile: 'tls12Only',
  },
  checkRegistry({ source, profile, registry, report }) {
    const host = profile.host;
    if (!host || profile.tls12Only.value !== 'on' || serviceOnly(host)) return;
    for (const { line, value } of snapshotValueLines(registry, source.text, 'snac', 'InstalledVersion')) {
      const parts = versionParts(value);
      if (!parts || !snacTooOld(parts)) continue;
      report({
        start: line.dataStart,
        end: line.dataEnd,
        message: `Native Client 11 ${shown(value, 20)} is older than 11.4.7001.0: MIM Sync cannot reach SQL Server over TLS 1.2.`,
      });
    }
  },
};
