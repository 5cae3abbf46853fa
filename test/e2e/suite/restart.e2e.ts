// The language server dies (killed, as an out-of-memory kill would): the extension says so in a
// notification the user sees, starts it again, and findings follow edits as before. The notification is
// read off the real workbench page by the runner (test/e2e/code-server-electron.mjs), asked through the
// log like the screenshot.
import { existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import { join } from 'node:path';
import { assert, codeOf, test, waitForExactly, waitForFindings } from './harness';
import { open, restore, serviceConfig, serviceFindings } from './workspace';

/** Log prefix the runner watches for: `<file>|<text>`; it writes the notifications it sees once `text` shows. */
const notificationsRequest = 'mim-lint-e2e:notifications:';

/** The language server: this extension host's child process running dist/server.js. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name in parentheses: state, then the parent's pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** The notifications the runner saw on the page once one contained `text`; bounded. */
function notificationsShowing(text: string, timeoutMs = 20_000): Promise<string[]> {
  const file = join(tmpdir(), `notifications-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    const watcher = watch(tmpdir(), () => check());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`no notification containing "${text}" within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    function check(): void {
      if (!existsSync(file)) return;
      clearTimeout(timer);
      watcher.close();
      resolve(JSON.parse(readFileSync(file, 'utf8')) as string[]);
    }
    console.log(`${notificationsRequest}${file}|${text}`);
    check();
  });
}

test('a killed language server is restarted, the user is told, and findings follow edits again', async () => {
  const uri = serviceConfig();
  const editor = await open(uri);
  await waitForExactly(uri, serviceFindings, 'the findings before the kill');
  const [pid, ...others] = serverPids();
  assert(pid !== undefined && others.length === 0, `expected one language server process, found ${JSON.stringify([pid, ...others])}`);
  process.kill(pid, 'SIGKILL');
  // The list shows every notification, and the new one as it arrives.
  await vscode.commands.executeCommand('notifications.showList');

  const restarted = 'The MIM Lint server stopped unexpectedly and was restarted.';
  const shown = await notificationsShowing(restarted);
  assert(shown.some((message) => message.includes(restarted)), `notifications on the page: ${JSON.stringify(shown)}`);
  await vscode.commands.executeCommand('notifications.hideList');

  // A working server again: a policy element typed into <runtime> clears MIM101.
  const document = editor.document;
  const before = document.getText();
  try {
    const runtime = document.positionAt(before.indexOf('<runtime>') + '<runtime>'.length);
    assert(await editor.edit((edit) => edit.insert(runtime, '<enforceFIPSPolicy enabled="false"/>')), 'could not type into the config');
    await waitForFindings(uri, (diagnostics) => !diagnostics.some((d) => codeOf(d) === 'MIM101'), 'MIM101 to go after the edit (the restarted server lints)');
    assert(serverPids().some((next) => next !== pid), 'no new language server process');
  } finally {
    await restore(document, before);
  }
  await waitForExactly(uri, serviceFindings, 'the findings back after restoring the file');
});
