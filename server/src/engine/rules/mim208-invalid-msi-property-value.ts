import { featureNames, property, valueContentRange, type MsiInvocation, type MsiProperty } from '../script/msiexec';
import { allFeatures, booleanProperties, closestName, featureListProperties, knownPackages, rebootValues } from '../script/mim-packages';
import { shown } from '../message';
import type { Rule, Report } from './rule';

export const mim208: Rule = {
  meta: {
    id: 'MIM208',
    name: 'invalid-msi-property-value',
    defaultSeverity: 'warning',
    fileKinds: ['cmd', 'powershell'],
    summary: 'An msiexec property value the installer does not accept: REBOOT typos, 0/1 flags with other values, ADDLOCAL or REMOVE features misspelled or in the wrong case.',
    fixable: true,
  },
  checkScript({ script, report }) {
    for (const invocation of script.installs) {
      const reboot = property(invocation, 'REBOOT');
      if (reboot) rebootReport(reboot).forEach(report);
      featureReports(invocation).forEach(report);
      if (!knownPackages[invocation.packageKind]) continue;
      for (const prop of invocation.properties) {
        if (booleanProperties.has(prop.name)) booleanReport(prop).forEach(report);
      }
    }
  },
};

function valueFix(prop: MsiProperty, value: string): Report['fixes'] {
  const range = valueContentRange(prop);
  return range && [{ title: `Set ${prop.name}=${value}`, edits: [{ ...range, newText: value }], preferred: true }];
}

function rebootReport(prop: MsiProperty): Report[] {
  const value = prop.value.trim();
  if (rebootValues.includes(value)) return [];
  const suggestion = rebootValues.find((v) => v.toLowerCase() === value.toLowerCase()) ?? closestName(value, rebootValues.slice(0, 3)) ?? 'ReallySuppress';
  const range = valueContentRange(prop) ?? prop.token;
  return [{
    start: range.start,
    end: range.end,
    message: /^[fsr]/i.test(value)
      ? `REBOOT=${shown(value, 20)} is misspelled; Windows Installer reads only the first letter: it acts as ${suggestion}.`
      : `REBOOT=${shown(value, 24)} is not a known value: the install may restart the server; write ${suggestion}.`,
    fixes: valueFix(prop, suggestion),
  }];
}

function booleanReport(prop: MsiProperty): Report[] {
  const value = prop.value.trim();
  if (value === '0' || value === '1') return [];
  const meant = /^(true|yes|on)$/i.test(value) ? '1' : /^(false|no|off)$/i.test(value) ? '0' : undefined;
  const range = valueContentRange(prop) ?? prop.token;
  return [{
    start: range.start,
    end: range.end,
    message: `${prop.name} takes 0 or 1, not "${shown(prop.value, 20)}": the installer may read it otherwise${meant ? `; write ${meant}` : ''}.`,
    fixes: meant ? valueFix(prop, meant) : undefined,
  }];
}

function featureReports(invocation: MsiInvocation): Report[] {
  const features = knownPackages[invocation.packageKind]?.features?.map((feature) => feature.name);
  const reports: Report[] = [];
  for (const list of featureListProperties) {
    const prop = property(invocation, list);
    if (!prop) continue;
    const outcome = list === 'ADDLOCAL' ? 'installed' : 'removed';
    for (const { name, range } of featureNames(prop)) {
      if (name === allFeatures || features?.includes(name)) continue;
      const at = range ?? prop.token;
      const fix = (suggestion: string | undefined): Report['fixes'] =>
        suggestion && range ? [{ title: `Use ${suggestion}`, edits: [{ ...range, newText: suggestion }], preferred: true }] : undefined;
      if (name.toUpperCase() === allFeatures) {
        reports.push({
          start: at.start,
          end: at.end,
          message: `Write ${list}=${allFeatures} in capitals: "${name}" may not select every feature.`,
          fixes: fix(allFeatures),
        });
        continue;
      }
      // Feature names of packages without a table (Synchronization Service.msi, SQL clients) are not known.
      if (!features) continue;
      const sameIgnoringCase = features.find((f) => f.toLowerCase() === name.toLowerCase());
      const suggestion = sameIgnoringCase ?? closestName(name, features);
      reports.push({
        start: at.start,
        end: at.end,
        message: sameIgnoringCase
          ? `${list} feature ${name} must be spelled ${sameIgnoringCase}, or it is not ${outcome}.`
          : `Unknown feature ${shown(name, 32)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}: it is not ${outcome}.`,
        fixes: fix(suggestion),
      });
    }
  }
  return reports;
}
