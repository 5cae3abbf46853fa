import { removeElement } from '../xml/edit';
import type { ConfigRule } from './rule';

export const mim107: ConfigRule = {
  meta: {
    id: 'MIM107',
    name: 'fips-policy-duplicate',
    defaultSeverity: 'warning',
    fileKinds: ['config'],
    summary: '<runtime> holds more than one enforceFIPSPolicy element.',
    fixable: true,
  },
  checkConfig({ source, config, report }) {
    // In a transform several elements of one name are several steps (Remove, then Insert), not copies.
    if (config.transform) return;
    const inRuntime = config.fipsPolicies.filter((policy) => policy.inRuntime);
    const first = inRuntime[0];
    for (const { element } of inRuntime.slice(1)) {
      const firstLine = source.positionAt(first.element.start).line + 1;
      report({
        start: element.nameStart,
        end: element.nameEnd,
        message: `A second enforceFIPSPolicy in <runtime> (the first is on line ${firstLine}): which one .NET honours is undocumented.`,
        fixes: [{ title: 'Remove this duplicate', edits: [removeElement(source, element)], preferred: true }],
      });
    }
  },
};
