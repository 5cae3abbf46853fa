// The CI integrations in the repository, run as the CI systems run them: action.yml's shell steps (bash
// -eo pipefail, inputs through env, GITHUB_OUTPUT) with the CLI from dist/, and the pre-commit hook's
// entry on the files its `files` pattern selects. Exit codes, the SARIF log and its validity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type * as Sarif from 'sarif';
import { cliPath, exampleCopy, makeTempDir } from './helpers';
import { assertValidSarif } from './sarif-schema';

const repoRoot = process.cwd();

interface ActionInput {
  default?: string;
}
interface ActionStep {
  name: string;
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** The expressions GitHub would evaluate here; any other one is a failure, not a silent empty string. */
function evaluate(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return repoRoot;
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input && input[1] in inputs) return inputs[input[1]];
    throw new Error(`action.yml: expression the test does not emulate: ${expression}`);
  });
}

interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
}

/** Runs the composite action's steps in `cwd` (the workspace) as the runner does; a failing step ends the run. */
function runAction(action: Action, given: Record<string, string>, cwd: string): ActionRun {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  const scratch = makeTempDir('action');
  const outputFile = join(scratch, 'github-output');
  writeFileSync(outputFile, '');
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  action.runs.steps.forEach((step, index) => {
    if (exitCode !== 0 || step.run === undefined) return;
    assert.equal(step.shell, 'bash', `step "${step.name}" runs in bash`);
    const script = join(scratch, `step-${index}.sh`);
    writeFileSync(script, step.run);
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: repoRoot, GITHUB_WORKSPACE: cwd, GITHUB_OUTPUT: outputFile };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(value, inputs);
    const directory = resolve(cwd, evaluate(step['working-directory'] ?? '.', inputs));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: directory, env, encoding: 'utf8', timeout: 60_000 });
    if (result.error) throw result.error;
    stdout += result.stdout;
    stderr += result.stderr;
    exitCode = result.status ?? 128;
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { exitCode, outputs, stdout, stderr };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;

function sarifAt(path: string): Sarif.Log {
  assert.ok(existsSync(path), `${path} written`);
  const log = JSON.parse(readFileSync(path, 'utf8')) as Sarif.Log;
  assertValidSarif(log);
  return log;
}

/** examples/mim-service-ready: a MIM Service config set up for a FIPS, TLS 1.2-only host. */
function cleanFolder(): string {
  const dir = makeTempDir('clean');
  cpSync(join(repoRoot, 'examples', 'mim-service-ready'), dir, { recursive: true });
  return dir;
}

test('action.yml: a composite action whose scripts read inputs only through env (no ${{ }} in a script)', () => {
  assert.equal(action.runs.using, 'composite');
  for (const name of ['paths', 'max-warnings', 'sarif-file', 'fips', 'tls12-only', 'config']) assert.ok(name in action.inputs, `input ${name}`);
  for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `step "${step.name}"`);
  assert.ok(existsSync(cliPath), 'dist/cli.js is built, so the build step is skipped');
});

test('action.yml on examples/: exit 1 on errors, a valid SARIF log, one annotation per result, outputs set', () => {
  const dir = exampleCopy();
  const run = runAction(action, {}, dir);
  assert.equal(run.exitCode, 1, run.stderr);
  assert.equal(run.outputs['exit-code'], '1');
  assert.equal(run.outputs['sarif-file'], 'mim-lint.sarif');
  const log = sarifAt(join(dir, 'mim-lint.sarif'));
  const results = log.runs[0].results ?? [];
  assert.ok(results.some((result) => result.level === 'error'));
  assert.equal(log.runs[0].invocations?.[0].exitCode, 1);
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
  assert.equal(annotations.length, results.length);
  assert.match(run.stdout, /^::error file=mim-service\/Microsoft\.ResourceManagement\.Service\.exe\.config,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=MIM\d{3}::\S/m);
});

test('action.yml on a clean folder: exit 0, a valid SARIF log without results, no annotation', () => {
  const dir = cleanFolder();
  const run = runAction(action, { fips: 'on', 'tls12-only': 'on', 'sarif-file': 'out/scan.sarif'.replace('/', sep) }, dir);
  // The CLI does not create folders for -o: the SARIF file's folder must exist.
  assert.equal(run.exitCode, 2, 'a missing output folder fails the run');
  mkdirSync(join(dir, 'out'));
  const again = runAction(action, { fips: 'on', 'tls12-only': 'on', 'sarif-file': join('out', 'scan.sarif') }, dir);
  assert.equal(again.exitCode, 0, again.stderr);
  assert.equal(again.outputs['exit-code'], '0');
  const log = sarifAt(join(dir, 'out', 'scan.sarif'));
  assert.deepEqual(log.runs[0].results, []);
  assert.doesNotMatch(again.stdout, /^::/m);
});

test('action.yml: max-warnings fails the step when more warnings remain; quoted globs reach mim-lint unexpanded', () => {
  const dir = exampleCopy();
  // On a TLS 1.2-only host sync/ holds one warning (MIM110) and no error.
  const allowed = runAction(action, { paths: 'sync', 'tls12-only': 'on' }, dir);
  assert.equal(allowed.exitCode, 0, allowed.stderr);
  assert.match(allowed.stdout, /^::warning file=sync\/miiserver\.exe\.config,.*title=MIM110::/m);
  const over = runAction(action, { paths: 'sync', 'tls12-only': 'on', 'max-warnings': '0' }, dir);
  assert.equal(over.exitCode, 1);
  assert.match(over.stderr, /more than --max-warnings 0/);
  sarifAt(join(dir, 'mim-lint.sarif'));
  // Two paths, one a glob bash would expand if the action let it (a *.config file at the top would match).
  writeFileSync(join(dir, 'top.config'), '<configuration/>\n');
  const globbed = runAction(action, { paths: '**/*.config scripts', 'tls12-only': 'on' }, dir);
  const files = new Set((sarifAt(join(dir, 'mim-lint.sarif')).runs[0].results ?? []).map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri));
  assert.ok([...files].some((uri) => uri?.startsWith('mim-service/')), 'the glob reached configs below the top folder');
  assert.ok([...files].some((uri) => uri?.startsWith('scripts/')), 'the second path was linted');
  assert.notEqual(globbed.exitCode, 2, globbed.stderr);
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
  args?: string[];
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((candidate) => candidate.id === 'mim-lint')!;

/** pre-commit's `files` is a Python regex searched in each path; (?i) at the start is the i flag. */
function hookSelects(path: string): boolean {
  const insensitive = hook.files.startsWith('(?i)');
  return new RegExp(insensitive ? hook.files.slice(4) : hook.files, insensitive ? 'i' : '').test(path);
}

function filesBelow(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Runs the hook's entry as pre-commit does: installed on PATH, with its args and the selected files. */
function runHook(cwd: string) {
  const bin = makeTempDir('hook-bin');
  // What `npm install -g` of the packed package puts on PATH: the bin that runs dist/cli.js.
  writeFileSync(join(bin, hook.entry), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, hook.entry), 0o755);
  const selected = filesBelow(cwd).filter(hookSelects);
  const result = spawnSync(hook.entry, [...(hook.args ?? []), ...selected], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` }, timeout: 60_000 });
  if (result.error) throw result.error;
  return { ...result, selected };
}

test('.pre-commit-hooks.yaml: the mim-lint hook, a node package whose bin is its entry, selecting the kinds mim-lint reads', () => {
  assert.equal(hook.entry, 'mim-lint');
  assert.equal(hook.language, 'node');
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.ok(hook.entry in pkg.bin, 'npm install -g of the package provides the entry');
  for (const path of ['a/Microsoft.ResourceManagement.Service.exe.config', 'web.config', 'x/INSTALL.CMD', 'a.bat', 'b.ps1', 'm.psm1', 'h.reg', 'sec.inf']) assert.ok(hookSelects(path), path);
  for (const path of ['README.md', 'notes.txt', 'config.json', 'a.cmd.bak', '.mimlintrc.json']) assert.ok(!hookSelects(path), path);
});

test('.pre-commit-hooks.yaml: the entry on examples/ exits 1 and names the findings; on a clean folder it exits 0', () => {
  const examples = runHook(exampleCopy());
  assert.ok(examples.selected.includes('scripts/install-mimservice.cmd') && !examples.selected.includes('README.md'));
  assert.equal(examples.status, 1, examples.stderr);
  assert.match(examples.stdout, /error .* MIM\d{3}/);
  const clean = runHook(cleanFolder());
  assert.ok(clean.selected.length > 0);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
});
