// collect-host-evidence.cmd as shipped: read with the product's own cmd reader, every `reg export`
// names a key of facts §9.5 (and all of them are exported), every output path is quoted, the file has
// Windows line ends, and mim-lint finds nothing in it even on a FIPS, TLS 1.2-only host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectorFileName, collectorScript } from '../../../server/src/collector/index';
import { snapshotKeys, uninstallKeys } from '../../../server/src/engine/host/snapshot/keys';
import { readScript } from '../../../server/src/engine/script/read-script';
import { lint } from '../../../server/src/engine/index';
import { hosts } from '../helpers';

const model = readScript('cmd', collectorScript, collectorFileName);
const exports = model.commands.filter((command) => command.name === 'reg' && command.args[0]?.text.toLowerCase() === 'export');
/** The reader keeps redirections (`>nul`, `2>`) among the arguments. */
const redirection = /^\d?>/;
/** `%%K` (a for variable) reads as `%K`: the only key not written out. */
const written = (command: (typeof exports)[number]) => !command.args[1].text.startsWith('%');

test('every reg export names a §9.5 key, and every §9.5 key is exported once', () => {
  const named = exports.filter(written).map((command) => command.args[1].text);
  assert.deepEqual(named, snapshotKeys.map((key) => `HKLM\\${key.path}`));
  // The one export of a computed key: each Uninstall entry `reg query` finds under the two Uninstall keys.
  const computed = exports.filter((command) => !written(command));
  assert.deepEqual(computed.map((command) => collectorScript.slice(command.args[1].start, command.args[1].end)), ['"%%K"']);
  const loop = /^for %%U in \((.*)\) do \($/m.exec(collectorScript);
  assert.deepEqual(loop?.[1].split(' ').map((key) => key.replace(/"/g, '')), uninstallKeys.map((key) => `HKLM\\${key}`));
  assert.match(collectorScript, /'reg query %%U \/s \/f "Identity Manager" \/d \/reg:64 2\^>nul'/);
});

test('each export writes UTF-16LE .reg (reg export\'s own format) to a quoted path in the evidence folder', () => {
  for (const command of exports) {
    const target = command.args[2];
    assert.ok(target.quoted, `quoted: ${collectorScript.slice(command.start, command.end)}`);
    assert.match(collectorScript.slice(target.start, target.end), /^"%OUT%\\[^"]+\.reg"$/);
    assert.match(target.text, /%COMPUTERNAME%-evidence\\[^\\]+\.reg$/, 'the evidence folder, expanded by the reader');
    assert.deepEqual(command.args.slice(3).filter((arg) => !redirection.test(arg.text)).map((arg) => arg.text.toLowerCase()), ['/y', '/reg:64']);
  }
  assert.deepEqual(
    exports.filter(written).map((command) => command.args[2].text.replace(/^.*\\/, '')),
    snapshotKeys.map((key) => key.file),
    'the file names the fixtures and the docs use',
  );
});

test('every redirection and copy target is quoted (paths with spaces, such as Program Files)', () => {
  const code = collectorScript.split('\r\n').filter((line) => !/^\s*rem\b/i.test(line)).join('\r\n');
  const redirections = [...code.matchAll(/(?<![0-9^])>>?\s*([^\s&]+)/g)].map((match) => match[1]);
  assert.ok(redirections.length >= 8, String(redirections.length));
  for (const target of redirections) assert.match(target, /^(?:"|nul$)/, target);
  const copy = model.commands.find((command) => command.name === 'copy');
  assert.ok(copy?.args.filter((arg) => !arg.text.startsWith('/')).every((arg) => arg.quoted));
  assert.match(collectorScript, /^certutil -store My > "%OUT%\\certutil-store-my\.txt" 2>&1\r$/m);
});

test('the collector copes with what a server lacks and says what it wrote', () => {
  // A missing key is recorded in the manifest (MIM402 relies on "Missing: HKLM\SOFTWARE\Microsoft\MSOLEDBSQL").
  assert.match(collectorScript, /:record_missing\r\necho {3}not on this server: %~2\r\n>> "%MANIFEST%" echo Missing: %~2\r\n/);
  assert.match(collectorScript, /echo {3}wrote %~3/);
  assert.match(collectorScript, />> "%MANIFEST%" echo Host: %COMPUTERNAME%/);
  assert.match(collectorScript, />> "%MANIFEST%" echo Date: %DATE% %TIME%/);
  // ImagePath is REG_EXPAND_SZ and quoted: quotes removed and variables expanded before `.config` is added.
  assert.match(collectorScript, /\/v ImagePath \/reg:64 2\^>nul'\) do set "IMAGE=%%B"/);
  assert.match(collectorScript, /copy \/y "%IMAGE%\.config" "%OUT%\\" >nul/);
});

test('written for cmd: CRLF line ends only, ASCII, no PowerShell, nothing installed', () => {
  assert.doesNotMatch(collectorScript.replace(/\r\n/g, ''), /[\r\n]/);
  assert.match(collectorScript, /^[\t\n\r\x20-\x7e]*$/);
  const programs = new Set(model.commands.map((command) => command.name));
  for (const forbidden of ['powershell', 'pwsh', 'msiexec', 'wmic']) assert.equal(programs.has(forbidden), false, forbidden);
  assert.ok(programs.has('reg') && programs.has('certutil'));
});

test('mim-lint itself finds nothing in the collector, whatever the host', () => {
  for (const profile of [hosts.unknown, hosts.hardened, hosts.tlsLegacy]) {
    assert.deepEqual(lint(collectorScript, collectorFileName, { profile }).findings, []);
  }
});
