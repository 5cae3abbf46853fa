// "MIM Lint: Show Readiness Report": asks the server for a workspace folder's readiness checklist and
// shows it as a markdown preview. The untitled document stays, so the admin can save it and attach it
// to the change request.
import { commands, window, workspace, type Disposable, type WorkspaceFolder } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { paletteCommands, readinessReportRequest } from '../../server/src/protocol';

export function registerReadinessReport(client: LanguageClient): Disposable {
  return commands.registerCommand(paletteCommands.showReadinessReport, async () => {
    const folder = await pickFolder();
    if (!folder) return;
    if (!client.isRunning()) {
      void window.showErrorMessage('MIM Lint: the language server is not running, so no readiness report can be made.');
      return;
    }
    const markdown = await client.sendRequest(readinessReportRequest, { folderUri: folder.uri.toString() });
    if (!markdown) {
      void window.showErrorMessage(`MIM Lint could not build the readiness report of ${folder.name}; see the MIM Lint output.`);
      return;
    }
    const document = await workspace.openTextDocument({ language: 'markdown', content: markdown });
    await commands.executeCommand('markdown.showPreview', document.uri);
  });
}

/** The only folder, or the one the user picks; none without a workspace. */
async function pickFolder(): Promise<WorkspaceFolder | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showInformationMessage('MIM Lint: open a folder of MIM files to get its readiness report.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return window.showWorkspaceFolderPick({ placeHolder: 'Readiness report of which folder?' });
}
