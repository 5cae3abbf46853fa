// Bundles the three entry points (client, server, CLI) into dist/, and the tests into out/test/.
//   node esbuild.mjs               build dist/ once (with source maps)
//   node esbuild.mjs --watch       rebuild dist/ on change
//   node esbuild.mjs --production  minified dist/ for the .vsix
//   node esbuild.mjs --tests       also bundle test/**/*.test.ts into out/test/ for `node --test`
//   node esbuild.mjs --bench       also bundle the benchmark (test/bench/run.ts) into out/bench/
//   node esbuild.mjs --gen         only bundle scripts/gen.ts (npm run gen) into out/gen/
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // Text bundled as strings: the rule pages (SARIF `help`, server/src/cli/rule-docs.ts) and the host
  // evidence collector, which ships as a batch file.
  loader: { '.md': 'text', '.cmd': 'text' },
};

const products = args.has('--gen') ? [] : [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'e2e' || name === 'fixtures' || name === 'bench' || name === 'node_modules') continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

if (args.has('--tests')) {
  rmSync('out/test', { recursive: true, force: true });
  products.push({
    ...common,
    entryPoints: findTests('test'),
    outbase: 'test',
    outdir: 'out/test',
    sourcemap: true,
    external: ['vscode'],
  });
}

if (args.has('--bench')) {
  products.push({ ...common, entryPoints: { bench: 'test/bench/run.ts' }, outdir: 'out/bench', sourcemap: true });
}

if (args.has('--gen')) {
  products.push({ ...common, entryPoints: { gen: 'scripts/gen.ts' }, outdir: 'out/gen', logLevel: 'warning' });
}

if (args.has('--watch')) {
  for (const options of products) (await esbuild.context(options)).watch();
} else {
  await Promise.all(products.map((options) => esbuild.build(options)));
}
