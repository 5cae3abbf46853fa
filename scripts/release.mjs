// `npm run release`: both artifacts of one version in release/ (git-ignored): the npm package
// (mim-lint-<version>.tgz, the CLI) and the VS Code extension (mim-lint-<version>.vsix).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const folder = 'release';
const run = (file, args) => execFileSync(file, args, { stdio: 'inherit', shell: process.platform === 'win32' });

rmSync(folder, { recursive: true, force: true });
mkdirSync(folder);
run(process.execPath, ['esbuild.mjs', '--production']);
// The build just ran: --ignore-scripts skips the prepack rebuild.
run('npm', ['pack', '--ignore-scripts', '--pack-destination', folder]);
run(process.execPath, [join('scripts', 'package-vsix.mjs'), join(folder, `mim-lint-${version}.vsix`)]);
