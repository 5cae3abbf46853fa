// What the config rules need to know about a .config file, computed once from the XML tree.
import { configRoleByName, type ConfigRole } from '../file-kinds';
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
  let role = configRoleByName(fileName);
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
  return { xml, role, configuration, runtime, fipsPolicies };
}

function isRuntimeOf(element: XmlElement, configuration: XmlElement | undefined): boolean {
  return configuration !== undefined && element.name === 'runtime' && element.parent === configuration;
}

/** True for the roles whose file the .NET runtime reads as an application config. */
export function isRuntimeConfig(role: ConfigRole): boolean {
  return role !== 'other';
}

/** The `<startup useLegacyV2RuntimeActivationPolicy="true">` + v4 `<supportedRuntime>` change that makes a CLR 2 app load CLR 4. */
export function legacyActivationToClr4(config: ConfigFacts): XmlAttribute | undefined {
  for (const startup of config.configuration?.children ?? []) {
    if (startup.name !== 'startup') continue;
    const legacy = attributeIgnoringCase(startup, 'useLegacyV2RuntimeActivationPolicy');
    if (!legacy || legacy.value.trim().toLowerCase() !== 'true') continue;
    const v4 = startup.children.some(
      (child) => child.name === 'supportedRuntime' && /^v4/i.test(attribute(child, 'version')?.value.trim() ?? ''),
    );
    if (v4) return legacy;
  }
  return undefined;
}

export function loadsClr4(config: ConfigFacts): boolean {
  return legacyActivationToClr4(config) !== undefined;
}
