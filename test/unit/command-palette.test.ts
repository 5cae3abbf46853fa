// The command palette lists each MIM Lint command only where it can do something: the workspace
// commands with a folder open, the file commands for the files the engine reads. Every contributed
// command needs its entry, so a new command cannot appear everywhere by omission.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileKindOf } from '../../server/src/engine/index';

const contributes = JSON.parse(readFileSync('package.json', 'utf8')).contributes;
const palette: { command: string; when?: string }[] = contributes.menus.commandPalette;
const whenOf = (command: string) => palette.find((entry) => entry.command === command)?.when ?? '';

test('every contributed command has one command palette entry with a when clause', () => {
  const commands: string[] = contributes.commands.map((c: { command: string }) => c.command);
  for (const command of commands) {
    const entries = palette.filter((entry) => entry.command === command);
    assert.equal(entries.length, 1, `${command}: add one contributes.menus.commandPalette entry with a "when" clause`);
    assert.match(entries[0].when ?? '', /\S/, `${command}: its commandPalette entry needs a "when" clause`);
  }
  assert.deepEqual(palette.map((entry) => entry.command).filter((command) => !commands.includes(command)), [], 'entries for commands that do not exist');
});

test('workspace commands need a folder; Show Host Profile also works for a MIM file opened alone', () => {
  for (const command of ['mimLint.showReadinessReport', 'mimLint.lintWorkspace', 'mimLint.createConfigFile']) {
    assert.equal(whenOf(command), 'workspaceFolderCount > 0', command);
  }
  assert.match(whenOf('mimLint.showHostProfile'), /^workspaceFolderCount > 0 \|\| /);
});

/** The `resourceExtname =~ /…/flags` test of a when clause, as a RegExp (VS Code's syntax is JavaScript's). */
function extnamePattern(when: string): RegExp {
  const match = /resourceExtname =~ \/(.+?)\/([a-z]*)(?:\s|$)/.exec(when);
  assert.ok(match, `no resourceExtname =~ /…/ in ${when}`);
  return new RegExp(match[1], match[2]);
}

test('Fix All is offered for exactly the file kinds the engine lints, in any case, and not for read-only editors', () => {
  const when = whenOf('mimLint.fixAll');
  assert.match(when, /!activeEditorIsReadonly/);
  assert.match(when, /resourceScheme == file/);
  const extname = extnamePattern(when);
  const names = [
    'Microsoft.ResourceManagement.Service.exe.config',
    'MIISERVER.EXE.CONFIG',
    'web.config',
    'Install-MIMService.cmd',
    'setup.BAT',
    'Install-Prerequisites.ps1',
    'MimDeploy.psm1',
    'tls12-only-hardening.reg',
    'MIM-Hardening.inf',
    '.mimlintrc.json',
    'notes.txt',
    'Install-MIMService.ps1.bak',
    'settings.xml',
    'README.md',
  ];
  for (const name of names) {
    const ext = name.slice(name.lastIndexOf('.'));
    assert.equal(extname.test(ext), fileKindOf(name) !== undefined, `${name}: the palette and the engine disagree`);
  }
  // The same list in Show Host Profile's file condition.
  assert.equal(extnamePattern(whenOf('mimLint.showHostProfile')).source, extname.source);
});
