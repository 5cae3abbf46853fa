// Loaded last (see index.ts): the extension host stops when the tests end, and with it the findings
// this scene shows, so nothing may run after it.
import { existsSync, rmSync, watch } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { test, waitForExactly } from './harness';
import { open, serviceConfig, serviceFindings } from './workspace';

/** Log prefix test/e2e/code-server-electron.mjs watches for; the rest of the line is the PNG path. */
const screenshotRequest = 'mim-lint-e2e:screenshot:';

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
