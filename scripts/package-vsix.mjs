// Packages the VS Code extension (.vsix) from a staging folder: `node scripts/package-vsix.mjs <out.vsix>`.
// Why a staging folder: package.json "files" chooses what `npm pack` ships (the CLI), and vsce refuses to
// run when a project has both "files" and a .vscodeignore, whose list is different (the client and the
// server, no CLI). The staging copy has the .vscodeignore and a package.json without "files".
// Run `node esbuild.mjs --production` first (npm run package does).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'mim-lint.vsix');
// Everything the .vscodeignore lets back in; the .vscodeignore itself still filters the copy.
const shipped = ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png', 'dist/client.js',
  'dist/server.js', 'syntaxes', 'schemas', 'docs'];

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
  const vsce = createRequire(join(repo, 'package.json')).resolve('@vscode/vsce/vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
