// The CLI conventions of ESLint and markdownlint-cli2: --max-warnings, --quiet, -o, colour, quoted globs,
// --ignore-pattern, --stdin, --fix-dry-run, --print-config and init. Run on copies of examples/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { starterConfigText } from '../../server/src/engine/config/starter-config';
import { cliPath, exampleCopy, hasNoStackTrace, makeTempDir } from './helpers';

const examples = join(process.cwd(), 'examples');

function run(args: readonly string[], cwd: string, options: { env?: Record<string, string>; input?: string | Uint8Array } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, env, input: options.input, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const filesOf = (stdout: string) => JSON.parse(stdout).files as Array<{ file: string; findings: Array<{ severity: string; ruleId: string }>; output?: string }>;
// An SGR escape (ESC [ … m), built from a string so the regex literal holds no control character.
const ansi = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

test('--max-warnings: more warnings than allowed exit 1 with one line saying so; as many pass', () => {
  const dir = exampleCopy();
  // On a TLS 1.2-only host sync/ holds one warning (MIM110) and no error.
  assert.equal(run(['--tls12-only', 'on', 'sync'], dir).status, 0);
  assert.equal(run(['--tls12-only', 'on', '--max-warnings', '1', 'sync'], dir).status, 0);
  const over = run(['--tls12-only', 'on', '--max-warnings', '0', 'sync'], dir);
  assert.equal(over.status, 1);
  assert.equal(over.stderr, 'mim-lint: 1 warnings, more than --max-warnings 0 allows\n');
  assert.match(over.stdout, /MIM110/, 'the report still prints');
  // Warnings count under --quiet too, which only hides them.
  assert.equal(run(['--tls12-only=on', '--quiet', '--max-warnings=0', 'sync'], dir).status, 1);
});

test('--quiet reports errors only, and keeps every linted file listed', () => {
  const dir = exampleCopy();
  const all = filesOf(run(['--format', 'json', '.'], dir).stdout);
  const quiet = run(['--quiet', '--format', 'json', '.'], dir);
  assert.equal(quiet.status, 1);
  const files = filesOf(quiet.stdout);
  assert.deepEqual(files.map((f) => f.file), all.map((f) => f.file));
  const errors = all.flatMap((f) => f.findings.filter((finding) => finding.severity === 'error'));
  assert.ok(errors.length > 0 && errors.length < all.flatMap((f) => f.findings).length);
  assert.deepEqual(files.flatMap((f) => f.findings), errors);
  const stylish = run(['--quiet', '.'], dir).stdout;
  assert.doesNotMatch(stylish, /\bwarning\b/);
  assert.match(stylish, /\berror\b/);
});

test('-o/--output-file writes the report to the file and nothing to stdout; an unwritable one is exit 2', () => {
  const dir = exampleCopy();
  const plain = run(['--format', 'sarif', '.'], dir);
  for (const flag of ['-o', '--output-file']) {
    const written = run(['--format', 'sarif', flag, 'out.sarif', '.'], dir);
    assert.equal(written.status, plain.status);
    assert.equal(written.stdout, '');
    assert.equal(readFileSync(join(dir, 'out.sarif'), 'utf8'), plain.stdout);
  }
  const bad = run(['-o', join('no-such-dir', 'out.txt'), '.'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^mim-lint: cannot write no-such-dir[\\/]out\.txt: /);
  assert.ok(hasNoStackTrace(bad.stderr));
});

test('colour: off in a pipe, on with --color or FORCE_COLOR, off with --no-color or NO_COLOR, never in -o files', () => {
  const dir = exampleCopy();
  const plain = run(['--tls12-only', 'on', 'sync'], dir).stdout;
  assert.match(plain, /MIM110/);
  assert.doesNotMatch(plain, ansi);
  const colored = run(['--color', '--tls12-only', 'on', 'sync'], dir).stdout;
  assert.match(colored, ansi);
  assert.equal(colored.replace(ansi, ''), plain, 'colour adds no other character');
  assert.match(run(['--tls12-only', 'on', 'sync'], dir, { env: { FORCE_COLOR: '1' } }).stdout, ansi);
  assert.doesNotMatch(run(['--no-color', '--tls12-only', 'on', 'sync'], dir, { env: { FORCE_COLOR: '1' } }).stdout, ansi);
  assert.doesNotMatch(run(['--tls12-only', 'on', 'sync'], dir, { env: { NO_COLOR: '1' } }).stdout, ansi);
  assert.match(run(['--color', '--tls12-only', 'on', 'sync'], dir, { env: { NO_COLOR: '1' } }).stdout, ansi, '--color wins over NO_COLOR');
  run(['-o', 'report.txt', '--tls12-only', 'on', 'sync'], dir, { env: { FORCE_COLOR: '1' } });
  assert.doesNotMatch(readFileSync(join(dir, 'report.txt'), 'utf8'), ansi);
});

test('quoted globs are expanded with VS Code glob syntax; one matching nothing is a warning', () => {
  const dir = exampleCopy();
  const configs = run(['--format', 'json', '**/*.config'], dir);
  assert.deepEqual(filesOf(configs.stdout).map((f) => f.file.split('\\').join('/')), [
    'mim-service/Microsoft.ResourceManagement.Service.exe.config',
    'mim-service-ready/Microsoft.ResourceManagement.Service.exe.config',
    'sync/miiserver.exe.config',
  ]);
  const scripts = filesOf(run(['--format', 'json', 'scripts/*.{cmd,ps1}'], dir).stdout).map((f) => f.file.split('\\').join('/'));
  assert.ok(scripts.length >= 2 && scripts.every((file) => /^scripts\/[^/]+\.(cmd|ps1)$/.test(file)), scripts.join(' '));
  // A glob walks folders it adds only some files of: a folder named after it is still walked whole.
  const both = filesOf(run(['--format', 'json', '**/*.config', 'scripts'], dir).stdout).map((f) => f.file.split('\\').join('/'));
  assert.ok(both.includes('scripts/install-mimservice.cmd') && both.includes('sync/miiserver.exe.config'), both.join(' '));
  const none = run(['**/*.nothing'], dir);
  assert.equal(none.status, 0);
  assert.match(none.stderr, /no files match "\*\*\/\*\.nothing"/);
});

test('--ignore-pattern leaves out matching paths (repeatable); an unusable pattern is bad usage', () => {
  const dir = exampleCopy();
  const all = filesOf(run(['--format', 'json', '.'], dir).stdout).map((f) => f.file.split('\\').join('/'));
  const kept = filesOf(run(['--format', 'json', '--ignore-pattern', 'scripts/**', '--ignore-pattern=**/*.reg', '.'], dir).stdout).map((f) =>
    f.file.split('\\').join('/'),
  );
  assert.deepEqual(kept, all.filter((file) => !file.startsWith('scripts/') && !file.endsWith('.reg')));
  assert.ok(kept.length > 0 && kept.length < all.length);
  const bad = run(['--ignore-pattern', 'a{b', '.'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^mim-lint: --ignore-pattern "a\{b" is not a usable glob: .+\(see mim-lint --help\)\n$/);
});

test('--stdin --stdin-filename lints standard input as that file, with the config that governs it', () => {
  const dir = exampleCopy();
  const name = join('sync', 'miiserver.exe.config');
  const text = readFileSync(join(dir, name));
  const fromFile = run(['--tls12-only', 'on', '--format', 'json', name], dir);
  const fromStdin = run(['--tls12-only', 'on', '--format', 'json', '--stdin', '--stdin-filename', name], dir, { input: text });
  assert.equal(fromStdin.status, fromFile.status);
  assert.deepEqual(filesOf(fromStdin.stdout), filesOf(fromFile.stdout));
  assert.ok(filesOf(fromFile.stdout)[0].findings.length > 0);
  // The name need not exist: it says what kind of file the text is.
  const unsaved = run(['--tls12-only', 'on', '--stdin', '--stdin-filename', 'new/miiserver.exe.config'], dir, { input: text });
  assert.match(unsaved.stdout, /^new[\\/]miiserver\.exe\.config\n.*MIM110/);
  writeFileSync(join(dir, '.mimlintrc.json'), '{ "rules": { "MIM110": "off" } }\n');
  assert.equal(run(['--tls12-only', 'on', '--stdin', '--stdin-filename', name], dir, { input: text }).stdout, '');
});

test('--fix-dry-run shows the diff (stylish) or the fixed text (json) of what --fix writes, and writes nothing', () => {
  const dir = exampleCopy();
  const name = join('mim-service', 'Microsoft.ResourceManagement.Service.exe.config');
  const before = readFileSync(join(dir, name));
  const dry = run(['--fips', 'on', '--fix-dry-run', name], dir);
  assert.deepEqual(readFileSync(join(dir, name)), before, 'nothing written');
  assert.match(dry.stdout, /^--- a\/mim-service\/Microsoft\.ResourceManagement\.Service\.exe\.config\n\+\+\+ b\/mim-service\//);
  assert.match(dry.stdout, /^-.*EnforceFIPSPolicy/m);
  assert.match(dry.stdout, /would be applied \(dry run: nothing written\)/);
  const json = filesOf(run(['--fips', 'on', '--fix-dry-run', '--format', 'json', name], dir).stdout);
  const stdinJson = filesOf(run(['--fips', 'on', '--fix-dry-run', '--format', 'json', '--stdin', '--stdin-filename', name], dir, { input: before }).stdout);
  assert.deepEqual(stdinJson, json);
  const fixed = run(['--fips', 'on', '--fix', '--format', 'json', name], dir);
  assert.equal(json[0].output, readFileSync(join(dir, name), 'utf8'), '"output" is exactly what --fix writes');
  assert.deepEqual(filesOf(fixed.stdout)[0].findings, json[0].findings, 'the findings that would remain');
  assert.equal(filesOf(run(['--fips', 'on', '--fix-dry-run', '--format', 'json', name], dir).stdout)[0].output, undefined, 'nothing left to fix');
});

test('--print-config shows the config file, host profile and severities mim-lint <file> would use', () => {
  const dir = exampleCopy();
  writeFileSync(join(dir, 'sync', '.mimlintrc.json'), '{\n  // the Sync servers\n  "host": { "tls12Only": "on" },\n  "rules": { "MIM110": "error" },\n}\n');
  const printed = run(['--print-config', join('sync', 'miiserver.exe.config')], dir);
  assert.equal(printed.status, 0, printed.stderr);
  const config = JSON.parse(printed.stdout);
  assert.equal(config.configFile, join('sync', '.mimlintrc.json'));
  assert.equal(config.host.tls12Only, 'on');
  assert.equal(config.host.tls12OnlySource, 'config');
  assert.equal(config.rules.MIM110, 'error');
  assert.equal(config.rules.MIM201, undefined, 'only the rules for this kind of file');
  assert.equal(config.linted, true);
  const flagged = JSON.parse(run(['--print-config', join('sync', 'miiserver.exe.config'), '--tls12-only', 'off'], dir).stdout);
  assert.equal(flagged.host.tls12Only, 'off', 'flags win over the config file');
  const missing = run(['--print-config', 'nope.config'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^mim-lint: cannot read nope\.config: /);
});

test('init writes the starter .mimlintrc.json, and never over an existing one', () => {
  const dir = makeTempDir();
  const first = run(['init'], dir);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^Created \.mimlintrc\.json/);
  assert.equal(readFileSync(join(dir, '.mimlintrc.json'), 'utf8'), starterConfigText);
  writeFileSync(join(dir, '.mimlintrc.json'), '{}\n');
  const again = run(['init'], dir);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /^mim-lint: \.mimlintrc\.json already exists here; it was left as it is\n$/);
  assert.equal(readFileSync(join(dir, '.mimlintrc.json'), 'utf8'), '{}\n');
  assert.equal(existsSync(join(dir, 'x')), false);
});

const badUsages: Array<{ args: string[]; mentions: RegExp }> = [
  { args: ['--max-warnings', 'many', '.'], mentions: /--max-warnings "many" is not a whole number/ },
  { args: ['--max-warnings', '-1', '.'], mentions: /--max-warnings "-1" is not a whole number/ },
  { args: ['--max-warnings'], mentions: /--max-warnings needs a value: a number/ },
  { args: ['-o'], mentions: /-o needs a value: a file/ },
  { args: ['--fix', '--fix-dry-run', '.'], mentions: /--fix and --fix-dry-run exclude each other/ },
  { args: ['--stdin'], mentions: /--stdin needs --stdin-filename/ },
  { args: ['--stdin-filename', 'a.config', '.'], mentions: /--stdin-filename needs --stdin/ },
  { args: ['--stdin', '--stdin-filename', 'a.config', '.'], mentions: /--stdin reads no files/ },
  { args: ['--stdin', '--stdin-filename', 'a.config', '--fix'], mentions: /--fix writes files, and --stdin has none/ },
  { args: ['--stdin', '--stdin-filename', 'notes.txt'], mentions: /--stdin-filename "notes\.txt" is not a kind of file mim-lint reads/ },
  { args: ['--color=yes', '.'], mentions: /--color takes no value/ },
  { args: ['init', 'here'], mentions: /init takes no path/ },
];

for (const { args, mentions } of badUsages) {
  test(`bad usage ${JSON.stringify(args)} exits 2 with one line on stderr`, () => {
    const result = run(args, examples, { input: '' });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^mim-lint: [^\n]+\n$/);
    assert.match(result.stderr, mentions);
  });
}

test('--help names every convention option and init', () => {
  const help = run(['--help'], examples).stdout;
  for (const option of ['--max-warnings <n>', '--quiet', '-o, --output-file <file>', '--color, --no-color', 'NO_COLOR', 'FORCE_COLOR',
    '--ignore-pattern <glob>', '--stdin', '--stdin-filename <name>', '--fix-dry-run', '--print-config <file>', 'mim-lint init']) {
    assert.ok(help.includes(option), `help mentions ${option}`);
  }
});
