// `npm run lint` (part of npm test): typescript-eslint's recommended rules with zero warnings allowed,
// and the layer boundaries of CONTRIBUTING.md as import rules, so a shortcut across layers fails the
// build instead of waiting for a reviewer to notice.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = `^(node:.*|${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(/.*)?$`;

/** One restricted-imports rule per folder: each entry is a regular expression on the import path, and why. */
const only = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
});
const engineIsPure = 'The engine is pure: no file system, no Node APIs, no editor or protocol; the fronts pass it text.';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tools/**', '.e2e-tmp/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: only(
      [nodeBuiltins, engineIsPure],
      ['^vscode', engineIsPure],
      ['(^|/)(lsp|cli|common)/', engineIsPure],
      ['(^|/)protocol$', engineIsPure],
    ),
  },
  {
    files: ['server/src/common/**/*.ts'],
    rules: only(['^vscode', 'common/ is shared Node code: no editor or protocol.'], ['(^|/)(lsp|cli)/', 'common/ is below the fronts: the fronts import it, not the other way round.']),
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: only(['(^|/)cli/', 'The language server and the CLI never import each other: move the shared piece to engine/ or common/.'], ['^vscode$', 'The server runs outside VS Code.']),
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: only(
      ['(^|/)lsp/', 'The CLI and the language server never import each other: move the shared piece to engine/ or common/.'],
      ['^vscode', 'The CLI speaks no protocol.'],
      ['(^|/)protocol$', 'The CLI speaks no protocol.'],
    ),
  },
  {
    files: ['server/src/protocol.ts'],
    rules: only(['(^|/)(lsp|cli|common)/', 'The protocol module is shared with the client: message names and wire types only.']),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: only(['/server/src/(?!protocol$)', 'The client imports from the server tree only server/src/protocol.ts.']),
  },
  {
    files: ['test/**/*.ts'],
    ignores: ['test/temp-dir.ts', 'test/bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['callee.name', 'callee.property.name'].map((callee) => ({
          selector: `CallExpression[${callee}=/^mkdtemp/]`,
          message: 'Use makeTempDir (test/temp-dir.ts): it removes the folder when the test file ends.',
        })),
      ],
    },
  },
);
