import { deploysAttribute, deploysElement, fipsAttributeName } from '../config/facts';
import { replaceValue } from '../xml/edit';
import { shown } from '../message';
import type { ConfigRule } from './rule';

/** What an admin most likely meant by a value that is not exactly true or false. */
function intendedValue(value: string): 'true' | 'false' | undefined {
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') return 'true';
  if (normalized === 'false' || normalized === '0') return 'false';
  return undefined;
}

export const mim105: ConfigRule = {
  meta: {
    id: 'MIM105',
    name: 'fips-policy-value',
    defaultSeverity: 'warning',
    fileKinds: ['config'],
    summary: 'enforceFIPSPolicy has no enabled attribute, or a value other than exactly true or false.',
    fixable: true,
  },
  checkConfig({ config, profile, report }) {
    for (const { element, enabled } of config.fipsPolicies) {
      // In a transform, an element it only locates (or removes) keeps the deployed config's attributes.
      if (!enabled) {
        if (!deploysElement(config, element)) continue;
        const at = element.attributes.at(-1)?.end ?? element.nameEnd;
        report({
          start: element.nameStart,
          end: element.nameEnd,
          message: `<${element.name}> has no ${fipsAttributeName} attribute, so it does not switch FIPS enforcement off.`,
          fixes: [{ title: `Add ${fipsAttributeName}="false"`, edits: [{ start: at, end: at, newText: ` ${fipsAttributeName}="false"` }], preferred: true }],
        });
        continue;
      }
      if (enabled.value === 'true' || enabled.value === 'false' || !deploysAttribute(config, element, enabled)) continue;
      const replacement = profile.fips.value === 'on' ? 'false' : (intendedValue(enabled.value) ?? 'false');
      report({
        start: enabled.valueStart,
        end: enabled.valueEnd,
        message: `${enabled.name}="${shown(enabled.rawValue, 24)}" is not exactly true or false, so FIPS enforcement may stay on; write "${replacement}".`,
        related: profile.fips.value === 'on' ? profile.fips.evidence : undefined,
        fixes: [{ title: `Set ${enabled.name}="${replacement}"`, edits: [replaceValue(enabled, replacement)], preferred: true }],
      });
    }
  },
};
