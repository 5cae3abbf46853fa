// What the config rules need to know about a .config file, computed once from the XML tree.
import { configRoleByName, transformTargetName, type ConfigRole } from '../file-kinds';
import { transformOf, writerOf, writesAttribute, type Transform } from './transform';
import { attribute, attributeIgnoringCase, type XmlAttribute, type XmlDocument, type XmlElement } from '../xml/model';

export const fipsElementName = 'enforceFIPSPolicy';
export const fipsAttributeName = 'enabled';

export interface FipsPolicy {
  element: XmlElement;
  /** A direct child of <configuration><runtime>: the only place the runtime reads it. */
  inRuntime: boolean;
  /** Spelled exactly `enforceFIPSPolicy`. */
  exactName: boolean;
  /** The `enabled` attribute, matched ignoring case. */
  enabled: XmlAttribute | undefined;
}

export interface ConfigFacts {
  xml: XmlDocument;
  role: ConfigRole;
  /** The root, when it is a <configuration> element. */
  configuration: XmlElement | undefined;
  /** The first <runtime> directly under <configuration>. */
  runtime: XmlElement | undefined;
  /** Every enforceFIPSPolicy element, in any case, anywhere in the file, in document order. */
  fipsPolicies: FipsPolicy[];
  /** The CLR the configured process loads (MIM108, MIM109). */
  loadedRuntime: LoadedRuntime;
  /** Set when the file is an XDT transform, which the CLR never reads (see deploys*). */
  transform: Transform | undefined;
}

/**
 * What the config rules look at: the top three levels (<configuration>, its sections, and <runtime>'s
 * children) and every enforceFIPSPolicy wherever it is. Deeper elements are parsed, not kept.
 */
export function keepForConfigRules(name: string, depth: number): boolean {
  return depth <= 2 || (name.length === fipsElementName.length && name.toLowerCase() === fipsElementName.toLowerCase());
}

/** Only comments that speak to mim-lint (suppression directives) matter to the rules. */
export function keepForConfigRulesComment(text: string): boolean {
  return text.includes('mim-lint');
}

export function configFacts(xml: XmlDocument, fileName: string): ConfigFacts {
  const root = xml.root;
  const configuration = root?.name === 'configuration' ? root : undefined;
  const transform = transformOf(root);
  let role = configRoleByName(fileName);
  // A transform configures what its base configures: Microsoft.ResourceManagement.Service.exe.Test.config.
  if (transform && role === 'other') role = configRoleByName(transformTargetName(fileName));
  if (root?.children.some((child) => child.name === 'resourceManagementService')) role = 'mim-service';
  const runtime = configuration?.children.find((child) => child.name === 'runtime');
  const lowerFips = fipsElementName.toLowerCase();
  // Only a .NET application config is read by the runtime; packages.config and friends are not.
  const fipsPolicies = (isRuntimeConfig(role) ? xml.elements : [])
    // Length first: no lower-cased copy of every element name in a large file.
    .filter((element) => element.name.length === lowerFips.length && element.name.toLowerCase() === lowerFips)
    .map((element) => ({
      element,
      inRuntime: element.parent !== undefined && isRuntimeOf(element.parent, configuration),
      exactName: element.name === fipsElementName,
      enabled: attributeIgnoringCase(element, fipsAttributeName),
    }));
  let startups = configuration?.children.filter((child) => child.name === 'startup') ?? [];
  // A transform decides the runtime only with a <startup> it writes; otherwise the base config does.
  if (transform) startups = startups.filter((startup) => writerOf(transform, startup));
  const runtimeChoice = transform && startups.length === 0 ? undecided : loadedRuntime(startups, builtFor[role]);
  return { xml, role, configuration, runtime, fipsPolicies, loadedRuntime: runtimeChoice, transform };
}

function isRuntimeOf(element: XmlElement, configuration: XmlElement | undefined): boolean {
  return configuration !== undefined && element.name === 'runtime' && element.parent === configuration;
}

/** Whether the element, as written here, is in the config the CLR reads: in a transform, only one it writes. */
export function deploysElement(config: ConfigFacts, element: XmlElement): boolean {
  return !config.transform || writerOf(config.transform, element) !== undefined;
}

/** The same, and at the place where it stands here (not where an InsertBefore/InsertAfter XPath puts it). */
export function deploysInPlace(config: ConfigFacts, element: XmlElement): boolean {
  return !config.transform || writerOf(config.transform, element)?.byXPath === false;
}

/** Whether the attribute's value, as written here, is in the config the CLR reads (SetAttributes included). */
export function deploysAttribute(config: ConfigFacts, element: XmlElement, value: XmlAttribute): boolean {
  return !config.transform || writesAttribute(config.transform, element, value.name);
}

/** True for the roles whose file the .NET runtime reads as an application config. */
export function isRuntimeConfig(role: ConfigRole): boolean {
  return role !== 'other';
}

/** The runtime a .NET Framework process runs on: CLR 2 (.NET 2.0-3.5) or CLR 4 (.NET 4.x). */
export type Clr = 'CLR 2' | 'CLR 4';

/** Which CLR the process loads, as its config decides (facts §9.1). */
export interface LoadedRuntime {
  /** Undefined when the file alone does not say; rules that depend on it then stay silent. */
  clr: Clr | undefined;
  /** The version attribute of the <supportedRuntime> that decides, when one does. */
  decidedBy: XmlAttribute | undefined;
  /** useLegacyV2RuntimeActivationPolicy="true" on <startup>, when set. */
  legacyActivation: XmlAttribute | undefined;
}

/** The runtime each role is built for: what loads when the config names none. */
const builtFor: Record<ConfigRole, Clr | undefined> = { 'mim-service': 'CLR 2', 'mim-sync': 'CLR 4', 'dotnet-app': undefined, other: undefined };

/**
 * The version strings name a runtime folder and are not interpreted (v4.0 stands for v4.0.30319). 1.x
 * cannot be installed on a Windows Server that runs MIM 2016, so the loader passes over it.
 */
function runtimeNamed(version: string): Clr | 'absent' | undefined {
  const name = version.toLowerCase();
  if (name === 'v2.0.50727') return 'CLR 2';
  if (name === 'v4.0' || name === 'v4.0.30319') return 'CLR 4';
  if (name === 'v1.0.3705' || name === 'v1.1.4322') return 'absent';
  return undefined;
}

const undecided: LoadedRuntime = { clr: undefined, decidedBy: undefined, legacyActivation: undefined };

/**
 * The loader takes the first <supportedRuntime> that names an installed runtime ("the first element
 * should specify the most preferred version"); with none listed, the runtime the app was built for.
 * useLegacyV2RuntimeActivationPolicy does not choose the runtime: it only lets mixed-mode assemblies
 * built for CLR 2 load into CLR 4 once CLR 4 is chosen.
 */
export function loadedRuntime(startups: readonly XmlElement[], built: Clr | undefined): LoadedRuntime {
  // Two <startup> sections: which one the loader reads is undocumented.
  if (startups.length > 1) return undecided;
  const startup = startups[0];
  const legacy = startup && attributeIgnoringCase(startup, 'useLegacyV2RuntimeActivationPolicy');
  const legacyActivation = legacy && legacy.value.trim().toLowerCase() === 'true' ? legacy : undefined;
  const listed = startup?.children.filter((child) => child.name === 'supportedRuntime') ?? [];
  for (const supported of listed) {
    const version = attribute(supported, 'version');
    const clr = version && runtimeNamed(version.value);
    if (clr === 'absent') continue;
    // A version the loader may or may not find: what it then does is not for a linter to guess.
    if (!clr) return undecided;
    return { clr, decidedBy: version, legacyActivation };
  }
  if (listed.length > 0 || startup?.children.some((child) => child.name === 'requiredRuntime')) return undecided;
  return { clr: built, decidedBy: undefined, legacyActivation };
}
