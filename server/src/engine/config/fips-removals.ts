// Where an XDT transform takes <enforceFIPSPolicy> out of the deployed config: a Remove/RemoveAll on
// the element or on its <runtime>, or a Replace of <runtime> by one without it. The transform is
// applied in document order, so a removal followed by an Insert of the element (the usual way to
// replace it) takes nothing away. A removal narrowed by an xdt:Locator may match nothing: not reported.
import { attribute, type XmlAttribute, type XmlElement } from '../xml/model';
import type { ConfigFacts } from './facts';
import { actionOf, transformAttribute, writerOf } from './transform';

export interface FipsRemoval {
  kind: 'remove-policy' | 'remove-runtime' | 'replace-runtime';
  /** The element whose transform removes or replaces. */
  element: XmlElement;
  /** Its xdt:Transform attribute. */
  transform: XmlAttribute;
}

export function fipsRemovals(config: ConfigFacts): FipsRemoval[] {
  const transform = config.transform;
  if (!transform || !config.configuration) return [];
  const found: FipsRemoval[] = [];
  const add = (kind: FipsRemoval['kind'], element: XmlElement) => {
    const declared = transformAttribute(transform, element);
    // A Locator (Condition(@enabled='true'), Match(…)) may match nothing in the base config: not sure.
    if (declared && !attribute(element, `${transform.prefix}:Locator`)) found.push({ kind, element, transform: declared });
  };
  for (const runtime of config.configuration.children) {
    if (runtime.name !== 'runtime') continue;
    const action = actionOf(transform, runtime);
    if (action.kind === 'remove') add('remove-runtime', runtime);
    const keepsOne = config.fipsPolicies.some((policy) => policy.element.parent === runtime);
    if (action.kind === 'write' && action.replaces && !keepsOne) add('replace-runtime', runtime);
  }
  for (const { element, inRuntime, exactName } of config.fipsPolicies) {
    // The transform matches names exactly: a Remove of <EnforceFIPSPolicy> removes nothing.
    if (inRuntime && exactName && actionOf(transform, element).kind === 'remove') add('remove-policy', element);
  }
  const writtenAfter = (offset: number) =>
    config.fipsPolicies.some((policy) => {
      const writer = writerOf(transform, policy.element);
      return policy.element.start >= offset && writer !== undefined && (policy.inRuntime || writer.byXPath);
    });
  return found.filter(({ element }) => !writtenAfter(element.end ?? element.startTagEnd)).sort((a, b) => a.element.start - b.element.start);
}
