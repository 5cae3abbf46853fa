// The palette commands run as a user runs them, each result checked: Create Config File, a broken
// .mimlintrc.json (MIM901), Show Readiness Report, Lint Workspace, and `mimLint.run: onSave`. Runs after
// features.e2e.ts (mim-lint is active); each test puts back what it changes.
import * as vscode from 'vscode';
import { assert, assertEqual, codeOf, describe, findings, test, waitForExactly, waitForFindings } from './harness';
import { onDisk, open, readyConfig, restore, serviceConfig, serviceFindings, workspaceFile } from './workspace';
import { paletteCommands, projectConfigFileName, starterConfigText } from '../../../server/src/protocol';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Closes the editors showing `uri` and deletes the file, then waits for the service config's findings as before. */
async function removeProjectConfig(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
  await vscode.window.tabGroups.close(tabs);
  if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  await open(serviceConfig());
  await waitForExactly(serviceConfig(), serviceFindings, `the service config findings once ${projectConfigFileName} is gone`);
}

/** Resolves with the next document opened whose text satisfies `accept`; bounded. */
function nextOpenedDocument(accept: (document: vscode.TextDocument) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!accept(document)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no ${what} opened within ${timeoutMs / 1000}s`));
    }, timeoutMs);
  });
}

test('Create Config File writes the commented starter .mimlintrc.json, opens it, and never overwrites one', async () => {
  const uri = workspaceFile(projectConfigFileName);
  assert(!(await exists(uri)), `${uri.path} exists before the test`);
  try {
    await vscode.commands.executeCommand(paletteCommands.createConfigFile);
    assertEqual(await onDisk(uri), starterConfigText, `${projectConfigFileName} on disk`);
    assertEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the editor shows the new file');
    // A second run leaves the (edited) file alone; its warning waits for a click, so it is not awaited.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{ "rules": { "MIM106": "off" } }\n'));
    void vscode.commands.executeCommand(paletteCommands.createConfigFile);
    await waitForExactly(uri, [], 'no MIM901 on the edited config');
    assertEqual(await onDisk(uri), '{ "rules": { "MIM106": "off" } }\n', `${projectConfigFileName} after a second Create Config File`);
  } finally {
    await removeProjectConfig(uri);
  }
});

test('a broken .mimlintrc.json gets MIM901 errors, unopened, and they go when it is fixed', async () => {
  const uri = workspaceFile(projectConfigFileName);
  const broken = '{\n  // CHG-4711\n  "host": { "fips": "yes" },\n  "rules": { "MIM999": "off" },\n}\n';
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(broken));
    const diagnostics = await waitForFindings(uri, (d) => d.length >= 2 && d.every((x) => codeOf(x) === 'MIM901'), 'two MIM901 findings');
    assert(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'MIM901 is an error');
    assertEqual(diagnostics.map((d) => d.range.start.line).sort(), [2, 3], 'MIM901 lines (the bad value and the unknown rule)');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{ "host": { "fips": "on" } }\n'));
    await waitForExactly(uri, [], 'no MIM901 once the file is valid');
  } finally {
    await removeProjectConfig(uri);
  }
});

test('Show Readiness Report opens the checklist of the workspace folder as markdown', async () => {
  const opened = nextOpenedDocument((d) => d.languageId === 'markdown' && d.isUntitled, 'untitled markdown report');
  await vscode.commands.executeCommand(paletteCommands.showReadinessReport);
  const report = (await opened).getText();
  assert(report.startsWith('# MIM 2016 SP2 readiness: TLS 1.2 and FIPS mode'), `report heading: ${report.slice(0, 80)}`);
  assert(report.includes('enforceFIPSPolicy'), 'the report has the enforceFIPSPolicy item');
  assert(report.includes('mim-service/Microsoft.ResourceManagement.Service.exe.config'), 'the report links the MIM Service config');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('Lint Workspace lints every file again, unopened ones included', async () => {
  const unopened = workspaceFile('scripts/Install-Prerequisites.ps1');
  const expected = ['12:66-12:77 MIM204 error', '18:50-18:58 MIM205 error', '23:70-23:78 MIM206 warning'];
  await waitForExactly(unopened, expected, 'the unopened script before the command');
  // The pass publishes every file again; the command resolves when the server answered.
  const republished = new Promise<void>((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((uri) => uri.toString() === unopened.toString())) return;
      subscription.dispose();
      resolve();
    });
  });
  await vscode.commands.executeCommand(paletteCommands.lintWorkspace);
  await Promise.race([republished, new Promise((_, reject) => setTimeout(() => reject(new Error('the unopened script was not published again')), 15_000))]);
  await waitForExactly(unopened, expected, 'the unopened script after Lint Workspace');
});

test('mimLint.run onSave: an edit leaves the findings alone, saving updates them', async () => {
  const settings = vscode.workspace.getConfiguration('mimLint');
  const scratch = workspaceFile('e2e-scratch-on-save');
  const uri = vscode.Uri.joinPath(scratch, 'Microsoft.ResourceManagement.Service.exe.config');
  const barrier = vscode.Uri.joinPath(scratch, 'sync', 'miiserver.exe.config');
  await vscode.workspace.fs.copy(serviceConfig(), uri, { overwrite: true });
  await settings.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
  // This workbench saves edited files after a delay by default; the test saves itself.
  const files = vscode.workspace.getConfiguration('files');
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  try {
    const editor = await open(uri);
    const findingsBefore = await waitForExactly(uri, serviceFindings, 'the copy linted when opened');
    const document = editor.document;
    const before = document.getText();
    // The findings at every diagnostics event for the copy while it is dirty: a lint of the unsaved edit
    // would drop MIM101 (a late re-publish of the saved text's findings may come, and is no such lint).
    const dirtyEvents: string[][] = [];
    const watch = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && document.isDirty) dirtyEvents.push(describe(findings(uri)));
    });
    try {
      const runtime = document.positionAt(before.indexOf('<runtime>') + '<runtime>'.length);
      assert(await editor.edit((edit) => edit.insert(runtime, '\r\n    <enforceFIPSPolicy enabled="false" />')), 'could not type into the copy');
      // A barrier later than the 150 ms debounce: a new file on disk reaches the server through the file
      // watcher and the workspace pass; its findings arriving means a lint of the edit would have too.
      await vscode.workspace.fs.copy(workspaceFile('sync/miiserver.exe.config'), barrier, { overwrite: true });
      await waitForExactly(barrier, ['4:39-4:90 MIM110 warning'], 'the barrier file linted by the workspace pass');
      const changed = dirtyEvents.filter((seen) => JSON.stringify(seen) !== JSON.stringify(describe(findingsBefore)));
      assertEqual(changed, [], 'findings that changed while the edit was unsaved');
      assert(findings101(uri), `MIM101 still there before the save; findings now: ${JSON.stringify(describe(findings(uri)))}, dirty ${document.isDirty}, text has the edit ${document.getText().includes('<runtime>\r\n    <enforceFIPSPolicy')}`);
      assert(await document.save(), 'could not save the copy');
      await waitForFindings(uri, (d) => !d.some((x) => codeOf(x) === 'MIM101'), 'MIM101 gone after the save');
    } finally {
      watch.dispose();
      await restore(document, await onDisk(readyConfig()));
    }
  } finally {
    await settings.update('run', undefined, vscode.ConfigurationTarget.Workspace);
    await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(scratch, { recursive: true });
  }
});

function findings101(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'MIM101');
}
