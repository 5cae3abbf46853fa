import { legacyActivationToClr4 } from '../config/facts';
import type { ConfigRule } from './rule';

export const mim108: ConfigRule = {
  meta: {
    id: 'MIM108',
    name: 'legacy-v2-activation',
    defaultSeverity: 'warning',
    fileKinds: ['config'],
    summary: 'The MIM Service config loads CLR 4 through useLegacyV2RuntimeActivationPolicy, reported to break SSPR authentication workflows.',
    fixable: false,
  },
  checkConfig({ config, report }) {
    if (config.role !== 'mim-service') return;
    const legacy = legacyActivationToClr4(config);
    if (!legacy) return;
    report({
      start: legacy.start,
      end: legacy.end,
      message:
        'The MIM Service config makes the service load .NET 4 (useLegacyV2RuntimeActivationPolicy="true" with ' +
        'supportedRuntime v4.0), a change made to run newer PowerShell in workflows. Eugene Sergeev of Microsoft is ' +
        'quoted (in a community post on this change) saying "this breaks SSPR AuthN workflows"; MIM Service is built ' +
        'for .NET 3.5. Remove the <startup> change unless you have tested password reset and registration with it.',
    });
  },
};
