import { deploysAttribute, deploysElement, fipsAttributeName, fipsElementName } from '../config/facts';
import { renameElement } from '../xml/edit';
import type { ConfigRule } from './rule';

export const mim104: ConfigRule = {
  meta: {
    id: 'MIM104',
    name: 'fips-policy-wrong-case',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'enforceFIPSPolicy or its enabled attribute is spelled with the wrong case, so the setting is ignored.',
    fixable: true,
  },
  checkConfig({ source, config, report }) {
    const why = '.NET ignores it and FIPS enforcement stays on.';
    for (const { element, exactName, enabled } of config.fipsPolicies) {
      // In a transform, only the names it writes reach the deployed config.
      if (!exactName && deploysElement(config, element)) {
        report({
          start: element.nameStart,
          end: element.nameEnd,
          message: `<${element.name}> must be spelled <${fipsElementName}>: ${why}`,
          fixes: [{ title: `Rename to <${fipsElementName}>`, edits: renameElement(element, fipsElementName, source), preferred: true }],
        });
      }
      if (enabled && enabled.name !== fipsAttributeName && deploysAttribute(config, element, enabled)) {
        report({
          start: enabled.nameStart,
          end: enabled.nameEnd,
          message: `The attribute ${enabled.name} must be spelled ${fipsAttributeName}: ${why}`,
          fixes: [
            { title: `Rename to ${fipsAttributeName}`, edits: [{ start: enabled.nameStart, end: enabled.nameEnd, newText: fipsAttributeName }], preferred: true },
          ],
        });
      }
    }
  },
};
