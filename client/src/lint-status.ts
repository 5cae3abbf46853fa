// A second language status item for the workspace pass: "linting…" while it runs, then how many files
// the last pass linted and how long it took, so a slow or stuck pass is visible rather than silent.
import { languages, type DocumentSelector, type Disposable, LanguageStatusSeverity } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { paletteCommands, workspaceLintStatusNotification } from '../../server/src/protocol';

export function registerLintStatus(client: LanguageClient, selector: DocumentSelector): Disposable[] {
  const item = languages.createLanguageStatusItem('mimLint.workspaceLint', selector);
  item.name = 'MIM Lint workspace pass';
  item.text = 'MIM Lint';
  item.command = { title: 'Lint Workspace', command: paletteCommands.lintWorkspace };
  const listener = client.onNotification(workspaceLintStatusNotification, (status) => {
    item.busy = status.running;
    item.severity = LanguageStatusSeverity.Information;
    if (status.running) item.text = 'MIM Lint: linting the workspace…';
    else if (status.files !== undefined && status.milliseconds !== undefined) {
      item.text = `MIM Lint: ${status.files} ${status.files === 1 ? 'file' : 'files'} in ${(status.milliseconds / 1000).toFixed(1)} s`;
      item.detail = 'last workspace pass (only changed files are linted again)';
    }
  });
  return [item, listener];
}
