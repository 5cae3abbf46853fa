import type { Fact } from '../profile';
import type { Location } from '../types';
import { scriptPathKey } from '../script/facts';
import type { BaseContext, Rule } from './rule';

const factNames = { fips: 'FIPS mode', tls12Only: 'TLS 1.2-only' } as const;

/** Reports this file's part of a disagreement between the workspace's hardening sources. */
function reportConflicts({ source, profile, report }: BaseContext): void {
  const here = scriptPathKey(source.fileName);
  for (const key of ['fips', 'tls12Only'] as const) {
    const fact: Fact = profile[key];
    if (!fact.conflict) continue;
    const others = fact.evidence.filter((e) => scriptPathKey(e.file) !== here);
    for (const location of fact.evidence.filter((e) => scriptPathKey(e.file) === here)) {
      const elsewhere = placesOf(others);
      report({
        start: location.start,
        end: location.end,
        message:
          `${location.message}, but other hardening sources disagree: ${elsewhere || 'another line of this file'}. ` +
          `mim-lint cannot tell whether the host runs ${factNames[key]}, so the rules that depend on it stay silent. ` +
          `Make the sources agree, or set mimLint.host.${key} (CLI: --${key === 'fips' ? 'fips' : 'tls12-only'}) explicitly.`,
        related: others,
      });
    }
  }
}

/** Places a message names; the rest are counted (the related information and Show Host Profile list them all). */
const namedPlaces = 3;

function placesOf(locations: readonly Location[]): string {
  const named = locations.slice(0, namedPlaces).map((o) => `${o.file}${o.line !== undefined ? `:${o.line + 1}` : ''} (${o.message})`);
  const more = locations.length - named.length;
  return more > 0 ? `${named.join('; ')} and ${more.toLocaleString('en-US')} more` : named.join('; ');
}

export const mim306: Rule = {
  meta: {
    id: 'MIM306',
    name: 'host-evidence-conflict',
    defaultSeverity: 'warning',
    fileKinds: ['reg', 'inf', 'cmd', 'powershell'],
    summary: 'Hardening sources in the workspace disagree on FIPS mode or TLS 1.2-only, so the host profile stays unknown.',
    fixable: false,
    usesProfile: 'inference',
  },
  checkRegistry: reportConflicts,
  checkScript: reportConflicts,
};
