// The project config file, .mimlintrc.json: read and checked here (pure: text in, config and problems
// out; finding and reading the file is the CLI's and the server's job). A file with problems is never
// silently dropped: every problem is reported (MIM901), and what is valid still applies. Only a file
// that is not JSON at all applies nothing, because a half-read file could apply the wrong half.
import { compileGlob, GlobError } from '../glob';
import { shown } from '../message';
import { parseHostSetting, profileFromSettings, type HostProfile, type HostSetting } from '../profile';
import { allRules } from '../rules/index';
import type { SeverityOverride } from '../lint';
import type { Finding } from '../types';
import { parseJsonc, type JsonNode, type JsonProperty } from './jsonc';
import { projectConfigFileName } from './starter-config';

export { projectConfigFileName, starterConfigText } from './starter-config';

export const configInvalidRuleId = 'MIM901';

export interface ProjectConfig {
  host: { fips?: HostSetting; tls12Only?: HostSetting };
  rules: Record<string, SeverityOverride>;
  /** Globs relative to the config file's folder, forward slashes. */
  ignore: string[];
}

export interface ConfigProblem {
  start: number;
  end: number;
  message: string;
  /** The problem keeps the whole file from applying (not JSON, not an object). */
  wholeFile?: boolean;
}

export interface ParsedProjectConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** Every rule but MIM901 itself: a config file cannot silence the report of its own problems. */
export const configurableRuleIds: readonly string[] = allRules.map((rule) => rule.meta.id).filter((id) => id !== configInvalidRuleId);
export const severityOverrides: readonly SeverityOverride[] = ['off', 'hint', 'info', 'warning', 'error'];
const hostKeys = ['fips', 'tls12Only'] as const;
const topKeys = ['$schema', 'host', 'rules', 'ignore'];

export function isProjectConfigFile(fileName: string): boolean {
  return /(?:^|[\\/])\.mimlintrc\.json$/i.test(fileName);
}

export function emptyProjectConfig(): ProjectConfig {
  return { host: {}, rules: {}, ignore: [] };
}

export function parseProjectConfig(text: string): ParsedProjectConfig {
  const config = emptyProjectConfig();
  const parsed = parseJsonc(text);
  if (!parsed.root) {
    const { start, end, message } = parsed.error;
    return { config, problems: [{ start, end, message: `not valid JSON, so none of it applies: ${shown(message, 55)}`, wholeFile: true }] };
  }
  const problems: ConfigProblem[] = [];
  const root = parsed.root;
  if (root.type !== 'object') {
    problems.push({ start: root.start, end: root.end, message: 'expected an object such as { "rules": {} }; nothing in this file applies', wholeFile: true });
    return { config, problems };
  }
  for (const property of root.properties) {
    const { key, value } = property;
    if (key === 'host') readHost(value, config, problems);
    else if (key === 'rules') readRules(value, config, problems);
    else if (key === 'ignore') readIgnore(value, config, problems);
    else if (key === '$schema') expect(value.type === 'string', value, 'expected a string', problems);
    else problems.push(unknownKey(property, topKeys));
  }
  return { config, problems };
}

function readHost(node: JsonNode, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (!expect(node.type === 'object', node, 'expected an object such as { "fips": "on" }', problems) || node.type !== 'object') return;
  for (const property of node.properties) {
    const key = hostKeys.find((k) => k === property.key);
    if (!key) {
      problems.push(unknownKey(property, hostKeys));
      continue;
    }
    const setting = property.value.type === 'string' ? parseHostSetting(property.value.value) : undefined;
    if (expect(setting !== undefined, property.value, `host.${key} must be "auto", "on" or "off"`, problems)) config.host[key] = setting;
  }
}

function readRules(node: JsonNode, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (!expect(node.type === 'object', node, 'expected an object such as { "MIM106": "off" }', problems) || node.type !== 'object') return;
  for (const property of node.properties) {
    const id = property.key;
    if (!configurableRuleIds.includes(id)) {
      const message =
        id === configInvalidRuleId
          ? `${id} reports this file's own problems and cannot be configured`
          : `unknown rule ${quoteShort(id)}${suggestRule(id)}`;
      problems.push({ start: property.keyStart, end: property.keyEnd, message });
      continue;
    }
    const value = property.value;
    const severity = value.type === 'string' ? severityOverrides.find((s) => s === value.value) : undefined;
    if (expect(severity !== undefined, value, `${id} must be ${severityOverrides.slice(0, -1).map((s) => `"${s}"`).join(', ')} or "${severityOverrides.at(-1)}"`, problems)) {
      config.rules[id] = severity!;
    }
  }
}

function readIgnore(node: JsonNode, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (!expect(node.type === 'array', node, 'expected an array of globs such as ["archive/**"]', problems) || node.type !== 'array') return;
  for (const item of node.items) {
    if (expect(item.type === 'string' && item.value.trim() !== '', item, 'expected a glob (a non-empty string)', problems) && item.type === 'string') {
      const glob = item.value.trim().replace(/\\/g, '/').replace(/^\.?\//, '');
      const problem = globProblem(glob);
      if (expect(problem === undefined, item, `${quoteShort(item.value, 16)} is not a usable glob: ${problem}`, problems)) config.ignore.push(glob);
    }
  }
}

/** A value quoted for a one-line message: a hostile 5,000-character glob is shown by its start. */
function quoteShort(value: string, max = 32): string {
  return JSON.stringify(shown(value, max));
}

/** Why `glob` cannot be used (an unclosed brace, say), or undefined. */
function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

function expect(ok: boolean, node: JsonNode, message: string, problems: ConfigProblem[]): boolean {
  if (!ok) problems.push({ start: node.start, end: node.end, message });
  return ok;
}

function unknownKey(property: JsonProperty, known: readonly string[]): ConfigProblem {
  return {
    start: property.keyStart,
    end: property.keyEnd,
    message: `unknown key ${quoteShort(property.key)}: expected ${known.filter((k) => k !== '$schema').map((k) => `"${k}"`).join(', ')}`,
  };
}

function suggestRule(id: string): string {
  const upper = id.trim().toUpperCase();
  if (configurableRuleIds.includes(upper)) return `: rule IDs are written ${upper}`;
  return `: no such rule (${configurableRuleIds[0]}…${configurableRuleIds[configurableRuleIds.length - 1]})`;
}

/** The config's problems as MIM901 findings on the config file itself (always errors). */
export function configFindings(parsed: ParsedProjectConfig): Finding[] {
  return parsed.problems.map((problem) => ({
    ruleId: configInvalidRuleId,
    severity: 'error',
    start: problem.start,
    end: problem.end,
    message: `Invalid ${projectConfigFileName}: ${problem.message}${problem.wholeFile ? '.' : ' (ignored).'}`,
  }));
}

/** The config's host settings over `profile`: they beat VS Code settings, and CLI flags beat them. */
export function withConfigHost(profile: HostProfile, config: ProjectConfig | undefined): HostProfile {
  return config ? profileFromSettings(config.host, 'config', profile) : profile;
}

/** Rule severities: the config file's over the settings'. */
export function withConfigRules(
  severities: Readonly<Record<string, SeverityOverride>> | undefined,
  config: ProjectConfig | undefined,
): Record<string, SeverityOverride> {
  return { ...severities, ...config?.rules };
}

/** A test for paths relative to the config file's folder (forward slashes): is it in `ignore`? */
export function ignoreMatcher(config: ProjectConfig): (relativePath: string) => boolean {
  const patterns = config.ignore.map(compileGlob);
  return (relativePath) => patterns.some((pattern) => pattern.test(relativePath));
}
