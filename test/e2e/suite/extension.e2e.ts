// What a user of the packaged extension sees in a real VS Code workbench (code-server), driven through
// the `vscode` API only: activation, the findings of the example files, quick fixes and host settings.
// The workspace and its expected findings are described in workspace.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { assert, assertEqual, codeOf, describe, findings, test, waitForExactly } from './harness';
import {
  checkPreferredFix,
  mimLint,
  open,
  readyConfig,
  serviceConfig,
  serviceFindings,
  serviceFindingsWithoutFips,
  syncConfig,
  syncFindings,
  workspaceFile,
} from './workspace';

const docsBase = 'https://github.com/mim-lint/mim-lint/blob/main/docs/rules/';

/** Relative paths the manifest points at (main, icon, grammars, language configurations, JSON schemas). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- package.json as parsed: any shape
function filesTheManifestNames(manifest: Record<string, any>): string[] {
  const contributes = manifest.contributes ?? {};
  const paths: unknown[] = [
    manifest.main,
    manifest.icon,
    ...(contributes.grammars ?? []).map((grammar: { path?: string }) => grammar.path),
    ...(contributes.languages ?? []).map((language: { configuration?: string }) => language.configuration),
    ...(contributes.jsonValidation ?? []).map((validation: { url?: string }) => validation.url),
  ];
  return paths.filter((path): path is string => typeof path === 'string' && !/^[a-z]+:\/\//.test(path));
}

test('the packaged extension is installed and not active before a MIM file is opened', async () => {
  const extension = mimLint();
  // runTests() points extensionDevelopmentPath at the folder `code-server --install-extension` unpacked
  // from mim-lint.vsix, so this is the packaged artefact: a bundle, no sources, no source maps.
  assert(existsSync(join(extension.extensionPath, 'dist', 'client.js')), `no dist/client.js in ${extension.extensionPath}`);
  assert(existsSync(join(extension.extensionPath, 'dist', 'server.js')), `no dist/server.js in ${extension.extensionPath}`);
  assert(!existsSync(join(extension.extensionPath, 'client')), 'the .vsix contains client sources');
  assert(!existsSync(join(extension.extensionPath, 'node_modules')), 'the .vsix contains node_modules');
  const maps = readdirSync(join(extension.extensionPath, 'dist')).filter((name) => name.endsWith('.map'));
  assertEqual(maps, [], 'source maps in the .vsix');
  const missing = filesTheManifestNames(extension.packageJSON).filter((path) => !existsSync(join(extension.extensionPath, path)));
  assertEqual(missing, [], 'files package.json refers to that .vscodeignore left out of the .vsix');
  // `workspaceContains:` events legitimately activate it at startup; this workspace should match none.
  const patterns = (extension.packageJSON.activationEvents as string[])
    .filter((event) => event.startsWith('workspaceContains:'))
    .map((event) => event.slice('workspaceContains:'.length));
  for (const pattern of patterns) {
    const matches = await vscode.workspace.findFiles(pattern, undefined, 1);
    assertEqual(matches.map((uri) => uri.path), [], `workspace files matching the activation event workspaceContains:${pattern}`);
  }
  assert(!extension.isActive, 'mim-lint was already active although no file was opened');
});

test('opening unrelated files (.txt, .md) does not activate it', async () => {
  await open(workspaceFile('notes.txt'));
  await open(workspaceFile('README.md'));
  // showTextDocument resolves after the renderer created both models, which is when it sends any
  // onLanguage activation; one more round trip through the renderer lets such an activation start.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  assert(!mimLint().isActive, 'mim-lint activated for a .txt or .md file');
});

test('opening the MIM Service config activates it and shows the expected findings', async () => {
  const uri = serviceConfig();
  await open(uri);
  const diagnostics = await waitForExactly(uri, serviceFindings, 'the MIM Service config findings');
  assert(mimLint().isActive, 'findings appeared but mim-lint is not active');

  const mim101 = diagnostics.find((d) => codeOf(d) === 'MIM101');
  assert(mim101, 'no MIM101');
  assertEqual(mim101.severity, vscode.DiagnosticSeverity.Error, 'MIM101 severity');
  // The range is the <runtime> start tag (line 12, 0-based 11).
  assertEqual(
    [mim101.range.start.line, mim101.range.start.character, mim101.range.end.line, mim101.range.end.character],
    [11, 2, 11, 11],
    'MIM101 range',
  );
  for (const diagnostic of diagnostics) {
    assertEqual(diagnostic.source, 'mim-lint', 'diagnostic source');
    const code = diagnostic.code;
    assert(typeof code === 'object' && code !== null, `${codeOf(diagnostic)} has no code target (documentation link)`);
    assertEqual(code.target.toString(), `${docsBase}${code.value}.md`, `${code.value} documentation link`);
  }
});

test('the Sync config shows MIM110, and the FIPS-ready config nothing', async () => {
  const ready = readyConfig();
  await open(ready);
  const sync = syncConfig();
  await open(sync);
  await waitForExactly(sync, syncFindings, 'the Sync config finding');
  // Absence cannot be awaited as an event; the ready config was opened (and so linted) before the Sync
  // config whose findings have arrived.
  assertEqual(describe(findings(ready)), [], 'findings in the FIPS-ready MIM Service config');
});

test('the MIM110 quick fix sets the switch to false and the finding disappears', async () => {
  await checkPreferredFix(syncConfig(), 'MIM110', syncFindings, (before) =>
    before.replace('DontEnableSchUseStrongCrypto=true"', 'DontEnableSchUseStrongCrypto=false"'),
  );
});

test('the MIM101 preferred fix inserts <enforceFIPSPolicy enabled="false" /> as the first child of <runtime>', async () => {
  // The file uses CRLF and two-space indentation: the fix keeps both.
  await checkPreferredFix(serviceConfig(), 'MIM101', serviceFindings, (before) =>
    before.replace('  <runtime>\r\n', '  <runtime>\r\n    <enforceFIPSPolicy enabled="false" />\r\n'),
  );
});

/**
 * Turns a host setting "off" in the workspace settings (as the Settings editor would) and waits for the
 * open document's findings to become `findingsOff` without reopening it; then turns it back "on".
 */
async function checkHostSetting(uri: vscode.Uri, setting: string, findingsOn: string[], findingsOff: string[]): Promise<void> {
  await open(uri);
  await waitForExactly(uri, findingsOn, `the findings with ${setting} on`);
  const settings = vscode.workspace.getConfiguration('mimLint', uri);
  try {
    await settings.update(setting, 'off', vscode.ConfigurationTarget.Workspace);
    await waitForExactly(uri, findingsOff, `the findings with ${setting} off`);
  } finally {
    await settings.update(setting, 'on', vscode.ConfigurationTarget.Workspace);
  }
  await waitForExactly(uri, findingsOn, `the findings with ${setting} on again`);
}

test('setting mimLint.host.fips to "off" removes the FIPS finding without reopening the file', async () => {
  await checkHostSetting(serviceConfig(), 'host.fips', serviceFindings, serviceFindingsWithoutFips);
});

test('setting mimLint.host.tls12Only to "off" removes the TLS 1.2-only finding without reopening the file', async () => {
  await checkHostSetting(syncConfig(), 'host.tls12Only', syncFindings, []);
});
