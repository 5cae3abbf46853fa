import { insertIntoRuntime } from '../config/runtime-edits';
import { deploysInPlace, type ConfigFacts } from '../config/facts';
import { actionOf, writerOf } from '../config/transform';
import type { XmlElement } from '../xml/model';
import { elementMarkup, removeElement } from '../xml/edit';
import { shown } from '../message';
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
      // In a transform, only an element it inserts where it stands lands there in the deployed config.
      if (policy.inRuntime || !deploysInPlace(config, policy.element)) continue;
      const element = policy.element;
      const place = element.parent ? `inside <${shown(element.parent.name, 24)}>` : 'as the root element';
      const removal = removeElement(source, element);
      let fix: Fix | undefined;
      if (runtimeHasOne && !config.transform) {
        fix = { title: 'Remove this copy (<runtime> already has one)', edits: [removal], preferred: true };
      } else if (element.end !== undefined && movable(config, element)) {
        const insertion = insertIntoRuntime(source, config, elementMarkup(source, element));
        if (insertion) fix = { title: 'Move the element into <runtime>', edits: [removal, insertion], preferred: true };
      }
      report({
        start: element.nameStart,
        end: element.nameEnd,
        message:
          `${config.transform ? 'This transform puts ' : ''}<${element.name}> ${place}, where .NET ignores it: FIPS enforcement stays on.`,
        fixes: fix && [fix],
      });
    }
  },
};

/**
 * In a transform, moving keeps the element's own Insert, so it moves into <runtime> only when it is its
 * own writer (not part of a larger inserted block) and the transform's <runtime> only leads there.
 */
function movable(config: ConfigFacts, element: XmlElement): boolean {
  const transform = config.transform;
  if (!transform) return true;
  return writerOf(transform, element)?.element === element && (!config.runtime || actionOf(transform, config.runtime).kind === 'locate');
}
