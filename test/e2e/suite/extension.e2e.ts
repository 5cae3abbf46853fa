// What a user of the packaged extension sees in a real VS Code workbench (code-server), driven through
// the `vscode` API only. The workspace is a copy of examples/ with `.vscode/settings.json` setting
// mimLint.host.fips and mimLint.host.tls12Only to "on" (written by test/e2e/run.mjs), plus notes.txt.
// Expected findings are those of examples/README.md / the CLI on the same files (1-based line:column).
import { existsSync, readdirSync, rmSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { assert, assertEqual, codeOf, describe, findings, test, waitForExactly, waitForFindings } from './harness';

const extensionId = 'mim-lint.mim-lint';
/** Log prefix test/e2e/code-server-electron.mjs watches for; the rest of the line is the PNG path. */
const screenshotRequest = 'mim-lint-e2e:screenshot:';
const docsBase = 'https://github.com/mim-lint/mim-lint/blob/main/docs/rules/';

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'the workbench opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

const serviceConfig = () => workspaceFile('mim-service/Microsoft.ResourceManagement.Service.exe.config');
const readyConfig = () => workspaceFile('mim-service-ready/Microsoft.ResourceManagement.Service.exe.config');
const syncConfig = () => workspaceFile('sync/miiserver.exe.config');

const serviceFindings = [
  '7:12-7:53 MIM108 warning',
  '11:4-11:21 MIM103 error',
  '11:4-11:21 MIM104 error',
  '11:31-11:36 MIM105 warning',
  '12:3-12:12 MIM101 error',
  '15:8-15:25 MIM103 error',
];
const serviceFindingsWithoutFips = serviceFindings.filter((line) => !line.includes('MIM101'));
const syncFindings = ['4:39-4:90 MIM110 warning'];

function mimLint(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert(extension, `${extensionId} is not installed in this workbench`);
  return extension;
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Applies the preferred quick fix VS Code offers at the finding's range (as the lightbulb would). The
 * command's result does not carry the actions' `diagnostics`, so the finding is singled out by its range:
 * the ranges used here hold one finding each, which is checked.
 */
async function applyPreferredFix(uri: vscode.Uri, code: string): Promise<void> {
  const diagnostic = findings(uri).find((d) => codeOf(d) === code);
  assert(diagnostic, `no ${code} finding to fix in ${uri.path}`);
  const others = findings(uri).filter((d) => d !== diagnostic && d.range.intersection(diagnostic.range));
  assertEqual(describe(others), [], `other findings overlapping ${code}`);
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  const fixes = actions.filter((action): action is vscode.CodeAction => 'edit' in action || 'isPreferred' in action);
  const preferred = fixes.filter((fix) => fix.isPreferred);
  assert(
    preferred.length === 1 && preferred[0].edit,
    `expected one preferred quick fix with an edit for ${code}; offered: ${JSON.stringify(fixes.map((f) => [f.title, f.isPreferred]))}`,
  );
  assert(await vscode.workspace.applyEdit(preferred[0].edit!), `workspace.applyEdit refused the ${code} fix`);
}

/** Resolves when `path` exists (the runner renames the finished PNG into place); bounded. */
function waitForFile(path: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dirname(path), () => check());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`the runner did not write ${path} within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    function check(): void {
      if (!existsSync(path)) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
    check();
  });
}

/**
 * Puts the document back to `text` and saves it, so later tests see the file as on disk. An edit rather
 * than the revert command: that one acts on whichever editor the renderer has active, which raced.
 */
async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.path}`);
  assertEqual(document.getText(), text, `text of ${document.uri.path} after restoring it`);
  assert(await document.save(), `could not save ${document.uri.path}`);
}

/** Relative paths the manifest points at (main, icon, grammars, language configurations, JSON schemas). */
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

/**
 * Applies the preferred quick fix for `code`, checks the exact resulting text and that the finding went
 * away, then restores the document and waits for the findings to come back, so later tests see the file
 * as it is on disk.
 */
async function checkPreferredFix(
  uri: vscode.Uri,
  code: string,
  findingsBefore: string[],
  expectedText: (before: string) => string,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await waitForExactly(uri, findingsBefore, `the findings before the ${code} fix`);
  const before = document.getText();
  const expected = expectedText(before);
  assert(expected !== before, `fixture changed: the ${code} expectation does not apply to ${uri.path}`);
  await applyPreferredFix(uri, code);
  assertEqual(document.getText(), expected, `text after the ${code} fix`);
  await waitForFindings(uri, (d) => !d.some((x) => codeOf(x) === code), `${code} to disappear after its fix`);
  await restore(document, before);
  await waitForExactly(uri, findingsBefore, `the findings back after reverting the ${code} fix`);
}

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

// Not a check: sets up the view docs/images/problems-panel.png shows. With `npm run test:e2e --
// --screenshot` the runner sets MIM_LINT_E2E_SCREENSHOT; the test then asks the runner (through the log)
// to photograph the page and waits for the file, because once the tests end the extension host stops and
// the findings leave the Problems panel.
test('scene for the screenshot: the MIM Service config with the Problems panel open', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  const uri = serviceConfig();
  const editor = await open(uri);
  await waitForExactly(uri, serviceFindings, 'the findings for the screenshot');
  editor.selection = new vscode.Selection(11, 2, 11, 2);
  editor.revealRange(new vscode.Range(0, 0, 16, 0), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const target = process.env.MIM_LINT_E2E_SCREENSHOT;
  if (target) {
    // The previous picture would satisfy the wait below at once.
    rmSync(target, { force: true });
    console.log(`${screenshotRequest}${target}`);
    await waitForFile(target, 20_000);
  }
});
