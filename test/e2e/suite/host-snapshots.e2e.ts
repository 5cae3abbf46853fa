// Host snapshots in the workbench: "MIM Lint: Copy Host Evidence Collector" opens the batch file the
// server ships in a new editor, byte for byte (CRLF kept), and puts the same text on the clipboard.
// Runs after features.e2e (mim-lint is active by then).
import * as vscode from 'vscode';
import { assert, assertEqual, test } from './harness';

test('"Copy Host Evidence Collector" opens collect-host-evidence.cmd in a new bat editor (CRLF kept) and on the clipboard', async () => {
  await vscode.commands.executeCommand('mimLint.copyHostEvidenceCollector');
  const document = vscode.window.activeTextEditor?.document;
  assert(document !== undefined, 'no active editor after the command');
  assertEqual(document.isUntitled, true, 'the collector is a new untitled document');
  assertEqual(document.languageId, 'bat', 'language of the collector editor');
  assertEqual(document.eol, vscode.EndOfLine.CRLF, 'line ends of the collector editor');
  const text = document.getText();
  assert(text.startsWith('@echo off\r\n'), `the collector starts with "@echo off": ${JSON.stringify(text.slice(0, 40))}`);
  assertEqual(await vscode.env.clipboard.readText(), text, 'the clipboard holds the same text');
  assert(/^reg export "HKLM\\SOFTWARE\\Microsoft\\SQLNCLI11" /m.test(text), 'the collector exports SQLNCLI11');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});
