import { elementMarkup, insertBefore, removeElement } from '../xml/edit';
import type { ConfigRule } from './rule';

export const mim106: ConfigRule = {
  meta: {
    id: 'MIM106',
    name: 'fips-policy-order',
    defaultSeverity: 'info',
    fileKinds: ['config'],
    summary: 'enforceFIPSPolicy is inside <runtime> but after <assemblyBinding>, not where Microsoft places it.',
    fixable: true,
  },
  checkConfig({ source, config, report }) {
    // A transform's Insert appends at the end of <runtime> wherever it stands, and the runtime reads the
    // element anywhere in <runtime>: order is the base config's matter.
    if (config.transform) return;
    const runtime = config.runtime;
    const binding = runtime?.children.find((child) => child.name === 'assemblyBinding');
    if (!runtime || !binding) return;
    for (const { element, inRuntime } of config.fipsPolicies) {
      if (!inRuntime || element.parent !== runtime || element.start < binding.start || element.end === undefined) continue;
      report({
        start: element.nameStart,
        end: element.nameEnd,
        message: `<${element.name}> after <assemblyBinding> works, but Microsoft's MIM guidance places it before <assemblyBinding>.`,
        fixes: [
          {
            title: 'Move it before <assemblyBinding>',
            edits: [insertBefore(source, binding, [[0, elementMarkup(source, element)]]), removeElement(source, element)],
            preferred: true,
          },
        ],
      });
    }
  },
};
