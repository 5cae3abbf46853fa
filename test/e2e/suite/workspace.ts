// What the test files share: the workspace's files and their expected findings, opening documents,
// applying quick fixes as the light bulb would, and putting a document back as it is on disk.
// The workspace is a copy of examples/ with `.vscode/settings.json` setting mimLint.host.fips and
// mimLint.host.tls12Only to "on" (written by test/e2e/run.mjs), plus notes.txt. Expected findings are
// those of examples/README.md / the CLI on the same files (1-based line:column).
import * as vscode from 'vscode';
import { assert, assertEqual, assertText, codeOf, describe, findings, waitForExactly, waitForFindings } from './harness';

export const extensionId = 'mim-lint.mim-lint';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'the workbench opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export const serviceConfig = () => workspaceFile('mim-service/Microsoft.ResourceManagement.Service.exe.config');
export const readyConfig = () => workspaceFile('mim-service-ready/Microsoft.ResourceManagement.Service.exe.config');
export const syncConfig = () => workspaceFile('sync/miiserver.exe.config');

export const serviceFindings = [
  '7:12-7:53 MIM108 warning',
  '11:4-11:21 MIM103 error',
  '11:4-11:21 MIM104 error',
  '11:31-11:36 MIM105 warning',
  '12:3-12:12 MIM101 error',
  '15:8-15:25 MIM103 error',
];
export const serviceFindingsWithoutFips = serviceFindings.filter((line) => !line.includes('MIM101'));
export const syncFindings = ['4:39-4:90 MIM110 warning'];

export function mimLint(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert(extension, `${extensionId} is not installed in this workbench`);
  return extension;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * The quick fixes (code actions with an edit) VS Code offers at the range of the document's `code`
 * finding, as the light bulb would list them. The command's result does not carry the actions'
 * `diagnostics`, so the finding is singled out by its range: the ranges used here hold one finding
 * each, which is checked.
 */
export async function quickFixesFor(uri: vscode.Uri, code: string): Promise<vscode.CodeAction[]> {
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
  return actions.filter((action): action is vscode.CodeAction => 'edit' in action || 'isPreferred' in action);
}

export async function applyEditOf(fix: vscode.CodeAction, what: string): Promise<void> {
  assert(fix.edit, `the ${what} has no edit`);
  assert(await vscode.workspace.applyEdit(fix.edit), `workspace.applyEdit refused the ${what}`);
}

/** Applies the one preferred quick fix for the document's `code` finding (as "Auto Fix" would). */
export async function applyPreferredFix(uri: vscode.Uri, code: string): Promise<void> {
  const fixes = await quickFixesFor(uri, code);
  const preferred = fixes.filter((fix) => fix.isPreferred);
  assert(
    preferred.length === 1 && preferred[0].edit,
    `expected one preferred quick fix with an edit for ${code}; offered: ${JSON.stringify(fixes.map((f) => [f.title, f.isPreferred]))}`,
  );
  await applyEditOf(preferred[0], `${code} fix`);
}

/** Reads a file as saved on disk (not the editor's buffer). */
export async function onDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Puts the document back to `text` and saves it, so later tests see the file as on disk. An edit rather
 * than the revert command: that one acts on whichever editor the renderer has active, which raced.
 */
export async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.path}`);
  assertText(document.getText(), text, `text of ${document.uri.path} after restoring it`);
  if (await document.save()) return;
  // Seen once in about ten runs (in the MIM201 test): save() answered false with no error logged. Say so
  // in the log and try once more; what later tests need is the text on disk and a clean buffer.
  console.log(`restore: saving ${document.uri.path} answered false (dirty: ${document.isDirty}); saving again`);
  const saved = await document.save();
  const disk = await onDisk(document.uri);
  assert(
    disk === text && !document.isDirty,
    `could not save ${document.uri.path}: save() answered ${saved}, dirty ${document.isDirty}, the file on disk ${disk === text ? 'has' : 'does not have'} the restored text`,
  );
}

/**
 * Applies an edit (a quick fix) to the document, checks the exact resulting text and that its findings
 * become `findingsAfter`, then restores the document and waits for `findingsBefore` again, so later
 * tests see the file as it is on disk.
 */
export async function checkEditThenRestore(
  uri: vscode.Uri,
  what: string,
  findingsBefore: string[],
  apply: () => Promise<void>,
  expectedText: (before: string) => string,
  findingsAfter: (diagnostics: vscode.Diagnostic[]) => boolean,
  findingsAfterWhat: string,
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await waitForExactly(uri, findingsBefore, `the findings before the ${what}`);
  const before = document.getText();
  const expected = expectedText(before);
  assert(expected !== before, `fixture changed: the ${what} expectation does not apply to ${uri.path}`);
  try {
    await apply();
    assertText(document.getText(), expected, `text after the ${what}`);
    await waitForFindings(uri, findingsAfter, findingsAfterWhat);
  } finally {
    // Even after a failure: later tests expect the file as on disk.
    if (document.getText() !== before) await restore(document, before);
  }
  await waitForExactly(uri, findingsBefore, `the findings back after reverting the ${what}`);
}

/** The preferred quick fix for `code`: exact text, the finding goes away, then the file is restored. */
export function checkPreferredFix(
  uri: vscode.Uri,
  code: string,
  findingsBefore: string[],
  expectedText: (before: string) => string,
): Promise<void> {
  return checkEditThenRestore(
    uri,
    `${code} fix`,
    findingsBefore,
    () => applyPreferredFix(uri, code),
    expectedText,
    (d) => !d.some((x) => codeOf(x) === code),
    `${code} to disappear after its fix`,
  );
}
