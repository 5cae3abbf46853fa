import type { Fact } from '../profile';
import type { Location } from '../types';
import { scriptPathKey } from '../script/facts';
import { shown } from '../message';
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
        message: `This conflicts with ${elsewhere || 'another line of this file'} on ${factNames[key]}: it stays unknown, so its rules stay silent.`,
        related: others,
      });
    }
  }
}

/** The first place by its folder, file name and line; the rest are counted (the related information lists them all). */
function placesOf(locations: readonly Location[]): string {
  const first = locations[0];
  if (!first) return '';
  const name = shown(first.file.split(/[\\/]/).slice(-2).join('/'), 24);
  const more = locations.length - 1;
  return `${name}${first.line !== undefined ? `:${first.line + 1}` : ''}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
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
