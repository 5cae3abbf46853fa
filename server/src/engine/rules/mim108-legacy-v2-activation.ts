import { attribute, attributeIgnoringCase } from '../xml/model';
import type { ConfigRule } from './rule';

export const mim108: ConfigRule = {
  meta: {
    id: 'MIM108',
    name: 'legacy-v2-activation',
    defaultSeverity: 'warning',
    fileKinds: ['config'],
    summary: 'The MIM Service config loads CLR 4 through useLegacyV2RuntimeActivationPolicy, which breaks SSPR authentication workflows.',
    fixable: false,
  },
  check({ config, report }) {
    if (config.role !== 'mim-service' || !config.configuration) return;
    for (const startup of config.configuration.children) {
      if (startup.name !== 'startup') continue;
      const legacy = attributeIgnoringCase(startup, 'useLegacyV2RuntimeActivationPolicy');
      if (!legacy || legacy.value.trim().toLowerCase() !== 'true') continue;
      const v4 = startup.children.find(
        (child) => child.name === 'supportedRuntime' && /^v4/i.test(attribute(child, 'version')?.value.trim() ?? ''),
      );
      if (!v4) continue;
      report({
        start: legacy.start,
        end: legacy.end,
        message:
          'The MIM Service config makes the service load .NET 4 (useLegacyV2RuntimeActivationPolicy="true" with ' +
          'supportedRuntime v4.0), a change made to run newer PowerShell in workflows. Microsoft\'s MIM team warns that ' +
          '"this breaks SSPR AuthN workflows"; MIM Service is built for .NET 3.5. Remove the <startup> change unless ' +
          'you have tested password reset and registration with it.',
      });
    }
  },
};
