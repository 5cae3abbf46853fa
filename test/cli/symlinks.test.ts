// Symbolic links and the tree named on the command line: links to directories outside it are not
// followed (a `loop -> ..` does not lint the parent), and --fix never writes through a link to a
// file outside it; a link inside the tree gets its target fixed and stays a link. Real links in a
// temporary directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, readFileSync, readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/index';
import { parseArguments } from '../../server/src/cli/args';
import { lintFiles } from '../../server/src/cli/lint-files';
import { makeTempDir, runCli, writeTree } from './helpers';

/** An unattended MIM Service install with a TLS 1.2-only fix (MIM201) to apply. */
const installCmd = [
  '@echo off',
  'rem MIM 2016 SP2 - MIM Service, unattended',
  'msiexec.exe /i "D:\\MIM2016SP2\\Service and Portal\\Service and Portal.msi" /qn ^',
  '  ADDLOCAL=CommonServices ACCEPT_EULA=1 SQMOPTINSETTING=0 ^',
  '  SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService',
  '',
].join('\r\n');

const notWellFormed = '<configuration>\r\n  <runtime>\r\n</configuration>\r\n';

function lintedFiles(stdout: string): string[] {
  return JSON.parse(stdout).files.map((file: { file: string }) => file.file.split('\\').join('/'));
}

/** dir/tree is the tree named; dir/outside and dir/parent.config lie outside it. */
function layout() {
  const dir = makeTempDir();
  writeTree(dir, {
    'parent.config': notWellFormed,
    'outside/install.cmd': installCmd,
    'outside/shared/web.config': notWellFormed,
    'tree/scripts/install.cmd': installCmd,
    'tree/web.config': '<configuration />\r\n',
  });
  return dir;
}

test('a link to a directory outside the tree (loop -> .., a shared folder) is not followed, and said so', () => {
  const dir = layout();
  symlinkSync('..', join(dir, 'tree', 'loop'));
  symlinkSync(join('..', 'outside', 'shared'), join(dir, 'tree', 'shared'));
  symlinkSync('scripts', join(dir, 'tree', 'scripts-link'));
  const run = runCli(['--format', 'json', '--tls12-only', 'on', 'tree'], dir);
  assert.deepEqual(lintedFiles(run.stdout), ['tree/scripts/install.cmd', 'tree/web.config'], 'nothing of the parent, each file once');
  assert.deepEqual(run.stderr.replace(/\\/g, '/').split('\n').filter(Boolean), [
    'mim-lint: warning: skipping tree/loop: it is a link to a directory outside tree',
    'mim-lint: warning: skipping tree/shared: it is a link to a directory outside tree',
  ]);
});

test('--fix never writes through a link to a file outside the tree; the file is still linted', () => {
  const dir = layout();
  symlinkSync(join('..', 'outside', 'install.cmd'), join(dir, 'tree', 'install-shared.cmd'));
  const run = runCli(['--format', 'json', '--tls12-only', 'on', '--fix', 'tree'], dir);
  assert.equal(readFileSync(join(dir, 'outside', 'install.cmd'), 'latin1'), installCmd, 'the file outside is untouched');
  assert.notEqual(readFileSync(join(dir, 'tree', 'scripts', 'install.cmd'), 'latin1'), installCmd, 'the file inside is fixed');
  assert.match(run.stderr.replace(/\\/g, '/'), /warning: not fixing tree\/install-shared\.cmd: it is a link to a file outside the directory given/);
  const shared = JSON.parse(run.stdout).files.find((file: { file: string }) => file.file.endsWith('install-shared.cmd'));
  assert.equal(shared.fixesApplied, 0);
  assert.ok(shared.findings.some((finding: { ruleId: string }) => finding.ruleId === 'MIM201'), 'its findings are reported');

  // Named on its own, the link's tree is its directory: still not written.
  const named = runCli(['--tls12-only', 'on', '--fix', join('tree', 'install-shared.cmd')], dir);
  assert.equal(readFileSync(join(dir, 'outside', 'install.cmd'), 'latin1'), installCmd);
  assert.match(named.stderr, /not fixing .*install-shared\.cmd: it is a link to a file outside/);
});

test('a link to a file inside the tree: the target is fixed, the link stays a link', () => {
  const dir = layout();
  symlinkSync(join('scripts', 'install.cmd'), join(dir, 'tree', 'current-install.cmd'));
  const run = runCli(['--format', 'json', '--tls12-only', 'on', '--fix', 'tree'], dir);
  assert.deepEqual(lintedFiles(run.stdout), ['tree/current-install.cmd', 'tree/web.config'], 'the target once, under the first name walked');
  const link = join(dir, 'tree', 'current-install.cmd');
  assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
  assert.equal(readlinkSync(link), join('scripts', 'install.cmd'));
  assert.notEqual(readFileSync(join(dir, 'tree', 'scripts', 'install.cmd'), 'latin1'), installCmd, 'the target is fixed');
  assert.equal(readFileSync(join(dir, 'outside', 'install.cmd'), 'latin1'), installCmd);
  assert.doesNotMatch(run.stderr, /not fixing|cannot write/);
});

test('a link pointed elsewhere while mim-lint runs: neither the old nor the new target is written', () => {
  const dir = layout();
  // other.txt: the same text, but not a file mim-lint lints on its own.
  writeTree(dir, { 'tree/scripts/other.txt': installCmd, 'first/web.config': '<configuration />\r\n' });
  const link = join(dir, 'tree', 'current-install.cmd');
  symlinkSync(join('scripts', 'install.cmd'), link);
  // While the first tree is linted, the link is swapped (atomically, as deployment tools do) to other.txt.
  const swapsLink: typeof lint = (text, fileName, options) => {
    if (fileName.endsWith('web.config') && fileName.includes('first')) {
      symlinkSync(join('scripts', 'other.txt'), `${link}.new`);
      renameSync(`${link}.new`, link);
    }
    return lint(text, fileName, options);
  };
  const outcome = lintFiles(parseArguments(['--tls12-only', 'on', '--fix', 'first', 'tree']), dir, swapsLink);
  assert.equal(readFileSync(join(dir, 'tree', 'scripts', 'install.cmd'), 'latin1'), installCmd);
  assert.equal(readFileSync(join(dir, 'tree', 'scripts', 'other.txt'), 'latin1'), installCmd);
  assert.equal(outcome.incomplete, true);
  assert.ok(outcome.warnings.some((w) => /not fixing .*current-install\.cmd: it changed on disk/.test(w)), outcome.warnings.join('\n'));
});
