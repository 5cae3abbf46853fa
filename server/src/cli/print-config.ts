// `mim-lint --print-config <file>`: what `mim-lint <file>` would lint that file with: the config file
// that applies (the nearest .mimlintrc.json, or --config), the host profile (flags > config > what
// the file itself shows) and every rule's severity. JSON on stdout, as ESLint prints its config.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { allRules, describeProfile, fileKindOf, type HostProfile } from '../engine/index';
import type { CliOptions } from './args';
import { FileAccessError, reason } from './errors';
import { lintFiles } from './lint-files';
import { displayPath, ProjectConfigs, treeRootOf } from './project-configs';

export function printConfig(options: CliOptions, cwd: string): string {
  const file = options.printConfig!;
  const absolute = resolve(cwd, file);
  try {
    if (!statSync(absolute).isFile()) throw new FileAccessError(`cannot read ${file}: not a regular file`);
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    throw new FileAccessError(`cannot read ${file}: ${reason(error)}`);
  }
  const applied = new ProjectConfigs(cwd, options.config).forDirectory(dirname(absolute), treeRootOf(absolute, false, cwd));
  const ignored = applied?.ignores(absolute) === true;
  const kind = fileKindOf(absolute);
  const outcome = kind === undefined || ignored ? undefined : lintFiles({ ...options, fix: false, fixDryRun: false, paths: [file] }, cwd);
  const profile: HostProfile | undefined = outcome?.report.files[0]?.profile ?? outcome?.report.profile;
  const overrides = applied?.config.rules ?? {};
  const output = {
    file: displayPath(absolute, cwd),
    kind: kind ?? null,
    linted: kind !== undefined && !ignored,
    configFile: applied ? displayPath(applied.path, cwd) : null,
    host: profile && {
      fips: profile.fips.value,
      fipsSource: profile.fips.source,
      tls12Only: profile.tls12Only.value,
      tls12OnlySource: profile.tls12Only.source,
      description: describeProfile(profile),
    },
    rules: Object.fromEntries(
      allRules.filter(({ meta }) => kind === undefined || meta.fileKinds.includes(kind)).map(({ meta }) => [meta.id, overrides[meta.id] ?? meta.defaultSeverity]),
    ),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
