// The command line, parsed by hand (no dependency). Options live in two tables so that a new one
// (`--config <file>`, a `report` subcommand) is one more row, not another branch in the loop.
import type { HostSetting } from '../engine/index';
import { UsageError } from './errors';

export const outputFormats = ['stylish', 'json', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];
/** `mim-lint report` prints the readiness checklist as markdown (default) or JSON. */
export const reportFormats = ['markdown', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const hostSettings = ['on', 'off', 'auto'] as const satisfies readonly HostSetting[];

export interface CliOptions {
  /** `--help` wins over `--version`, and both over linting. */
  help: boolean;
  version: boolean;
  /** `report`: the readiness checklist of one folder instead of findings; `init`: write a starter config; `collector`: print the host evidence collector. */
  command: 'lint' | 'report' | 'init' | 'collector';
  format: OutputFormat | ReportFormat;
  fips: HostSetting;
  tls12Only: HostSetting;
  fix: boolean;
  /** `--fix-dry-run`: work the fixes out and print the diff, write nothing. */
  fixDryRun: boolean;
  /** `--max-warnings <n>`: more warnings than this fail the run (exit 1), as in ESLint. */
  maxWarnings?: number;
  /** `--quiet`: report errors only. */
  quiet: boolean;
  /** `-o/--output-file <file>`: the report goes to this file instead of stdout. */
  outputFile?: string;
  /** `--color`/`--no-color`; undefined: colour when stdout is a terminal (and NO_COLOR/FORCE_COLOR say so). */
  color?: boolean;
  /** `--ignore-pattern <glob>` (repeatable): paths relative to the working directory not to lint. */
  ignorePatterns: string[];
  /** `--stdin`: lint the text on standard input, named by `--stdin-filename`. */
  stdin: boolean;
  stdinFilename?: string;
  /** `--print-config <file>`: print the settings that apply to this file instead of linting. */
  printConfig?: string;
  /** `--config <file>`: one project config file for every path, instead of the nearest .mimlintrc.json. */
  config?: string;
  paths: string[];
}


interface ValueOption {
  placeholder: string;
  /** Allowed values; absent for a free value such as a path. */
  choices?: readonly string[];
  apply(options: CliOptions, value: string): void;
}

const valueOptions: Readonly<Record<string, ValueOption>> = {
  // Checked against the command's own formats once the whole line is read (see checkCommand).
  '--format': { placeholder: 'format', choices: [...outputFormats, 'markdown'], apply: (o, v) => (o.format = v as OutputFormat | ReportFormat) },
  '--fips': { placeholder: 'setting', choices: hostSettings, apply: (o, v) => (o.fips = v as HostSetting) },
  '--tls12-only': { placeholder: 'setting', choices: hostSettings, apply: (o, v) => (o.tls12Only = v as HostSetting) },
  '--config': { placeholder: 'file', apply: (o, v) => (o.config = v) },
  '--max-warnings': { placeholder: 'number', apply: (o, v) => (o.maxWarnings = warningLimit(v)) },
  '--output-file': { placeholder: 'file', apply: (o, v) => (o.outputFile = v) },
  '-o': { placeholder: 'file', apply: (o, v) => (o.outputFile = v) },
  '--ignore-pattern': { placeholder: 'glob', apply: (o, v) => o.ignorePatterns.push(v) },
  '--stdin-filename': { placeholder: 'file name', apply: (o, v) => (o.stdinFilename = v) },
  '--print-config': { placeholder: 'file', apply: (o, v) => (o.printConfig = v) },
};

const flagOptions: Readonly<Record<string, (options: CliOptions) => void>> = {
  '--fix': (o) => (o.fix = true),
  '--fix-dry-run': (o) => (o.fixDryRun = true),
  '--quiet': (o) => (o.quiet = true),
  '--color': (o) => (o.color = true),
  '--no-color': (o) => (o.color = false),
  '--stdin': (o) => (o.stdin = true),
  '--help': (o) => (o.help = true),
  '-h': (o) => (o.help = true),
  '--version': (o) => (o.version = true),
  '-v': (o) => (o.version = true),
};

export function defaultOptions(): CliOptions {
  return {
    help: false,
    version: false,
    command: 'lint',
    format: 'stylish',
    fips: 'auto',
    tls12Only: 'auto',
    fix: false,
    fixDryRun: false,
    quiet: false,
    ignorePatterns: [],
    stdin: false,
    paths: [],
  };
}

/** Parses `argv` (without node and the script). A later value of the same option replaces an earlier one. */
export function parseArguments(argv: readonly string[]): CliOptions {
  const options = defaultOptions();
  // A subcommand only as the first word: a file named "report" can still be linted as ./report.
  if (argv[0] === 'collector') {
    if (argv.length > 1) throw new UsageError('collector takes no argument: mim-lint collector > collect-host-evidence.cmd');
    options.command = 'collector';
    return options;
  }
  if (argv[0] === 'report') {
    options.command = 'report';
    options.format = 'markdown';
    argv = argv.slice(1);
  } else if (argv[0] === 'init') {
    options.command = 'init';
    argv = argv.slice(1);
  }
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
    if (value === undefined || value === '' || (inlineValue === undefined && value.startsWith('--'))) {
      throw new UsageError(`${name} needs a value: ${option.choices?.join(', ') ?? `a ${option.placeholder}`}`);
    }
    if (option.choices && !option.choices.includes(value)) {
      throw new UsageError(`${name} ${quote(value)} is not one of ${option.choices.join(', ')}`);
    }
    option.apply(options, value);
  }
  // `mim-lint "$DIR"` with DIR unset must not quietly lint (or fix) the working directory.
  if (options.paths.includes('')) throw new UsageError('an empty path ("") was given: name a file or directory, or "." for the working directory');
  if (options.command === 'report') return checkReport(options);
  if (options.command === 'init') return checkInit(options);
  if (options.help || options.version) return options;
  if (options.format === 'markdown') throw new UsageError('--format markdown is for mim-lint report');
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (options.stdin) {
    if (options.paths.length > 0) throw new UsageError('--stdin reads no files: drop the paths, or drop --stdin');
    if (options.stdinFilename === undefined) throw new UsageError('--stdin needs --stdin-filename <name>: the name says what kind of file the text is');
    if (options.fix) throw new UsageError('--fix writes files, and --stdin has none: use --fix-dry-run');
    return options;
  }
  if (options.printConfig !== undefined) return options;
  if (options.paths.length === 0) throw new UsageError('no file or directory given');
  return options;
}

/** `init`: no paths, nothing else; the starter config goes into the working directory. */
function checkInit(options: CliOptions): CliOptions {
  if (options.paths.length > 0) throw new UsageError('init takes no path: it writes .mimlintrc.json in the working directory');
  return options;
}

function warningLimit(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings ${quote(value)} is not a whole number (0 or more)`);
  return Number(value);
}

/** `report [dir]`: one folder (the working directory by default), markdown or JSON, nothing to fix. */
function checkReport(options: CliOptions): CliOptions {
  if (!(reportFormats as readonly string[]).includes(options.format)) {
    throw new UsageError(`report --format ${quote(options.format)} is not one of ${reportFormats.join(', ')}`);
  }
  if (options.fix) throw new UsageError('report does not fix: run mim-lint --fix first');
  if (options.paths.length > 1) throw new UsageError('report takes one directory');
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

