// "MIM Lint: Copy Host Evidence Collector": the server's collect-host-evidence.cmd, copied to the
// clipboard and opened as a new untitled batch file (CRLF kept), for the admin to save and run on
// each MIM server. The text comes from the server, which ships it; the client only shows it.
import { commands, env, window, workspace, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { collectorRequest, paletteCommands } from '../../server/src/protocol';

export function registerCollectorCommand(client: LanguageClient): Disposable {
  return commands.registerCommand(paletteCommands.copyHostEvidenceCollector, async () => {
    if (!client.isRunning()) {
      void window.showErrorMessage('MIM Lint: the language server is not running; run `mim-lint collector` from a terminal instead.');
      return;
    }
    const collector = await client.sendRequest(collectorRequest);
    await env.clipboard.writeText(collector.text);
    const document = await workspace.openTextDocument({ language: 'bat', content: collector.text });
    await window.showTextDocument(document);
    void window.showInformationMessage(
      `MIM Lint: the host evidence collector is on the clipboard and in a new editor. Save it as ${collector.fileName}, run it elevated on each MIM server, and open the <server>-evidence folders here.`,
    );
  });
}
