import { isNetFrameworkKey, RegistryHistory } from '../registry/history';
import { dwordData, rewriteData } from '../registry/edits';
import type { Rule } from './rule';

const effects: Record<string, string> = {
  schusestrongcrypto: 'turns strong crypto off',
  systemdefaulttlsversions: 'ignores the OS TLS versions',
};

export const mim304: Rule = {
  meta: {
    id: 'MIM304',
    name: 'netfx-strong-crypto-disabled',
    defaultSeverity: 'warning',
    fileKinds: ['reg', 'inf'],
    summary: 'SchUseStrongCrypto or SystemDefaultTlsVersions is set to 0 under a .NETFramework key.',
    fixable: true,
  },
  checkRegistry({ registry, report }) {
    const history = new RegistryHistory(registry);
    for (const line of registry.values ?? []) {
      const { write } = line;
      const effect = effects[write.valueName?.toLowerCase() ?? ''];
      if (!effect || write.operation !== 'set-value' || write.data !== 0 || !isNetFrameworkKey(write)) continue;
      // A later write to the same value wins.
      if (history.value(write.hive, write.path, write.valueName!) !== line) continue;
      const apps = /\\v2\.0\.50727$/i.test(write.path)
        ? '.NET 3.5 (MIM Service)'
        : /\\v4\.0\.30319$/i.test(write.path)
          ? '.NET 4.x (Sync Service)'
          : 'apps reading this key';
      report({
        start: line.dataStart,
        end: line.dataEnd,
        message: `${write.valueName}=0 ${effect} for ${apps}: it fails on a TLS 1.2-only host.`,
        fixes: [{ title: `Set ${write.valueName} to 1`, edits: [rewriteData(line, dwordData(registry.kind, 1))], preferred: true }],
      });
    }
  },
};
