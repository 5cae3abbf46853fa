// What one msiexec command does, as msiexec reads its command line: the package, whether it runs
// unattended, the PROPERTY=value pairs and features. Recognises the MIM packages and the SQL client
// prerequisites by file name.
import type { ScriptCommand, Token } from './model';

export type PackageKind =
  | 'mim-service'
  | 'mim-sync'
  | 'mim-addins'
  | 'mim-pcns'
  | 'mim-service-patch'
  | 'mim-sync-patch'
  | 'sqlncli'
  | 'msoledbsql'
  | 'other';

export interface MsiProperty {
  name: string;
  value: string;
  token: Token;
  /** Exact source ranges of the name and of the value as written (quotes included), when the token is literal. */
  nameRange?: { start: number; end: number };
  valueRange?: { start: number; end: number };
}

export interface MsiInvocation {
  command: ScriptCommand;
  /** /i, /package, /p, /update, /x, /a, /f … lower-cased without the slash. */
  action: string | undefined;
  packageToken: Token | undefined;
  packageKind: PackageKind;
  /** The /q… /quiet /passive switch, when there is one. */
  uiSwitch: Token | undefined;
  /** Runs without the wizard: /q (any level but /qf), /quiet, /passive. */
  unattended: boolean;
  properties: MsiProperty[];
}

const packageActions = new Set(['i', 'package', 'p', 'update', 'x', 'uninstall', 'a', 'f', 'j']);
const switchesWithArgument = /^(l[*a-z!+]*|log|t|g|c|m)$/; // /l*v log, /log log, /t transform …

/** `/l*v`, `/log`, `/t` …: a switch whose next argument is a file, not a property. */
export function takesArgument(switchText: string): boolean {
  const option = /^[/-]([a-z*!+-]+)$/i.exec(switchText);
  return option !== null && switchesWithArgument.test(option[1].toLowerCase());
}

export function packageKindOf(path: string): PackageKind {
  const name = path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1).toLowerCase();
  if (name === 'service and portal.msi') return 'mim-service';
  if (name === 'synchronization service.msi') return 'mim-sync';
  if (name === 'add-ins and extensions.msi') return 'mim-addins';
  if (name === 'password change notification service.msi') return 'mim-pcns';
  if (/^fimservice_x64_kb\d+\.msp$/.test(name)) return 'mim-service-patch';
  if (/^fimsyncservice_x64_kb\d+\.msp$/.test(name)) return 'mim-sync-patch';
  if (/^sqlncli.*\.msi$/.test(name)) return 'sqlncli';
  if (/^msoledbsql.*\.msi$/.test(name)) return 'msoledbsql';
  return 'other';
}

export function readMsiexec(command: ScriptCommand, text: string): MsiInvocation {
  const invocation: MsiInvocation = {
    command,
    action: undefined,
    packageToken: undefined,
    packageKind: 'other',
    uiSwitch: undefined,
    unattended: false,
    properties: [],
  };
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    const option = /^[/-]([a-z*!+-]+)(.*)$/i.exec(token.text);
    if (option && !token.text.includes('=')) {
      const name = option[1].toLowerCase();
      if (packageActions.has(name)) {
        invocation.action = name;
        // `/i"C:\x.msi"` glues the package to the switch.
        const glued = option[2];
        invocation.packageToken = glued ? { ...token, text: glued } : args[++i];
      } else if (/^(q[nbrf]?[+!-]*|quiet|passive)$/.test(name)) {
        invocation.uiSwitch = token;
        invocation.unattended = !/^qf/.test(name);
      } else if (switchesWithArgument.test(name)) {
        i++;
      }
      continue;
    }
    const property = /^([A-Za-z_][\w.]*)=([\s\S]*)$/.exec(token.text);
    if (property) invocation.properties.push(propertyOf(token, property[1], property[2], text));
  }
  if (invocation.packageToken) invocation.packageKind = packageKindOf(invocation.packageToken.text);
  return invocation;
}

function propertyOf(token: Token, name: string, value: string, text: string): MsiProperty {
  const raw = text.slice(token.start, token.end);
  // A PowerShell array element or a quoted cmd argument: 'ADDLOCAL=CommonServices', "REBOOT=ReallySuppress".
  const quoted = raw.length >= 2 && (raw[0] === "'" || raw[0] === '"') && raw.endsWith(raw[0]) ? 1 : 0;
  const start = token.start + quoted;
  const end = token.end - quoted;
  const literal = text.startsWith(name + '=', start);
  return {
    name,
    value,
    token,
    nameRange: literal ? { start, end: start + name.length } : undefined,
    valueRange: literal ? { start: start + name.length + 1, end } : undefined,
  };
}

export function property(invocation: MsiInvocation, name: string): MsiProperty | undefined {
  return invocation.properties.find((p) => p.name === name);
}

/** `/x`, `/uninstall`, or `REMOVE=ALL` (which removes every feature, facts §9.3): no install runs. */
export function isUninstall(invocation: MsiInvocation): boolean {
  if (invocation.action === 'x' || invocation.action === 'uninstall') return true;
  return property(invocation, 'REMOVE')?.value.trim().toUpperCase() === 'ALL';
}

/** The written value without its quotes, when the property is a literal in the text. */
export function valueContentRange(prop: MsiProperty): { start: number; end: number } | undefined {
  const range = prop.valueRange;
  if (!range) return undefined;
  const quoted = range.end - range.start === prop.value.length + 2;
  return quoted ? { start: range.start + 1, end: range.end - 1 } : range;
}

export interface FeatureName {
  name: string;
  /** The name's own range in the text, when the property is a literal there. */
  range?: { start: number; end: number };
}

/** The names of a feature list (ADDLOCAL=A,B), each with its exact range; empty items are left out. */
export function featureNames(prop: MsiProperty): FeatureName[] {
  // Ranges only where the text holds the value as read (no escapes or expansions in between).
  const written = valueContentRange(prop);
  const content = written && written.end - written.start === prop.value.length ? written : undefined;
  const names: FeatureName[] = [];
  let at = 0;
  for (const item of prop.value.split(',')) {
    const name = item.trim();
    const offset = at + item.indexOf(name);
    at += item.length + 1;
    if (name === '') continue;
    names.push({ name, range: content && { start: content.start + offset, end: content.start + offset + name.length } });
  }
  return names;
}

/**
 * Installs (not removes) the MIM Service itself: Service and Portal.msi with CommonServices, ALL or no
 * ADDLOCAL. Feature names are case-sensitive (facts §9.3): ADDLOCAL=commonservices installs nothing.
 */
export function installsMimService(invocation: MsiInvocation): boolean {
  if (invocation.packageKind !== 'mim-service' || isUninstall(invocation)) return false;
  const addLocal = property(invocation, 'ADDLOCAL');
  if (!addLocal) return true;
  // Whether a lower-case `all` selects every feature is not documented: counted as ALL, as before.
  return featureNames(addLocal).some(({ name }) => name === 'CommonServices' || name.toUpperCase() === 'ALL');
}
