import { attribute } from '../xml/model';
import { replaceValue } from '../xml/edit';
import { fipsAttributeName } from '../config/facts';
import { preparingTls } from './sources';
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
      const enabled = attribute(policy.element, fipsAttributeName);
      if (!policy.inRuntime || !policy.exactName || !enabled || enabled.value !== 'true') continue;
      report({
        start: enabled.valueStart,
        end: enabled.valueEnd,
        message:
          'This host runs in FIPS mode and the MIM Service config enforces the FIPS policy (enabled="true"): MIM Service ' +
          `workflows cannot run. Set enabled="false" (${preparingTls}).`,
        related: profile.fips.evidence,
        fixes: [{ title: 'Set enabled="false"', edits: [replaceValue(enabled, 'false')], preferred: true }],
      });
    }
  },
};
