// The glob matcher of files.exclude and .mimlintrc.json `ignore`: VS Code's syntax (`**`, `*`, `?`,
// `{a,b}` nested, `[abc]`), case-insensitive, a folder pattern covering its contents; patterns it
// cannot use throw a GlobError that says why; hostile patterns finish at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, excludedBy, GlobError } from '../../server/src/engine/glob';

function matching(glob: string, paths: string[]): string[] {
  const compiled = compileGlob(glob);
  return paths.filter((path) => compiled.test(path));
}

test('**, * and ?: directories, one segment, one character; a folder covers its contents', () => {
  const paths = ['node_modules', 'a/node_modules/x/web.config', 'web.config', 'old/web.config', 'old/sub/web.config', 'install-1.cmd', 'install-12.cmd'];
  assert.deepEqual(matching('**/node_modules', paths), ['node_modules', 'a/node_modules/x/web.config']);
  assert.deepEqual(matching('old/*.config', paths), ['old/web.config']);
  assert.deepEqual(matching('old', paths), ['old/web.config', 'old/sub/web.config']);
  assert.deepEqual(matching('**/*.config', paths), ['a/node_modules/x/web.config', 'web.config', 'old/web.config', 'old/sub/web.config']);
  assert.deepEqual(matching('install-?.cmd', paths), ['install-1.cmd']);
  assert.deepEqual(matching('**', paths), paths);
  assert.deepEqual(matching('OLD/Web.Config', paths), ['old/web.config'], 'case-insensitive, as Windows paths are');
  assert.deepEqual(matching('install-?.cmd', ['install-😀.cmd', 'install-😀😀.cmd']), ['install-😀.cmd'], '"?" is one character, also outside the BMP');
});

test('braces, nested braces and an empty alternative', () => {
  const paths = ['a', 'b', 'c', 'd', 'deploy/old/x.cmd', 'deploy/archive/x.cmd', 'deploy/archived/x.cmd', 'deploy/arch/x.cmd', 'web.config', 'web.config.bak'];
  assert.deepEqual(matching('{a,{b,c}}', paths), ['a', 'b', 'c']);
  assert.deepEqual(matching('deploy/{old,arch{ive,ived}}/*.cmd', paths), ['deploy/old/x.cmd', 'deploy/archive/x.cmd', 'deploy/archived/x.cmd']);
  assert.deepEqual(matching('web.config{,.bak}', paths), ['web.config', 'web.config.bak']);
  assert.deepEqual(matching('x}', ['x}', 'x']), ['x}'], 'a "}" without "{" is a character');
});

test('character classes: sets, ranges, negation, "]" first; never "/"', () => {
  const paths = ['install-1.cmd', 'install-7.cmd', 'install-a.cmd', 'install-B.cmd', 'install-].cmd', 'install-/.cmd'];
  assert.deepEqual(matching('install-[0-5].cmd', paths), ['install-1.cmd']);
  assert.deepEqual(matching('install-[17].cmd', paths), ['install-1.cmd', 'install-7.cmd']);
  assert.deepEqual(matching('install-[!0-9].cmd', paths), ['install-a.cmd', 'install-B.cmd', 'install-].cmd']);
  assert.deepEqual(matching('install-[^0-9a].cmd', paths), ['install-B.cmd', 'install-].cmd']);
  assert.deepEqual(matching('install-[A-Z].cmd', paths), ['install-a.cmd', 'install-B.cmd'], 'ranges are case-insensitive too');
  assert.deepEqual(matching('install-[]].cmd', paths), ['install-].cmd']);
});

test('patterns that cannot be used throw a GlobError that says why', () => {
  const cases: Array<[string, RegExp]> = [
    ['{a', /the "\{" at character 1 is never closed/],
    ['deploy/{old,{new}', /the "\{" at character 8 is never closed/],
    ['install-[0-9.cmd', /the "\[" of "\[0-9\.cmd" is never closed/],
    ['!archive/**', /negated patterns \("!…"\) are not supported/],
    ['{a,b}'.repeat(7), /more than 64 alternatives/],
    ['a/'.repeat(501), /longer than 1000 characters/],
    ['{,}', /names no file or folder/],
  ];
  for (const [glob, message] of cases) {
    assert.throws(() => compileGlob(glob), (error: unknown) => error instanceof GlobError && message.test(error.message), glob);
  }
});

test('hostile patterns finish at once: no exponential backtracking', () => {
  const hostile: Array<[string, string]> = [
    ['*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(40)],
    ['*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(10_000)],
    ['**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/b', Array(2_000).fill('a').join('/')],
    ['{*a*a*a*a*b,*a*a*a*a*a*c}{*a,*b}{*a*a,*a}', 'a'.repeat(2_000)],
    ['[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*b', 'a'.repeat(5_000)],
  ];
  for (const [glob, path] of hostile) {
    const started = performance.now();
    assert.equal(compileGlob(glob).test(path), false, glob);
    const ms = performance.now() - started;
    // A backtracking regex takes hours here; the two-pointer matcher takes milliseconds.
    assert.ok(ms < 2000, `${glob} took ${ms.toFixed(0)} ms`);
  }
});

test('excludedBy: any of the globs', () => {
  const globs = ['archive', '**/*.tmp'].map(compileGlob);
  assert.ok(excludedBy(globs, 'archive/web.config'));
  assert.ok(excludedBy(globs, 'a/b/c.tmp'));
  assert.ok(!excludedBy(globs, 'svc/web.config'));
  assert.ok(!excludedBy([], 'anything'));
});
