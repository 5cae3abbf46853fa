// Hover on an msiexec argument: the property (what it does, its values, which package knows it), a
// feature of ADDLOCAL/REMOVE, or a REBOOT/0-1 value. Unknown names say what MIM207/MIM208 would.
import {
  allFeatures, booleanProperties, closestName, featureListProperties, knownPackages, propertyDescriptions, rebootValueDescriptions, rebootValues,
} from '../script/mim-packages';
import type { ScriptModel } from '../script/model';
import { label } from './completion';
import type { AssistHover } from './hover';
import { msiArgumentAt, type MimPackage } from './msi-context';

export function msiHover(model: ScriptModel, text: string, offset: number): AssistHover | undefined {
  const at = msiArgumentAt(model, text, offset);
  if (!at) return undefined;
  // The NAME=value pair under the cursor (a comma also separates PowerShell array elements).
  const fragment = text.slice(at.start, at.end);
  const equals = fragment.indexOf('=');
  const nameStart = at.start + (equals < 0 ? fragment.lastIndexOf(',', offset - at.start) + 1 : fragment.lastIndexOf(',', equals) + 1);
  const nameEnd = equals < 0 ? at.end : at.start + equals;
  const name = text.slice(nameStart, nameEnd);
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  if (offset <= nameEnd) return { contents: propertyText(name.toUpperCase(), at.packages), start: nameStart, end: nameEnd };
  if (equals < 0) return undefined;
  const upper = name.toUpperCase();
  if ((featureListProperties as readonly string[]).includes(upper)) {
    let start = offset;
    while (start > nameEnd + 1 && text[start - 1] !== ',') start--;
    let end = offset;
    while (end < at.end && text[end] !== ',') end++;
    const feature = text.slice(start, end);
    return feature ? { contents: featureText(feature, upper, at.packages), start, end } : undefined;
  }
  const value = text.slice(nameEnd + 1, at.end);
  const range = { start: nameEnd + 1, end: at.end };
  if (upper === 'REBOOT') {
    const known = rebootValueDescriptions[value];
    return { ...range, contents: known ? `**REBOOT=${value}**: ${known}` : `**REBOOT=${value}** is not a value Windows Installer knows: ${rebootValues.join(', ')}.` };
  }
  if (booleanProperties.has(upper)) {
    const meaning = value === '1' ? 'yes' : value === '0' ? 'no' : 'neither 0 nor 1: the installer may read it differently';
    return { ...range, contents: `**${upper}=${value}**: ${meaning}. ${propertyDescriptions[upper] ?? ''}` };
  }
  return undefined;
}

function propertyText(name: string, packages: readonly MimPackage[]): string {
  const owners = packages.filter((p) => knownPackages[p]?.properties.has(name));
  const description = propertyDescriptions[name];
  if (!description || owners.length === 0) {
    const names = packages.flatMap((p) => [...(knownPackages[p]?.properties ?? [])]);
    const suggestion = closestName(name, names);
    const where = packages.map(label).join(' or ') || 'this package';
    return `**${name}** is not a known property of ${where}${suggestion ? `; did you mean **${suggestion}**?` : '.'} msiexec accepts unknown properties without an error.`;
  }
  const values = name === 'REBOOT' ? `\n\nValues: ${rebootValues.join(', ')}.` : booleanProperties.has(name) ? '\n\nValues: 0 or 1.' : '';
  const lists = (featureListProperties as readonly string[]).includes(name) ? `\n\nValues: ${allFeatures} or feature names, comma-separated, exact case.` : '';
  return `**${name}** (${owners.map(label).join(', ')})\n\n${description}${values}${lists}`;
}

function featureText(feature: string, list: string, packages: readonly MimPackage[]): string {
  if (feature === allFeatures) return `**${list}=${allFeatures}**: every feature of the package.`;
  for (const kind of packages) {
    const known = knownPackages[kind]?.features;
    const exact = known?.find((f) => f.name === feature);
    if (exact) return `**${feature}** (${label(kind)} feature): installs ${exact.installs}. Feature names are case-sensitive.`;
    const other = known?.find((f) => f.name.toLowerCase() === feature.toLowerCase());
    if (other) return `**${feature}** must be spelled **${other.name}**: feature names are case-sensitive, so nothing is ${list === 'ADDLOCAL' ? 'installed' : 'removed'} for it.`;
  }
  return `**${feature}** is not a known feature of ${packages.map(label).join(' or ') || 'this package'}.`;
}
