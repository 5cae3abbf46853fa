import { isNetFrameworkKey, RegistryHistory } from '../registry/history';
import { dwordData, rewriteData } from '../registry/edits';
import { netTlsDocs, preparingTls } from './sources';
import type { Rule } from './rule';

const effects: Record<string, string> = {
  schusestrongcrypto: 'turns strong cryptography off, so .NET Framework applications may use SSL 3.0, TLS 1.0 and weak ciphers',
  systemdefaulttlsversions: "stops .NET Framework applications from using the operating system's TLS versions, so they pick their own (older) ones",
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
      const runtime = /\\v2\.0\.50727$/i.test(write.path)
        ? 'This key is read by .NET Framework 3.5 applications, MIM Service among them.'
        : /\\v4\.0\.30319$/i.test(write.path)
          ? 'This key is read by .NET Framework 4.x applications, the MIM Synchronization Service among them.'
          : 'It applies to the .NET Framework applications that read this key.';
      report({
        start: line.dataStart,
        end: line.dataEnd,
        message:
          `${write.valueName}=0 under HKLM\\${write.path} ${effect}. ${runtime} On a host hardened to TLS 1.2 their connections ` +
          `to SQL Server, Exchange and the MIM web services then fail. Set ${write.valueName} to 1 (${netTlsDocs}; ${preparingTls}).`,
        fixes: [{ title: `Set ${write.valueName} to 1`, edits: [rewriteData(line, dwordData(registry.kind, 1))], preferred: true }],
      });
    }
  },
};
