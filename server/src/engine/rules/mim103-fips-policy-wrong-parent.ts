import { insertIntoRuntime } from '../config/runtime-edits';
import { elementMarkup, removeElement } from '../xml/edit';
import { fipsElementDocs } from './sources';
import type { Fix } from '../types';
import type { ConfigRule } from './rule';

export const mim103: ConfigRule = {
  meta: {
    id: 'MIM103',
    name: 'fips-policy-wrong-parent',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'An <enforceFIPSPolicy> element is not a direct child of <configuration><runtime>, so the runtime ignores it.',
    fixable: true,
  },
  checkConfig({ source, config, report }) {
    const runtimeHasOne = config.fipsPolicies.some((policy) => policy.inRuntime);
    for (const policy of config.fipsPolicies) {
      if (policy.inRuntime) continue;
      const element = policy.element;
      const place = element.parent ? `inside <${element.parent.name}>` : 'as the root element';
      const removal = removeElement(source, element);
      let fix: Fix | undefined;
      if (runtimeHasOne) {
        fix = { title: 'Remove this copy (<runtime> already has one)', edits: [removal], preferred: true };
      } else if (element.end !== undefined) {
        const insertion = insertIntoRuntime(source, config, elementMarkup(source, element));
        if (insertion) fix = { title: 'Move the element into <runtime>', edits: [removal, insertion], preferred: true };
      }
      report({
        start: element.nameStart,
        end: element.nameEnd,
        message:
          `<${element.name}> is ${place}; the .NET runtime reads it only as a direct child of <configuration><runtime>, ` +
          `so here it is silently ignored and the FIPS policy stays enforced. Move it into <runtime> (${fipsElementDocs}).`,
        fixes: fix && [fix],
      });
    }
  },
};
