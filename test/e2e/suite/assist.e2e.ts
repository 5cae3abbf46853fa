// Editor assistance in the real VS Code, through the same commands the editor's UI calls: completion
// of feature names after ADDLOCAL= (exact names, the comma list honoured), hover on an msiexec
// property, and the inline TLS state (inlay hints) on MIM installs, from the script itself and from
// the wrapper that calls it. Read-only: no file or setting is changed.
import * as vscode from 'vscode';
import { assert, assertEqual, test, waitForFindings } from './harness';
import { open, workspaceFile } from './workspace';

const installScript = () => workspaceFile('scripts/install-mimservice.cmd');
const wrappedScript = () => workspaceFile('scripts/install-mimservice-wrapped.cmd');

/** The editor has the document and the server has linted it (its diagnostics arrived at least once). */
async function openLinted(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const editor = await open(uri);
  await waitForFindings(uri, () => true, 'the first lint');
  return editor.document;
}

function positionAfter(document: vscode.TextDocument, search: string): vscode.Position {
  const at = document.getText().indexOf(search);
  assert(at >= 0, `fixture changed: ${JSON.stringify(search)} is not in ${document.uri.path}`);
  return document.positionAt(at + search.length);
}

/** mim-lint's feature items (other providers, such as word completion, add items of other kinds), in its order. */
async function featureItems(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items
    .filter((item) => item.kind === vscode.CompletionItemKind.EnumMember)
    .sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

test('completion after ADDLOCAL= lists the Service and Portal features by exact name; a comma list leaves out those chosen', async () => {
  const document = await openLinted(installScript());
  assertEqual(
    await featureItems(document.uri, positionAfter(document, 'ADDLOCAL=')),
    ['ALL', 'CommonServices', 'WebPortals', 'RegistrationPortal', 'ResetPortal', 'PAMServices', 'FIMReporting', 'ConfigurationBackup', 'SQMFeatureOptinRegistrySetting', 'ServerComponents'],
    'features after ADDLOCAL=',
  );
  assertEqual(
    await featureItems(document.uri, positionAfter(document, 'ADDLOCAL=CommonServices,WebPortals,')),
    ['RegistrationPortal', 'ResetPortal', 'PAMServices', 'FIMReporting', 'ConfigurationBackup', 'SQMFeatureOptinRegistrySetting', 'ServerComponents'],
    'features after CommonServices,WebPortals,',
  );
});

test('hover on an msiexec property shows what it does, its values and where it was seen', async () => {
  const document = await openLinted(installScript());
  const position = positionAfter(document, 'ACCEPT_');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  const ours = texts.find((text) => text.startsWith('**ACCEPT_EULA**'));
  assertEqual(
    ours,
    '**ACCEPT_EULA** (Service and Portal.msi)\n\n1 accepts the licence terms; required unattended (seen in several public install scripts, seen in xMIMDsc, seen in a public command-line generator).\n\nValues: 0 or 1.',
    'hover text on ACCEPT_EULA',
  );
});

async function hintsOf(document: vscode.TextDocument): Promise<Array<{ line: number; character: number; label: string }>> {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
  return hints.map((hint) => ({
    line: hint.position.line,
    character: hint.position.character,
    label: typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''),
  }));
}

test('inlay hint: the TLS 1.1 state before the install and the line that set it, or the wrapper that calls the script', async () => {
  const document = await openLinted(installScript());
  // The same state MIM201 reports on this install: disabled by the script's own reg add lines.
  assertEqual(await hintsOf(document), [{ line: 10, character: 0, label: 'TLS 1.1 off — set at line 9' }], 'hints in install-mimservice.cmd');
  const wrapped = await openLinted(wrappedScript());
  const install = positionAfter(wrapped, '\nmsiexec');
  assertEqual(
    await hintsOf(wrapped),
    [{ line: install.line, character: 0, label: 'TLS 1.1 on (wrapper reenable-tls11-for-install.bat:11)' }],
    'hints in install-mimservice-wrapped.cmd',
  );
});
