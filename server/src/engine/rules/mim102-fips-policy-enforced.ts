import { attribute } from '../xml/model';
import { replaceValue } from '../xml/edit';
import { deploysAttribute, deploysElement, deploysInPlace, fipsAttributeName } from '../config/facts';
import type { ConfigRule } from './rule';

export const mim102: ConfigRule = {
  meta: {
    id: 'MIM102',
    name: 'fips-policy-enforced',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'On a FIPS host the MIM Service config sets <enforceFIPSPolicy enabled="true"/>.',
    fixable: true,
    usesProfile: 'fips',
  },
  checkConfig({ config, profile, report }) {
    if (profile.fips.value !== 'on' || config.role !== 'mim-service') return;
    for (const policy of config.fipsPolicies) {
      const { element, inRuntime, exactName } = policy;
      const enabled = attribute(element, fipsAttributeName);
      // In a transform, an InsertBefore/InsertAfter puts the element where its XPath says: most likely <runtime>.
      const placedByXPath = deploysElement(config, element) && !deploysInPlace(config, element);
      if (!(inRuntime || placedByXPath) || !exactName || !enabled || enabled.value !== 'true') continue;
      if (!deploysAttribute(config, element, enabled)) continue;
      const what = config.transform ? 'This transform sets <enforceFIPSPolicy enabled="true"/>' : 'enabled="true" enforces the FIPS policy';
      report({
        start: enabled.valueStart,
        end: enabled.valueEnd,
        message: `${what}: MIM Service workflows fail on this FIPS host.`,
        related: profile.fips.evidence,
        fixes: [{ title: 'Set enabled="false"', edits: [replaceValue(enabled, 'false')], preferred: true }],
      });
    }
  },
};
