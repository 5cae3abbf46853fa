// The command line, parsed by hand (no dependency). Options live in two tables so that a new one
// (`--config <file>`, a `report` subcommand) is one more row, not another branch in the loop.
import type { HostSetting } from '../engine/index';
import { UsageError } from './errors';

export const outputFormats = ['stylish', 'json', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];

const hostSettings = ['on', 'off', 'auto'] as const satisfies readonly HostSetting[];

export interface CliOptions {
  /** `--help` wins over `--version`, and both over linting. */
  help: boolean;
  version: boolean;
  format: OutputFormat;
  fips: HostSetting;
  tls12Only: HostSetting;
  fix: boolean;
  paths: string[];
}


interface ValueOption {
  placeholder: string;
  choices: readonly string[];
  apply(options: CliOptions, value: string): void;
}

const valueOptions: Readonly<Record<string, ValueOption>> = {
  '--format': { placeholder: 'format', choices: outputFormats, apply: (o, v) => (o.format = v as OutputFormat) },
  '--fips': { placeholder: 'setting', choices: hostSettings, apply: (o, v) => (o.fips = v as HostSetting) },
  '--tls12-only': { placeholder: 'setting', choices: hostSettings, apply: (o, v) => (o.tls12Only = v as HostSetting) },
};

const flagOptions: Readonly<Record<string, (options: CliOptions) => void>> = {
  '--fix': (o) => (o.fix = true),
  '--help': (o) => (o.help = true),
  '-h': (o) => (o.help = true),
  '--version': (o) => (o.version = true),
  '-v': (o) => (o.version = true),
};

export function defaultOptions(): CliOptions {
  return { help: false, version: false, format: 'stylish', fips: 'auto', tls12Only: 'auto', fix: false, paths: [] };
}

/** Parses `argv` (without node and the script). A later value of the same option replaces an earlier one. */
export function parseArguments(argv: readonly string[]): CliOptions {
  const options = defaultOptions();
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    const inlineValue = name === arg ? undefined : arg.slice(equals + 1);
    const flag = flagOptions[name];
    if (flag) {
      if (inlineValue !== undefined) throw new UsageError(`${name} takes no value`);
      flag(options);
      continue;
    }
    const option = valueOptions[name];
    if (!option) throw new UsageError(`unknown option ${quote(name)}`);
    const value = inlineValue ?? argv[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new UsageError(`${name} needs a value: ${option.choices.join(', ')}`);
    }
    if (!option.choices.includes(value)) {
      throw new UsageError(`${name} ${quote(value)} is not one of ${option.choices.join(', ')}`);
    }
    option.apply(options, value);
  }
  if (!options.help && !options.version && options.paths.length === 0) throw new UsageError('no file or directory given');
  return options;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

