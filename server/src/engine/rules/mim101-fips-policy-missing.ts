import { insertIntoRuntime, recommendedFipsMarkup } from '../config/runtime-edits';
import { fipsRemovals, type FipsRemoval } from '../config/fips-removals';
import { insertFirstChild, removeElement, replaceValue } from '../xml/edit';
import { shown } from '../message';
import type { Fix } from '../types';
import type { SourceText } from '../source-text';
import type { ConfigContext, ConfigRule } from './rule';

export const mim101: ConfigRule = {
  meta: {
    id: 'MIM101',
    name: 'fips-policy-missing',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'On a FIPS host the MIM Service config lacks <enforceFIPSPolicy enabled="false"/> in <runtime>.',
    fixable: true,
    usesProfile: 'fips',
  },
  checkConfig(context) {
    const { source, config, profile, report } = context;
    if (profile.fips.value !== 'on' || config.role !== 'mim-service') return;
    // The CLR never reads a transform: what it lacks says nothing, what it removes does.
    if (config.transform) return reportRemovals(context);
    // Absence can only be judged on a complete tree.
    if (config.xml.error || !config.configuration) return;
    // A policy element directly in <runtime>, even misspelled or with a bad value, is another rule's finding.
    if (config.fipsPolicies.some((policy) => policy.inRuntime)) return;
    const anchor = config.runtime ?? config.configuration;
    const edit = insertIntoRuntime(source, config, recommendedFipsMarkup);
    report({
      start: anchor.start,
      end: anchor.startTagEnd,
      message: `No <enforceFIPSPolicy enabled="false"/> in <runtime>: ${consequence}.`,
      related: profile.fips.evidence,
      fixes: edit && [{ title: 'Add <enforceFIPSPolicy enabled="false" /> to <runtime>', edits: [edit], preferred: true }],
    });
  },
};

const consequence = 'MIM Service workflows fail on this FIPS host';

function reportRemovals({ source, config, profile, report }: ConfigContext): void {
  if (config.xml.error) return;
  for (const removal of fipsRemovals(config)) {
    const { message, fixes } = describe(source, removal);
    report({ start: removal.transform.start, end: removal.transform.end, message: `${message}: ${consequence}.`, related: profile.fips.evidence, fixes });
  }
}

function describe(source: SourceText, { kind, element, transform }: FipsRemoval): { message: string; fixes: Fix[] } {
  const addPolicy = () => insertFirstChild(source, element, [[0, recommendedFipsMarkup]]);
  if (kind === 'remove-policy') {
    return {
      message: `This ${shown(transform.value, 12)} transform drops <enforceFIPSPolicy>`,
      fixes: [{ title: 'Drop the transform that removes <enforceFIPSPolicy>', edits: [removeElement(source, element)], preferred: true }],
    };
  }
  if (kind === 'replace-runtime') {
    return {
      message: 'The replacing <runtime> lacks <enforceFIPSPolicy enabled="false"/>',
      fixes: [{ title: 'Add <enforceFIPSPolicy enabled="false" /> to the replacing <runtime>', edits: [addPolicy()], preferred: true }],
    };
  }
  // Removing <runtime> also drops the binding redirects; a Replace that keeps only the policy does the
  // same to them. With children the Remove never looks at, a Replace would deploy them: no fix then.
  const fixes: Fix[] =
    element.children.length > 0
      ? []
      : [
          { title: 'Replace <runtime> with one that holds only <enforceFIPSPolicy enabled="false" />', edits: [replaceValue(transform, 'Replace'), addPolicy()], preferred: true },
          { title: 'Drop the transform that removes <runtime>', edits: [removeElement(source, element)] },
        ];
  return {
    message: `This ${shown(transform.value, 12)} transform drops <runtime> with its <enforceFIPSPolicy>`,
    fixes,
  };
}
