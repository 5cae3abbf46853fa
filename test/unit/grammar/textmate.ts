// Loads a TextMate grammar of syntaxes/ into the engine VS Code uses (vscode-textmate + vscode-oniguruma)
// and tokenizes documents with it. Files are read from disk relative to the repository root: `npm test`
// runs from there, and the bundled tests in out/test/ cannot import the .wasm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

export const root = process.cwd();

export interface Token {
  text: string;
  /** Scopes below the grammar's own scope, outermost first. */
  scopes: string[];
}

export interface TokenizedDocument {
  lines: string[];
  tokens: Token[][];
}

let wasmLoaded: Promise<void> | undefined;

/** The grammar with `scopeName` from `syntaxes/<file>`. */
export async function loadGrammar(scopeName: string, file: string): Promise<vsctm.IGrammar> {
  wasmLoaded ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  await wasmLoaded;
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (name: string) => {
      if (name !== scopeName) return null;
      const path = join(root, 'syntaxes', file);
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const loaded = await registry.loadGrammar(scopeName);
  assert.ok(loaded, `grammar ${scopeName} loads`);
  return loaded;
}

/** Tokenizes a whole document line by line, carrying the rule stack like the editor does. */
export function tokenizeWith(grammar: vsctm.IGrammar, scopeName: string, text: string): TokenizedDocument {
  const lines = text.split(/\r?\n/);
  let stack = vsctm.INITIAL;
  const tokens = lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => {
      assert.equal(t.scopes[0], scopeName);
      return { text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) };
    });
  });
  return { lines, tokens };
}

/** Index of the first line that starts with `prefix` (fails the test if there is none). */
export function lineStarting(doc: { lines: string[] }, prefix: string, from = 0): number {
  const index = doc.lines.findIndex((line, i) => i >= from && line.startsWith(prefix));
  assert.notEqual(index, -1, `no line starts with ${prefix}`);
  return index;
}

/** Scopes of the `nth` token on a line whose text is exactly `text`. */
export function scopes(doc: { tokens: Token[][] }, line: number, text: string, nth = 0): string[] {
  const matches = doc.tokens[line].filter((t) => t.text === text);
  assert.ok(matches.length > nth, `line ${line + 1} has no token ${JSON.stringify(text)} #${nth}: ${JSON.stringify(doc.tokens[line])}`);
  return matches[nth].scopes;
}
