// The `mimLint.*` settings as the server sees them, read per document (multi-root: each folder may
// differ) and never kept in a global, so a folder's settings cannot leak into another's documents.
import type { Connection } from 'vscode-languageserver';
import { parseHostSetting, type HostSetting, type SeverityOverride } from '../engine/index';
import { configurableRuleIds, severityOverrides } from '../engine/config/project-config';
import { describeError } from './guard';
import { settingsSection } from '../protocol';

export interface MimLintSettings {
  enable: boolean;
  host: {
    /** Whether the host runs in FIPS mode; `auto` = unknown (later: inferred from the workspace). */
    fips: HostSetting;
    /** Whether the host allows only TLS 1.2; `auto` as above. */
    tls12Only: HostSetting;
  };
  /** `mimLint.rules`: per-rule severity; a .mimlintrc.json overrides it rule by rule. */
  rules: Record<string, SeverityOverride>;
  /** Lint every matching file of the workspace folder, not only open ones. */
  lintWorkspace: boolean;
  /** Larger files are not linted by the workspace pass (an open document always is). */
  maxFileSizeKB: number;
  /** When an open document is linted: on each change (debounced), or when it is opened and saved. */
  run: LintTrigger;
  /** `mimLint.inlayHints.tlsState`: the TLS 1.1 state on each MIM install in a script. */
  inlayHints: { tlsState: boolean };
}

export const lintTriggers = ['onType', 'onSave'] as const;
export type LintTrigger = (typeof lintTriggers)[number];

export const defaultSettings: Readonly<MimLintSettings> = Object.freeze({
  enable: true,
  host: Object.freeze({ fips: 'auto', tls12Only: 'auto' }),
  rules: Object.freeze({}),
  lintWorkspace: true,
  maxFileSizeKB: 1024,
  run: 'onType',
  inlayHints: Object.freeze({ tlsState: true }),
}) as MimLintSettings;

/** Settings from whatever the client sent; a missing or mistyped value falls back to its default. */
export function settingsFrom(raw: unknown): MimLintSettings {
  const section = isObject(raw) ? raw : {};
  const host = isObject(section.host) ? section.host : {};
  const inlayHints = isObject(section.inlayHints) ? section.inlayHints : {};
  return {
    enable: typeof section.enable === 'boolean' ? section.enable : defaultSettings.enable,
    host: {
      fips: parseHostSetting(host.fips) ?? defaultSettings.host.fips,
      tls12Only: parseHostSetting(host.tls12Only) ?? defaultSettings.host.tls12Only,
    },
    rules: rulesFrom(section.rules),
    lintWorkspace: typeof section.lintWorkspace === 'boolean' ? section.lintWorkspace : defaultSettings.lintWorkspace,
    maxFileSizeKB:
      typeof section.maxFileSizeKB === 'number' && section.maxFileSizeKB > 0 ? section.maxFileSizeKB : defaultSettings.maxFileSizeKB,
    run: lintTriggers.find((trigger) => trigger === section.run) ?? defaultSettings.run,
    inlayHints: { tlsState: typeof inlayHints.tlsState === 'boolean' ? inlayHints.tlsState : defaultSettings.inlayHints.tlsState },
  };
}

/** Known rule IDs with a valid severity; VS Code's settings UI validates the rest against the schema. */
function rulesFrom(raw: unknown): Record<string, SeverityOverride> {
  if (!isObject(raw)) return {};
  const rules: Record<string, SeverityOverride> = {};
  for (const [id, value] of Object.entries(raw)) {
    const severity = severityOverrides.find((s) => s === value);
    if (severity && configurableRuleIds.includes(id)) rules[id] = severity;
  }
  return rules;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Settings per document URI. With `workspace/configuration` (pull) each document asks for its own
 * scope and the answer is cached until the configuration changes or the document closes. Clients
 * without it get the last settings pushed with `didChangeConfiguration`, else the defaults.
 */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<MimLintSettings>>();
  private pushed: MimLintSettings = defaultSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  forDocument(uri: string): Promise<MimLintSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.pull(uri);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** Forget everything cached; `pushedSettings` is the `settings` field of didChangeConfiguration. */
  configurationChanged(pushedSettings: unknown): void {
    this.perDocument.clear();
    if (!this.canPull) this.pushed = settingsFrom(isObject(pushedSettings) ? pushedSettings[settingsSection] : undefined);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private async pull(uri: string): Promise<MimLintSettings> {
    try {
      return settingsFrom(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: settingsSection }));
    } catch (error) {
      // Do not cache the failure: the next lint asks again.
      this.perDocument.delete(uri);
      this.connection.console.error(`Could not read ${settingsSection} settings for ${uri}, using defaults: ${describeError(error)}`);
      return defaultSettings;
    }
  }
}
