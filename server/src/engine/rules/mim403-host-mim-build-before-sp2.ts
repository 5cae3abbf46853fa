import { mimProductOf } from '../host/snapshot/keys';
import { snapshotValueLines, versionBelow, versionParts } from '../host/snapshot/inventory';
import { shown } from '../message';
import type { Rule } from './rule';

const sp2 = [4, 6, 34, 0];
const productNames = { service: 'MIM Service and Portal', sync: 'MIM Synchronization Service' } as const;

export const mim403: Rule = {
  meta: {
    id: 'MIM403',
    name: 'host-mim-build-before-sp2',
    defaultSeverity: 'error',
    fileKinds: ['reg'],
    summary: 'A TLS 1.2-only host snapshot records a MIM Service and Portal or Synchronization Service build below 4.6.34.0 (SP2).',
    fixable: false,
    usesProfile: 'tls12Only',
  },
  checkRegistry({ source, profile, registry, report }) {
    if (!profile.host || profile.tls12Only.value !== 'on') return;
    const names = new Map(snapshotValueLines(registry, source.text, 'uninstall', 'DisplayName').map(({ line, value }) => [line.block, value]));
    for (const { line, value } of snapshotValueLines(registry, source.text, 'uninstall', 'DisplayVersion')) {
      const name = names.get(line.block);
      const parts = versionParts(value);
      const product = name === undefined ? undefined : mimProductOf(name);
      if (!product || !parts || !versionBelow(parts, sp2)) continue;
      report({
        start: line.dataStart,
        end: line.dataEnd,
        message: `${productNames[product]} ${shown(value, 16)} is older than SP2 (4.6.34.0), the first build that works on TLS 1.2-only hosts.`,
      });
    }
  },
};
