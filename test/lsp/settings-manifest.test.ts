// The settings VS Code shows (package.json contributes.configuration) and the ones the server reads
// must not drift: every mimLint.* setting the server reads has the same default on both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { settingsFrom } from '../../server/src/lsp/settings';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; type: string }> } };
};
/** Read by the client (the language client's trace), not by the server. */
const clientOnly = new Set(['mimLint.trace.server']);

test('every server setting in package.json has the default the server falls back to', () => {
  const server = settingsFrom({}) as unknown as Record<string, unknown>;
  const keys = Object.keys(manifest.contributes.configuration.properties).filter((k) => !clientOnly.has(k));
  for (const key of keys) {
    const path = key.split('.').slice(1);
    const value = path.reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], server);
    assert.deepEqual(value, manifest.contributes.configuration.properties[key].default, key);
  }
  assert.ok(keys.includes('mimLint.inlayHints.tlsState'));
  // A mistyped value falls back to the default rather than turning the hints off.
  assert.equal(settingsFrom({ inlayHints: { tlsState: 'no' } }).inlayHints.tlsState, true);
  assert.equal(settingsFrom({ inlayHints: { tlsState: false } }).inlayHints.tlsState, false);
});
