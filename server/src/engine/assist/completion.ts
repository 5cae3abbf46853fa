// Completion items for MIM install command lines, configs and registry files, computed from the same
// tables MIM207/MIM208 check (script/mim-packages.ts), so an offered item is never one they flag.
import type { FileKind } from '../types';
import { readScript } from '../script/read-script';
import {
  allFeatures, booleanProperties, featureListProperties, knownPackages, propertyDescriptions, standardPropertyNames, rebootValueDescriptions, rebootValues,
} from '../script/mim-packages';
import { msiArgumentAt, type MimPackage } from './msi-context';
import { configCompletions } from './config-completion';
import { registryCompletions } from './registry-completion';
import { scriptWindow } from './script-window';

export type AssistItemKind = 'property' | 'feature' | 'value' | 'element' | 'key' | 'registry-value';

export interface AssistCompletion {
  label: string;
  kind: AssistItemKind;
  /** One line shown beside the label. */
  detail: string;
  /** Markdown shown in the details pane. */
  documentation: string;
  /** The text that replaces [start, end). */
  insertText: string;
  start: number;
  end: number;
  /** The client should ask for completions again after inserting (a value follows `NAME=`). */
  retrigger?: boolean;
  /** Sort before the others (the value MIM needs). */
  preselect?: boolean;
}

export function completionsAt(kind: FileKind, text: string, offset: number, fileName = ''): AssistCompletion[] {
  if (offset < 0 || offset > text.length) return [];
  if (kind === 'cmd' || kind === 'powershell') {
    const window = scriptWindow(text, offset);
    return scriptCompletions(kind, text.slice(window.start, window.end), offset - window.start, fileName)
      .map((item) => ({ ...item, start: item.start + window.start, end: item.end + window.start }));
  }
  if (kind === 'config') return configCompletions(text, offset);
  if (kind === 'reg') return registryCompletions(text, offset);
  return [];
}

function scriptCompletions(kind: 'cmd' | 'powershell', text: string, offset: number, fileName: string): AssistCompletion[] {
  const at = msiArgumentAt(readScript(kind, text, fileName), text, offset);
  if (!at) return [];
  // Only the part of a PowerShell array element or comma list after the last comma before `=` is a name.
  const typed = at.fragment.slice(0, offset - at.start);
  const equals = typed.indexOf('=');
  if (equals < 0) {
    const comma = typed.lastIndexOf(',');
    const start = at.start + comma + 1;
    if (!/^[A-Za-z_]?\w*$/.test(text.slice(start, at.end))) return [];
    return propertyItems(at.packages).map((item) => ({ ...item, start, end: at.end }));
  }
  const nameStart = typed.lastIndexOf(',', equals) + 1;
  const name = typed.slice(nameStart, equals).toUpperCase();
  const valueStart = at.start + equals + 1;
  if ((featureListProperties as readonly string[]).includes(name)) {
    const listed = typed.slice(equals + 1).split(',');
    const itemStart = offset - listed[listed.length - 1].length;
    return featureItems(at.packages, listed.slice(0, -1), name).map((item) => ({ ...item, start: itemStart, end: at.end }));
  }
  if (name === 'REBOOT') return valueItems(rebootValues.map((v) => [v, rebootValueDescriptions[v] ?? ''] as const), valueStart, at.end);
  if (booleanProperties.has(name)) {
    const what = propertyDescriptions[name] ?? '';
    return valueItems([['1', `Yes. ${what}`], ['0', `No. ${what}`]], valueStart, at.end);
  }
  return [];
}

type Item = Omit<AssistCompletion, 'start' | 'end'>;

function propertyItems(packages: readonly MimPackage[]): Item[] {
  const names = new Set<string>(standardPropertyNames);
  for (const kind of packages) for (const name of knownPackages[kind]?.properties ?? []) names.add(name);
  return [...names].map((name) => {
    const owners = packages.filter((p) => knownPackages[p]?.properties.has(name));
    const takesValue = name === 'REBOOT' || booleanProperties.has(name) || (featureListProperties as readonly string[]).includes(name);
    return {
      label: name,
      kind: 'property',
      detail: standardPropertyNames.has(name) ? 'Windows Installer property' : owners.length === 1 ? `${label(owners[0])} property` : 'MIM installer property',
      documentation: propertyDescriptions[name] ?? '',
      insertText: `${name}=`,
      retrigger: takesValue,
    };
  });
}

function featureItems(packages: readonly MimPackage[], listed: readonly string[], list: string): Item[] {
  const taken = new Set(listed.map((n) => n.trim()));
  const items: Item[] = [];
  if (taken.size === 0) {
    items.push({ label: allFeatures, kind: 'feature', detail: 'every feature', documentation: `${list}=${allFeatures}: every feature of the package (Windows Installer; write it in capitals).`, insertText: allFeatures });
  }
  for (const kind of packages) {
    for (const feature of knownPackages[kind]?.features ?? []) {
      if (taken.has(feature.name)) continue;
      items.push({
        label: feature.name,
        kind: 'feature',
        detail: `${label(kind)} feature`,
        documentation: `Installs ${feature.installs}. Feature names are case-sensitive: write ${feature.name} exactly.`,
        insertText: feature.name,
      });
    }
  }
  return items;
}

function valueItems(values: ReadonlyArray<readonly [string, string]>, start: number, end: number): AssistCompletion[] {
  return values.map(([value, documentation]) => ({ label: value, kind: 'value', detail: 'value', documentation, insertText: value, start, end }));
}

export function label(kind: MimPackage): string {
  return kind === 'mim-service' ? 'Service and Portal.msi' : 'Synchronization Service.msi';
}
