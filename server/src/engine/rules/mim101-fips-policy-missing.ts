import { insertIntoRuntime, recommendedFipsMarkup } from '../config/runtime-edits';
import { preparingTls } from './sources';
import type { ConfigRule } from './rule';

export const mim101: ConfigRule = {
  meta: {
    id: 'MIM101',
    name: 'fips-policy-missing',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'On a FIPS host the MIM Service config lacks <enforceFIPSPolicy enabled="false"/> in <runtime>.',
    fixable: true,
    usesProfile: 'fips',
  },
  checkConfig({ source, config, profile, report }) {
    if (profile.fips.value !== 'on' || config.role !== 'mim-service') return;
    // Absence can only be judged on a complete tree.
    if (config.xml.error || !config.configuration) return;
    // A policy element directly in <runtime>, even misspelled or with a bad value, is another rule's finding.
    if (config.fipsPolicies.some((policy) => policy.inRuntime)) return;
    const anchor = config.runtime ?? config.configuration;
    const edit = insertIntoRuntime(source, config, recommendedFipsMarkup);
    report({
      start: anchor.start,
      end: anchor.startTagEnd,
      message:
        'This host runs in FIPS mode, and the MIM Service config has no <enforceFIPSPolicy enabled="false"/> in ' +
        '<runtime>: Microsoft documents that MIM Service workflows then cannot run (they typically fail with "Access ' +
        `Denied"). Add the element inside <runtime>, before <assemblyBinding> (${preparingTls}).`,
      related: profile.fips.evidence,
      fixes: edit && [{ title: 'Add <enforceFIPSPolicy enabled="false" /> to <runtime>', edits: [edit], preferred: true }],
    });
  },
};
