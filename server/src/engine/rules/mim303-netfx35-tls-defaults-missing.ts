import { historyOf, isNetFrameworkKey, netfx35Keys, type RegistryHistory } from '../registry/history';
import { dwordData, insertBlocks, insertLines, machineRoot, mergeInsertions, valueLine } from '../registry/edits';
import type { RegistryFacts } from '../registry/facts';
import type { SourceText } from '../source-text';
import type { HostProfile, KeyValueEvidence } from '../profile';
import { scriptPathKey } from '../script/facts';
import type { Fix } from '../types';
import type { Rule } from './rule';

const netfxValues = ['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const;

export const mim303: Rule = {
  meta: {
    id: 'MIM303',
    name: 'netfx35-tls-defaults-missing',
    defaultSeverity: 'warning',
    fileKinds: ['reg', 'inf'],
    summary: 'A TLS 1.2-only hardening does not set SystemDefaultTlsVersions under the .NET 3.5 (v2.0.50727) keys that MIM Service reads.',
    fixable: true,
  },
  checkRegistry({ source, profile, registry, report }) {
    // A host snapshot's SCHANNEL export records the server, it does not harden it: the host's own
    // .NETFramework exports decide this, in the readiness report.
    if (profile.host) return;
    const history = historyOf(registry);
    if (!history.tls12OnlyHardening()) return;
    // Set to 0 is MIM304's finding; this rule is about the value not being there at all.
    const absent = netfx35Keys.filter((path) => !history.value('HKLM', path, 'SystemDefaultTlsVersions'));
    if (absent.length === 0) return;
    // A companion file of the workspace (another .reg, an .inf, a script) may set what this one leaves out.
    const companions = companionEvidence(profile, source.fileName);
    const setElsewhere = (path: string) => {
      const found = companions.filter((entry) => entry.key === path);
      return found.length > 0 && found.every((entry) => entry.value === 'on');
    };
    const missing = absent.filter((path) => !setElsewhere(path));
    if (missing.length === 0) return;
    const v4 = registry.blocks.find((block) => block.hive === 'HKLM' && !block.deleted && /\\\.NETFramework\\v4\.0\.30319$/i.test(block.path));
    const range = v4 ? { start: v4.pathStart ?? v4.start, end: v4.pathEnd ?? v4.end } : registry.header ?? firstKey(registry);
    const where = missing.length > 1 ? 'either v2.0.50727 key' : /WOW6432Node/i.test(missing[0]) ? 'the 32-bit v2.0.50727 key' : 'the 64-bit v2.0.50727 key';
    const related = companions.filter((entry) => absent.includes(entry.key as (typeof netfx35Keys)[number])).map((entry) => entry.location);
    report({
      start: range.start,
      end: range.end,
      message:
        `No SystemDefaultTlsVersions=1 under ${where}${companions.length > 0 ? ' in the workspace' : ''}: ` +
        "MIM Service's TLS connections fail.",
      fixes: registry.kind === 'reg' ? [addNetfx35Keys(source, registry, history, missing)] : undefined,
      ...(related.length > 0 ? { related: related.slice(0, maxRelated) } : {}),
    });
  },
};

/** Related information stays short: the first few companions are enough to find the rest. */
const maxRelated = 4;

/** What the other hardening sources of the workspace leave under the .NET 3.5 keys (none without a workspace). */
function companionEvidence(profile: HostProfile, fileName: string): KeyValueEvidence[] {
  const self = scriptPathKey(fileName);
  return (profile.netfx35 ?? []).filter((entry) => scriptPathKey(entry.location.file) !== self);
}

function firstKey(registry: RegistryFacts): { start: number; end: number } {
  const block = registry.blocks[0];
  return block ? { start: block.pathStart ?? block.start, end: block.pathEnd ?? block.end } : { start: 0, end: 0 };
}

function addNetfx35Keys(source: SourceText, registry: RegistryFacts, history: RegistryHistory, missing: readonly string[]): Fix {
  const root = machineRoot(registry);
  const live = registry.blocks.filter((block) => !block.deleted && block.hive === 'HKLM');
  // After the last .NETFramework block, unless a later [-…] line would delete what is added there.
  const lastDeletion = registry.blocks.filter((block) => block.deleted && block.hive === 'HKLM' && missing.some((path) => covers(block.path, path))).at(-1);
  const netfxAnchor = live.filter(isNetFrameworkKey).at(-1);
  const anchor = netfxAnchor && (!lastDeletion || netfxAnchor.start > lastDeletion.start) ? netfxAnchor : registry.blocks.at(-1)!;
  const insertions: Array<{ at: number; text: string }> = [];
  const newBlocks: string[][] = [];
  for (const path of missing) {
    const lines = netfxValues.filter((name) => !history.value('HKLM', path, name)).map((name) => valueLine(name, dwordData('reg', 1)));
    const existing = history.keyDeleted('HKLM', path) ? undefined : live.filter((block) => block.path.toLowerCase() === path.toLowerCase()).at(-1);
    if (existing) insertions.push({ at: existing.end, text: insertLines(source, existing.end, lines) });
    else newBlocks.push([`[${root}\\${path}]`, ...lines]);
  }
  if (newBlocks.length > 0) insertions.push({ at: anchor.end, text: insertBlocks(source, registry, anchor.end, newBlocks) });
  return { title: 'Add SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under the .NET 3.5 keys (v2.0.50727)', edits: mergeInsertions(insertions), preferred: true };
}

/** `key` is `path` or a key above it. */
function covers(key: string, path: string): boolean {
  const k = key.toLowerCase();
  const p = path.toLowerCase();
  return k === p || k === '' || p.startsWith(k + '\\');
}
