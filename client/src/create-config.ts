// "MIM Lint: Create Config File": a commented starter .mimlintrc.json in a workspace folder's root
// (asking which folder in a multi-root workspace), opened for editing. An existing file is never
// overwritten: it is opened instead.
import { Uri, window, workspace } from 'vscode';
import { projectConfigFileName, starterConfigText } from '../../server/src/protocol';

export async function createConfigFile(): Promise<void> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showWarningMessage(`Open a folder first: ${projectConfigFileName} belongs in a workspace folder.`);
    return;
  }
  const folder =
    folders.length === 1 ? folders[0] : await window.showWorkspaceFolderPick({ placeHolder: `Create ${projectConfigFileName} in which folder?` });
  if (!folder) return;
  const uri = Uri.joinPath(folder.uri, projectConfigFileName);
  if (await exists(uri)) {
    const choice = await window.showWarningMessage(`${folder.name} already has a ${projectConfigFileName}; it was not overwritten.`, 'Open It');
    if (choice === 'Open It') await window.showTextDocument(uri);
    return;
  }
  await workspace.fs.writeFile(uri, new TextEncoder().encode(starterConfigText));
  await window.showTextDocument(uri);
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
