// The npm package as a user gets it: packed, installed globally into an empty prefix with no registry
// (offline: the CLI bundle must need no runtime dependency), then run on examples/ through its `bin`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, runCli } from './helpers';

const repo = process.cwd();
const isWindows = process.platform === 'win32';

/** npm itself: the same npm that runs `npm test` when there is one, else the one on PATH. */
function npm(args: readonly string[], options: SpawnSyncOptions = {}) {
  const npmCli = process.env.npm_execpath;
  const [file, fileArgs] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const result = spawnSync(file, fileArgs, { encoding: 'utf8', timeout: 180_000, shell: isWindows && file === 'npm', ...options });
  if (result.error) throw result.error;
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${String(result.stderr)}`);
  return String(result.stdout);
}

test('the packed package carries only the CLI bundle, the rule docs, the schema, README and LICENSE', () => {
  const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo }));
  const paths: string[] = packed.files.map((file: { path: string }) => file.path);
  const docs = paths.filter((path) => path.startsWith('docs/rules/'));
  const others = paths.filter((path) => !path.startsWith('docs/rules/')).sort();
  assert.deepEqual(others, ['LICENSE', 'README.md', 'dist/cli.js', 'package.json', 'schemas/mimlintrc.schema.json']);
  assert.ok(docs.length > 20 && docs.every((path) => /^docs\/rules\/(MIM\d{3}|README)\.md$/.test(path)), docs.join(' '));
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined, 'a private package cannot be published');
  assert.equal(manifest.dependencies, undefined, 'the bundles carry their libraries: nothing to install');
  assert.match(readFileSync(join(repo, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('npm i -g of the packed tarball gives a mim-lint command that lints examples/ like the repository CLI', () => {
  const dir = makeTempDir();
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: repo }));
  const tarball = join(dir, packed.filename);
  const prefix = join(dir, 'prefix');
  // --offline with an empty cache: installing must not need the registry.
  npm(['install', '--global', '--prefix', prefix, '--cache', join(dir, 'cache'), '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir });
  const bin = isWindows ? join(prefix, 'mim-lint.cmd') : join(prefix, 'bin', 'mim-lint');
  assert.ok(existsSync(bin), `${bin} exists`);
  const run = (args: string[]) => {
    const result = spawnSync(bin, args, { cwd: repo, encoding: 'utf8', timeout: 60_000, shell: isWindows });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  const version = run(['--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout, `${packed.version}\n`);

  // examples/ holds mistakes on purpose: exit 1, and the same report as the CLI in the repository.
  const installed = run(['--format', 'json', 'examples']);
  const local = runCli(['--format', 'json', 'examples'], repo);
  assert.equal(installed.status, 1, installed.stderr);
  assert.equal(installed.stderr, '');
  assert.ok(JSON.parse(installed.stdout).files.some((file: { findings: unknown[] }) => file.findings.length > 0));
  assert.equal(installed.stdout, local.stdout);
});
