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
    const cause = legacyActivation
      ? 'useLegacyV2RuntimeActivationPolicy="true" with supportedRuntime v4.0 listed first'
      : `supportedRuntime ${decidedBy?.value} listed first, without useLegacyV2RuntimeActivationPolicy="true"`;
    report({
      start: anchor.start,
      end: anchor.end,
      message:
        `The MIM Service config makes the service load .NET 4 (${cause}) instead of the .NET 3.5 it is built for; ` +
        'Eugene Sergeev of Microsoft is quoted saying it "breaks SSPR AuthN workflows". List v2.0.50727 first or remove ' +
        'the <startup> change unless you have tested password reset and registration with it.',
    });
  },
};
