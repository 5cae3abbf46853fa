import { shown } from '../message';
import type { ConfigRule } from './rule';

export const mim108: ConfigRule = {
  meta: {
    id: 'MIM108',
    name: 'legacy-v2-activation',
    defaultSeverity: 'warning',
    fileKinds: ['config'],
    summary: 'The MIM Service config makes the service load CLR 4 (supportedRuntime v4.0 listed first), reported to break SSPR authentication workflows.',
    fixable: false,
  },
  checkConfig({ config, report }) {
    const { clr, decidedBy, legacyActivation } = config.loadedRuntime;
    if (config.role !== 'mim-service' || clr !== 'CLR 4') return;
    // The MIMWAL change is recognised by its useLegacyV2RuntimeActivationPolicy; without it, the
    // <supportedRuntime> listed first is what makes the service load CLR 4.
    const anchor = legacyActivation ?? decidedBy;
    if (!anchor) return;
    const cause = legacyActivation ? 'useLegacyV2RuntimeActivationPolicy="true"' : `supportedRuntime ${shown(decidedBy?.value ?? '', 16)} listed first`;
    report({
      start: anchor.start,
      end: anchor.end,
      message: `${cause} makes MIM Service load .NET 4, reported to break SSPR workflows.`,
    });
  },
};
