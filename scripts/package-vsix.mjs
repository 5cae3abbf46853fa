// Packages the VS Code extension (.vsix) from a staging folder: `node scripts/package-vsix.mjs <out.vsix>`.
// Why a staging folder: package.json "files" chooses what `npm pack` ships (the CLI), and vsce refuses to
// run when a project has both "files" and a .vscodeignore, whose list is different (the client and the
// server, no CLI). The staging copy has the .vscodeignore and a package.json without "files".
// Run `node esbuild.mjs --production` first (npm run package does).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'mim-lint.vsix');
// What the .vscodeignore lets back in ("!path" lines; a glob stands for the folder before it), so a
// path added there is staged too; the .vscodeignore itself then filters the copy as usual.
const letBackIn = readFileSync(join(repo, '.vscodeignore'), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.startsWith('!') && line !== '!package.json')
  .map((line) => line.slice(1).split(/\/?[*?[{]/)[0])
  .filter((path) => path !== '');
const shipped = ['.vscodeignore', ...new Set(letBackIn)];

const stage = mkdtempSync(join(tmpdir(), 'mim-lint-vsix-'));
try {
  for (const path of shipped) {
    if (!existsSync(join(repo, path))) throw new Error(`${path} is missing (run node esbuild.mjs --production)`);
    cpSync(join(repo, path), join(stage, path), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  delete manifest.files;
  delete manifest.bin;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // vsce's API, as `vsce package --no-dependencies -o <out>`: esbuild has bundled every dependency.
  await createVSIX({ cwd: stage, packagePath: out, dependencies: false });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
