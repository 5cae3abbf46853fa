// --fix never loses a byte: a file saved while mim-lint runs is left alone, and a write that fails
// (full disk, locked file) leaves the original as it was and no temporary file behind. In process,
// with the file system's calls wrapped to change a file or fail at an exact step (no sleeps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/index';
import { parseArguments } from '../../server/src/cli/args';
import { lintFiles } from '../../server/src/cli/lint-files';
import { nodeFileSystem, type FixFileSystem } from '../../server/src/cli/replace-file';
import { runCli, type CliIo } from '../../server/src/cli/run';
import { makeTempDir, serviceConfigName, writeTree } from './helpers';

/** An unattended MIM Service install with a TLS 1.2-only fix (MIM201) to apply, CRLF as admins write it. */
const installCmd = [
  '@echo off',
  'setlocal',
  'rem MIM 2016 SP2 - MIM Service and Portal, unattended',
  'set MEDIA=D:\\MIM2016SP2',
  'set LOG=C:\\MIMInstall\\Logs\\ServiceAndPortal.log',
  'msiexec.exe /i "%MEDIA%\\Service and Portal\\Service and Portal.msi" /qn /l*v "%LOG%" ^',
  '  ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1 SQMOPTINSETTING=0 ^',
  '  SQLSERVER_SERVER=SQLMIMService SQLSERVER_DATABASE=FIMService EXISTINGDATABASE=0',
  'if errorlevel 1 exit /b %errorlevel%',
  'endlocal',
  '',
].join('\r\n');

const appended = 'echo saved by an admin while mim-lint ran\r\n';

interface Run {
  status: number;
  stdout: string;
  stderr: string[];
}

function runWith(fileSystem: FixFileSystem, args: string[], cwd: string): Run {
  let stdout = '';
  const stderr: string[] = [];
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (line) => stderr.push(line), fileSystem };
  return { status: runCli(args, io), stdout, stderr };
}

/** The names in `dir` that are not the ones the test wrote: leftover temporary files. */
function strayFiles(dir: string, expected: string[]): string[] {
  return fs.readdirSync(dir).filter((name) => !expected.includes(name));
}

const errnoError = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

test('a file saved between the read and the write is left alone, named, and the run exits 2', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'install.cmd': installCmd, 'install-sync.cmd': installCmd });
  const target = join(dir, 'install.cmd');
  // The admin saves install.cmd right after mim-lint has read it.
  const savesAfterRead: FixFileSystem = {
    ...nodeFileSystem,
    readFileSync: ((path: fs.PathOrFileDescriptor, ...rest: []) => {
      const bytes = nodeFileSystem.readFileSync(path, ...rest);
      if (path === target && fs.readFileSync(target, 'latin1') === installCmd) fs.appendFileSync(target, appended);
      return bytes;
    }) as FixFileSystem['readFileSync'],
  };
  const run = runWith(savesAfterRead, ['--tls12-only', 'on', '--fix', '.'], dir);
  assert.equal(fs.readFileSync(target, 'latin1'), installCmd + appended, 'the saved line is still there, nothing else changed');
  assert.notEqual(fs.readFileSync(join(dir, 'install-sync.cmd'), 'latin1'), installCmd, 'the file nobody touched is fixed');
  assert.equal(run.status, 2);
  assert.deepEqual(run.stderr, [
    'mim-lint: warning: not fixing install.cmd: it changed on disk while mim-lint ran, and writing the fixes would undo that change; run mim-lint --fix again',
  ]);
  assert.match(run.stdout, /✔ \d+ fix(es)? applied in 1 file/, 'the report still prints, counting only what was written');
  assert.deepEqual(strayFiles(dir, ['install.cmd', 'install-sync.cmd']), []);
});

test('a slow lint elsewhere: an edit that keeps the size is still caught', () => {
  const service = makeTempDir();
  const scripts = makeTempDir();
  writeTree(service, { [serviceConfigName]: '<configuration>\r\n  <runtime />\r\n</configuration>\r\n' });
  writeTree(scripts, { 'install.cmd': installCmd });
  const target = join(scripts, 'install.cmd');
  const sameSizeEdit = installCmd.replace('SQLMIMService', 'SQLMIMSERVICE');
  // The service tree is linted while the scripts tree waits for its fixes: the admin edits then.
  const slowOnService: typeof lint = (text, fileName, options) => {
    if (fileName.endsWith(serviceConfigName)) fs.writeFileSync(target, sameSizeEdit, 'latin1');
    return lint(text, fileName, options);
  };
  const outcome = lintFiles(parseArguments(['--tls12-only', 'on', '--fix', service, scripts]), scripts, slowOnService);
  assert.equal(fs.readFileSync(target, 'latin1'), sameSizeEdit);
  assert.equal(outcome.incomplete, true);
  assert.ok(outcome.warnings.some((w) => w.startsWith('not fixing install.cmd: it changed on disk')), outcome.warnings.join('\n'));
  assert.equal(outcome.report.files.find((file) => file.displayPath === 'install.cmd')?.fixesApplied, 0);
});

test('a full disk halfway through a later file: the original intact, no temporary left, earlier fixes reported', () => {
  const dir = makeTempDir();
  writeTree(dir, { 'a-install.cmd': installCmd, 'b-install.cmd': installCmd });
  // The first temporary file is written; the second gets half its bytes, then ENOSPC.
  let temporaries = 0;
  let failingFd: number | undefined;
  const fillsUp: FixFileSystem = {
    ...nodeFileSystem,
    openSync: ((path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      const fd = nodeFileSystem.openSync(path, flags, mode);
      if (String(path).endsWith('.tmp') && ++temporaries === 2) failingFd = fd;
      return fd;
    }) as FixFileSystem['openSync'],
    writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (fd !== failingFd) return nodeFileSystem.writeSync(fd, buffer, offset, length);
      if (offset > 0) throw errnoError('ENOSPC');
      return nodeFileSystem.writeSync(fd, buffer, offset, Math.ceil(length / 2));
    }) as FixFileSystem['writeSync'],
  };
  const run = runWith(fillsUp, ['--tls12-only', 'on', '--fix', '.'], dir);
  assert.equal(fs.readFileSync(join(dir, 'b-install.cmd'), 'latin1'), installCmd, 'the original is intact');
  assert.notEqual(fs.readFileSync(join(dir, 'a-install.cmd'), 'latin1'), installCmd, 'the earlier file was fixed');
  assert.deepEqual(strayFiles(dir, ['a-install.cmd', 'b-install.cmd']), [], 'the temporary file is removed');
  assert.equal(run.status, 2);
  assert.deepEqual(run.stderr, ['mim-lint: warning: cannot write the fixes to b-install.cmd: no space left on device; the file is as it was']);
  assert.match(run.stdout, /✔ \d+ fix(es)? applied in 1 file/);
  assert.match(run.stdout, /^b-install\.cmd$/m, 'the unfixed file still has its findings reported');
});

test('a rename refused (a file locked on Windows) or a failed flush: the original intact, no temporary left', () => {
  for (const fault of ['renameSync', 'fsyncSync'] as const) {
    const dir = makeTempDir();
    writeTree(dir, { 'install.cmd': installCmd });
    const failing: FixFileSystem = {
      ...nodeFileSystem,
      [fault]: () => {
        throw errnoError(fault === 'renameSync' ? 'EPERM' : 'EIO');
      },
    };
    const run = runWith(failing, ['--tls12-only', 'on', '--fix', 'install.cmd'], dir);
    assert.equal(fs.readFileSync(join(dir, 'install.cmd'), 'latin1'), installCmd, fault);
    assert.deepEqual(strayFiles(dir, ['install.cmd']), [], fault);
    assert.equal(run.status, 2, fault);
    assert.match(run.stderr.join('\n'), /cannot write the fixes to install\.cmd: .*; the file is as it was/, fault);
  }
});

test('the fixed file keeps its permission bits and is replaced whole', { skip: process.platform === 'win32' && 'POSIX modes' }, () => {
  const dir = makeTempDir();
  writeTree(dir, { 'install.cmd': installCmd });
  const path = join(dir, 'install.cmd');
  fs.chmodSync(path, 0o640);
  const inodeBefore = fs.statSync(path).ino;
  const run = runWith(nodeFileSystem, ['--tls12-only', 'on', '--fix', 'install.cmd'], dir);
  assert.deepEqual(run.stderr, []);
  assert.notEqual(fs.readFileSync(path, 'latin1'), installCmd, 'fixed');
  assert.equal(fs.statSync(path).mode & 0o777, 0o640);
  assert.notEqual(fs.statSync(path).ino, inodeBefore, 'a new file was renamed over the old one, not rewritten in place');
  assert.deepEqual(strayFiles(dir, ['install.cmd']), []);
});
