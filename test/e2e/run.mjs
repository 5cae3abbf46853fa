// `npm run test:e2e`: tests the packaged extension in a real VS Code workbench (code-server).
//   1. bundles test/e2e/suite into out/e2e/index.js (the extension-tests module);
//   2. `npm run package` -> mim-lint.vsix (skip with --no-package to reuse the last one);
//   3. installs the .vsix into a fresh extensions folder with code-server --install-extension;
//   4. copies examples/ into a fresh workspace with the FIPS / TLS 1.2-only settings on;
//   5. runs @vscode/test-electron's runTests() with test/e2e/code-server-electron.mjs as the "VS Code
//      executable" and the unpacked .vsix as the extension under test.
// Options: --screenshot (also save docs/images/problems-panel.png), --no-package.
// Needs `npm run e2e:setup` (test/e2e/setup.sh) once per machine.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const args = new Set(process.argv.slice(2));
const tools = process.env.MIM_LINT_TOOLS ?? join(repo, '.tools');
const node24 = join(tools, 'node24/bin/node');
const codeServerEntry = join(tools, 'code-server/node_modules/code-server/out/node/entry.js');
const scratch = join(repo, '.e2e-tmp');
const started = Date.now();
const say = (message) => console.log(`[test:e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function fail(message) {
  console.error(`[test:e2e] FAILED: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} exited with ${result.status ?? result.signal}`);
  return result;
}

for (const path of [node24, codeServerEntry]) {
  if (!existsSync(path)) fail(`${path} is missing: run \`npm run e2e:setup\` first`);
}

// Each run starts from nothing, so a previous run's state (settings, installed versions) cannot leak in.
rmSync(scratch, { recursive: true, force: true });
const extensionsDir = join(scratch, 'extensions');
const userDataDir = join(scratch, 'user-data');
const workspace = join(scratch, 'workspace');
for (const dir of [extensionsDir, userDataDir]) mkdirSync(dir, { recursive: true });

say('bundling the e2e suite into out/e2e');
rmSync(join(repo, 'out/e2e'), { recursive: true, force: true });
await esbuild.build({
  entryPoints: { index: join(here, 'suite/index.ts') },
  outdir: join(repo, 'out/e2e'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});

const vsix = join(repo, 'mim-lint.vsix');
if (args.has('--no-package')) {
  if (!existsSync(vsix)) fail('--no-package given but there is no mim-lint.vsix');
  say('reusing mim-lint.vsix');
} else {
  say('packaging mim-lint.vsix (npm run package)');
  run('npm', ['run', '--silent', 'package']);
}

say('installing mim-lint.vsix into a fresh extensions folder');
const installTmp = join(scratch, 'install-tmp');
mkdirSync(installTmp, { recursive: true });
run(node24, [codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensionsDir], {
  // code-server writes a default config and logs under XDG_* / TMPDIR: keep those inside the scratch folder.
  env: { ...process.env, TMPDIR: installTmp, XDG_CONFIG_HOME: installTmp, XDG_DATA_HOME: installTmp, XDG_CACHE_HOME: installTmp },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const installedName = `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
const installed = readdirSync(extensionsDir).find((name) => name.toLowerCase() === installedName);
if (!installed) fail(`code-server did not unpack ${installedName} into ${extensionsDir}: ${readdirSync(extensionsDir).join(', ')}`);
const extensionUnderTest = join(extensionsDir, installed);

say('preparing the workspace (a copy of examples/)');
const examples = join(repo, 'examples');
if (!existsSync(join(examples, 'mim-service'))) fail('examples/mim-service is missing');
cpSync(examples, workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(
  join(workspace, '.vscode/settings.json'),
  JSON.stringify({ 'mimLint.host.fips': 'on', 'mimLint.host.tls12Only': 'on' }, null, 2) + '\n',
);
// An unrelated file: opening it must not activate the extension.
writeFileSync(join(workspace, 'notes.txt'), 'Change window: Saturday 02:00-04:00.\n');

const screenshot = args.has('--screenshot') ? join(repo, 'docs/images/problems-panel.png') : undefined;
say('running the suite in code-server');
try {
  await runTests({
    vscodeExecutablePath: join(here, 'code-server-electron.mjs'),
    extensionDevelopmentPath: extensionUnderTest,
    extensionTestsPath: join(repo, 'out/e2e/index.js'),
    launchArgs: [workspace, `--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`],
    extensionTestsEnv: screenshot ? { MIM_LINT_E2E_SCREENSHOT: screenshot } : {},
  });
} catch (error) {
  fail(`the e2e suite failed (${error.message})`);
}
say('passed');
