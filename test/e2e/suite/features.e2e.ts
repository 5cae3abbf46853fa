// The editor features beyond one config's findings: registry exports, install scripts and their
// quick fix, fix-all (on save and as a command), suppression comments, the host profile inferred from
// the workspace, findings for files never opened and the project config file. Runs after
// extension.e2e.ts, so mim-lint is already active; each test leaves files and settings as it found them.
import * as vscode from 'vscode';
import { assert, assertEqual, assertText, codeOf, isExactly, test, waitForExactly, waitForFindings, waitForText } from './harness';
import {
  applyEditOf,
  checkEditThenRestore,
  checkPreferredFix,
  mimLint,
  onDisk,
  open,
  quickFixesFor,
  readyConfig,
  restore,
  serviceConfig,
  serviceFindings,
  workspaceFile,
} from './workspace';

const regFile = 'hardening/tls12-only-hardening.reg';
const installScript = () => workspaceFile('scripts/install-mimservice.cmd');
const installScriptFindings = ['11:68-11:71 MIM201 error', '20:3-20:44 MIM203 warning', '24:26-24:39 MIM208 warning'];
/** What remains of the MIM Service config after fix-all: MIM108 has no fix (only a suppression). */
const serviceFindingsAfterFixAll = ['7:12-7:53 MIM108 warning'];

/** `text` with `search` replaced by `replacement`; throws when `search` is not there exactly once. */
function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  assert(at >= 0 && text.indexOf(search, at + 1) < 0, `fixture changed: ${JSON.stringify(search)} is not in the text exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** The MIM Service config after its preferred fixes (MIM104 case, MIM105 value, MIM103 moves, MIM101). */
function fixedServiceConfig(text: string): string {
  let fixed = replaceOnce(text, '  <EnforceFIPSPolicy enabled="False" />\r\n', '');
  fixed = replaceOnce(fixed, '      <enforceFIPSPolicy enabled="false" />\r\n', '');
  return replaceOnce(fixed, '  <runtime>\r\n', '  <runtime>\r\n    <enforceFIPSPolicy enabled="false" />\r\n');
}

/** The four SCHANNEL TLS 1.1 `reg add` lines of the MIM201 fix, enabling TLS 1.1 or disabling it again. */
function tls11Lines(enabled: boolean): string {
  const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1';
  return ['Client', 'Server']
    .flatMap((side) => [
      `reg add "${key}\\${side}" /v Enabled /t REG_DWORD /d ${enabled ? 1 : 0} /f\r\n`,
      `reg add "${key}\\${side}" /v DisabledByDefault /t REG_DWORD /d ${enabled ? 0 : 1} /f\r\n`,
    ])
    .join('');
}

/** Sets a setting for the workspace (as the Settings editor would) while `body` runs, then restores it. */
async function withWorkspaceSetting(section: string, key: string, value: unknown, body: () => Promise<void>): Promise<void> {
  const settings = vscode.workspace.getConfiguration(section);
  const previous = settings.inspect(key)?.workspaceValue;
  await settings.update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    await body();
  } finally {
    await vscode.workspace.getConfiguration(section).update(key, previous, vscode.ConfigurationTarget.Workspace);
  }
}

/**
 * Runs `body` on a fresh copy of the MIM Service config (the file name is what makes it one) in a
 * scratch folder of the workspace, so the fixes it saves never reach the examples other tests use.
 * Afterwards closes its editor and deletes the folder.
 */
async function withServiceConfigCopy(folder: string, body: (uri: vscode.Uri) => Promise<void>): Promise<void> {
  const scratch = workspaceFile(`e2e-scratch-${folder}`);
  const uri = vscode.Uri.joinPath(scratch, 'Microsoft.ResourceManagement.Service.exe.config');
  await vscode.workspace.fs.copy(serviceConfig(), uri, { overwrite: true });
  try {
    await body(uri);
  } finally {
    // VS Code keeps a document an extension opened for up to 3 minutes after its editor closes, and
    // while it is open the server rightly lints the buffer, deleted file or not: so first give the copy
    // the FIPS-ready config's text, which has no findings, so that none are left behind for later tests
    // (and the screenshot's Problems panel).
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) {
      await restore(document, await onDisk(readyConfig()));
      await waitForExactly(uri, [], 'no findings in the copy once it has the FIPS-ready text');
    }
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    await vscode.window.tabGroups.close(tabs);
    await vscode.workspace.fs.delete(scratch, { recursive: true });
  }
}

/** A no-op for the text that still makes the document dirty (VS Code counts edits, not content). */
async function touch(document: vscode.TextDocument): Promise<void> {
  const end = document.positionAt(document.getText().length);
  const insert = new vscode.WorkspaceEdit();
  insert.insert(document.uri, end, ' ');
  assert(await vscode.workspace.applyEdit(insert), `could not edit ${document.uri.path}`);
  const remove = new vscode.WorkspaceEdit();
  remove.delete(document.uri, new vscode.Range(end, end.translate(0, 1)));
  assert(await vscode.workspace.applyEdit(remove), `could not edit ${document.uri.path}`);
}

test('a .reg file gets the reg language, is decoded from UTF-16LE, and the server reads it (hover; no MIM303)', async () => {
  const uri = workspaceFile(regFile);
  const { document } = await open(uri);
  assertEqual(document.languageId, 'reg', `language of ${regFile}`);
  // The file is UTF-16LE with a byte-order mark: VS Code decodes it and drops the BOM.
  assertEqual(document.lineAt(0).text, 'Windows Registry Editor Version 5.00', `first line of ${regFile}`);
  // The server reads the decoded text: the hover on TLS 1.1 Client "Enabled" states what the file leaves.
  assertEqual(document.lineAt(20).text, '"Enabled"=dword:00000000', `line 21 of ${regFile}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(20, 3));
  const text = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert(text.includes('TLS 1.1 Client, as this file leaves it: disabled'), `hover on TLS 1.1 Client Enabled: ${text}`);
  // Alone this file would get MIM303; scripts/Install-MIMSync.ps1 sets the v2.0.50727 values for the
  // workspace (issue 13), so the workspace-aware rule stays silent.
  await waitForExactly(uri, [], 'the registry export (its .NET 3.5 values come from a companion script)');
});

test('a workspace file that was never opened gets its findings (mimLint.lintWorkspace)', async () => {
  const uri = workspaceFile('scripts/Install-Prerequisites.ps1');
  const isOpen = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  assert(!isOpen(), `${uri.path} is open already, so this test would not show the workspace pass`);
  assertEqual(vscode.workspace.getConfiguration('mimLint').get('lintWorkspace'), true, 'mimLint.lintWorkspace');
  await waitForExactly(
    uri,
    ['12:66-12:77 MIM204 error', '18:50-18:58 MIM205 error', '23:70-23:78 MIM206 warning'],
    'the findings of the unopened prerequisites script',
  );
  assert(!isOpen(), `waiting for findings opened ${uri.path}`);
});

test('the install script (bat) shows MIM201, MIM203 and MIM208, and the MIM201 fix keeps TLS 1.1 on around the install', async () => {
  const uri = installScript();
  const { document } = await open(uri);
  assertEqual(document.languageId, 'bat', 'language of install-mimservice.cmd');
  await checkPreferredFix(uri, 'MIM201', installScriptFindings, (before) => {
    // Lines of their own, in the file's CRLF: enabling before msiexec, disabling after its errorlevel check.
    const reason = 'Planning MIM 2016 SP2 in TLS 1.2 or FIPS-mode environments';
    const enable = `rem MIM 2016 SP2: keep TLS 1.1 enabled during the unattended MIM Service install (Microsoft: ${reason})\r\n${tls11Lines(true)}`;
    const disable = `rem MIM 2016 SP2: enforce TLS 1.2 again after the MIM Service install\r\n${tls11Lines(false)}`;
    const check = 'if errorlevel 1 echo Install failed with %errorlevel% & exit /b %errorlevel%\r\n';
    return replaceOnce(replaceOnce(before, '\r\nmsiexec.exe /i ', `\r\n${enable}msiexec.exe /i `), check, check + disable);
  });
});

test('"Suppress MIM108 on this line" inserts a next-line directive and the finding disappears', async () => {
  const uri = serviceConfig();
  await open(uri);
  await waitForExactly(uri, serviceFindings, 'the MIM Service config findings');
  const title = 'Suppress MIM108 on this line';
  // The same list with the directive's line above MIM108: the others move down one line. Being exact,
  // it also says the XML stayed well-formed (no MIM001) and the directive is used (no MIM900).
  const findingsAfter = [
    '12:4-12:21 MIM103 error',
    '12:4-12:21 MIM104 error',
    '12:31-12:36 MIM105 warning',
    '13:3-13:12 MIM101 error',
    '16:8-16:25 MIM103 error',
  ];
  await checkEditThenRestore(
    uri,
    `"${title}" fix`,
    serviceFindings,
    async () => {
      const fixes = await quickFixesFor(uri, 'MIM108');
      const suppress = fixes.find((fix) => fix.title === title);
      assert(suppress, `no "${title}" quick fix; offered: ${JSON.stringify(fixes.map((f) => f.title))}`);
      // Never preferred: fix-all (which applies preferred fixes) must not hide problems.
      assert(!suppress.isPreferred, `"${title}" is a preferred fix`);
      await applyEditOf(suppress, `"${title}" fix`);
    },
    (before) => replaceOnce(before, '\r\n  <startup ', '\r\n  <!-- mim-lint-disable-next-line MIM108 -->\r\n  <startup '),
    isExactly(findingsAfter),
    'MIM108 suppressed and the other findings one line down',
  );
});

test('a .mimlintrc.json turning MIM108 off takes effect on the open config, and deleting it brings MIM108 back', async () => {
  const uri = serviceConfig();
  await open(uri);
  await waitForExactly(uri, serviceFindings, 'the MIM Service config findings');
  const config = workspaceFile('.mimlintrc.json');
  try {
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "MIM108": "off" } }\n'));
    await waitForExactly(
      uri,
      serviceFindings.filter((line) => !line.includes('MIM108')),
      'MIM108 gone after writing .mimlintrc.json',
    );
  } finally {
    await vscode.workspace.fs.delete(config);
  }
  await waitForExactly(uri, serviceFindings, 'MIM108 back after deleting .mimlintrc.json');
});

test('with mimLint.host.fips "auto", FIPS is inferred from the workspace and MIM101 points at the evidence', async () => {
  const uri = serviceConfig();
  await open(uri);
  await waitForExactly(uri, serviceFindings, 'the MIM Service config findings with mimLint.host.fips "on"');
  const mim101 = (diagnostics: vscode.Diagnostic[]) => diagnostics.find((d) => codeOf(d) === 'MIM101');
  // 1-based lines, as in describe(). A setting states no evidence; an inference lists it.
  const evidence = (diagnostics: vscode.Diagnostic[]) =>
    (mim101(diagnostics)?.relatedInformation ?? [])
      .map(({ location }) => `${vscode.workspace.asRelativePath(location.uri)}:${location.range.start.line + 1}`)
      .sort();
  await withWorkspaceSetting('mimLint', 'host.fips', 'auto', async () => {
    const diagnostics = await waitForFindings(
      uri,
      (d) => isExactly(serviceFindings)(d) && evidence(d).length > 0,
      'MIM101 still there with mimLint.host.fips "auto", now with related information',
    );
    assertEqual(
      evidence(diagnostics),
      [`${regFile}:47`, 'scripts/reenable-tls11-for-install.bat:17'],
      'where MIM101 says FIPS mode is enabled',
    );
  });
  await waitForFindings(uri, (d) => isExactly(serviceFindings)(d) && evidence(d).length === 0, 'MIM101 from the setting again');
  const registered = new Set(await vscode.commands.getCommands(true));
  const contributed = (mimLint().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
  assert(contributed.includes('mimLint.showHostProfile'), 'package.json contributes no mimLint.showHostProfile command');
  assertEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed commands that are not registered');
});

test('on save with source.fixAll.mimLint, the preferred fixes are applied (MIM108 stays), and a second save changes nothing', async () => {
  await withServiceConfigCopy('fix-on-save', async (uri) => {
    await withWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.mimLint': 'explicit' }, async () => {
      const { document } = await open(uri);
      await waitForExactly(uri, serviceFindings, 'the findings of the copy before saving');
      // The user's own edit (a comment after the root element), which the save must keep.
      const comment = '<!-- edited before saving -->\r\n';
      const expected = fixedServiceConfig(document.getText()) + comment;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, document.positionAt(document.getText().length), comment);
      assert(await vscode.workspace.applyEdit(edit), 'could not edit the copy');
      assert(document.isDirty, 'the copy is not dirty after an edit');

      assert(await document.save(), 'the first save failed');
      assertText(document.getText(), expected, 'text after the first save');
      assertText(await onDisk(uri), expected, 'text on disk after the first save');
      await waitForExactly(uri, serviceFindingsAfterFixAll, 'the findings after the first save');

      await touch(document);
      assert(document.isDirty, 'the copy is not dirty before the second save');
      assert(await document.save(), 'the second save failed');
      assertText(document.getText(), expected, 'text after the second save');
      assertText(await onDisk(uri), expected, 'text on disk after the second save');
    });
  });
});

test('the command "MIM Lint: Fix All Problems in File" applies the preferred fixes', async () => {
  await withServiceConfigCopy('fix-command', async (uri) => {
    const { document } = await open(uri);
    await waitForExactly(uri, serviceFindings, 'the findings of the copy');
    const expected = fixedServiceConfig(document.getText());
    // The command acts on the active editor, which open() made this one.
    await vscode.commands.executeCommand('mimLint.fixAll');
    await waitForText(document, expected, 'the text after mimLint.fixAll');
    await waitForExactly(uri, serviceFindingsAfterFixAll, 'the findings after mimLint.fixAll');
  });
});
