import { closestName, knownPackages } from '../script/mim-packages';
import { shown } from '../message';
import type { Rule } from './rule';

export const mim207: Rule = {
  meta: {
    id: 'MIM207',
    name: 'unknown-msi-property',
    defaultSeverity: 'warning',
    fileKinds: ['cmd', 'powershell'],
    summary: 'An msiexec property that the MIM package does not know, close to one it does: msiexec ignores it silently.',
    fixable: true,
  },
  checkScript({ script, report }) {
    for (const invocation of script.installs) {
      const known = knownPackages[invocation.packageKind];
      if (!known) continue;
      for (const property of invocation.properties) {
        const upper = property.name.toUpperCase();
        // Case-only differences and names far from every known one stay silent: no list is official.
        if (known.properties.has(upper)) continue;
        const suggestion = closestName(upper, known.properties);
        if (!suggestion) continue;
        const range = property.nameRange ?? property.token;
        report({
          start: range.start,
          end: range.end,
          message: `${shown(property.name, 28)} is unknown to ${packageLabel(invocation.packageKind)} (did you mean ${suggestion}?): msiexec ignores it.`,
          fixes: property.nameRange && [
            { title: `Rename to ${suggestion}`, edits: [{ ...property.nameRange, newText: suggestion }], preferred: true },
          ],
        });
      }
    }
  },
};

function packageLabel(kind: string): string {
  return kind === 'mim-service' ? 'Service and Portal.msi' : 'Synchronization Service.msi';
}
