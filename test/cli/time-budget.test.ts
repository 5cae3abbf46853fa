// The CLI with a rule that never finishes: the file is left out with a warning that names it and the
// rule, the run is incomplete (not clean), and every other file is still reported. In process, with the
// engine's lint replaced, as the language server's tests do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index';
import { parseArguments } from '../../server/src/cli/args';
import { lintFiles } from '../../server/src/cli/lint-files';
import { makeTempDir, writeTree } from './helpers';

test('a lint that never finishes is stopped: warning, incomplete run, the other files reported', { timeout: 20_000 }, () => {
  const dir = makeTempDir();
  writeTree(dir, {
    'Sync/miiserver.exe.config': '<configuration />',
    'Service/Microsoft.ResourceManagement.Service.exe.config': '<configuration><runtime /></configuration>',
  });
  const spinsOnSync: typeof lint = (text, fileName, options) => {
    if (!fileName.endsWith('miiserver.exe.config')) return lint(text, fileName, options);
    options?.onRuleStart?.('MIM108');
    // 40 s, not for ever: without the budget this test fails at its time limit instead of hanging.
    const until = Date.now() + 40_000;
    while (Date.now() < until);
    throw new Error('the time budget did not stop the loop');
  };
  const started = Date.now();
  // A budget of 1 s rather than the default 5 s: the same path, without waiting out the default.
  const outcome = lintFiles(parseArguments(['--fips', 'on', dir]), dir, spinsOnSync, undefined, 1000);
  assert.ok(Date.now() - started < 10_000, 'stopped at the budget, long before the loop would end');
  assert.equal(outcome.incomplete, true);
  assert.deepEqual(
    outcome.warnings.filter((warning) => warning.includes('was stopped')).map((warning) => warning.replace(/\\/g, '/')),
    ['Linting Sync/miiserver.exe.config was stopped after 1 s, in rule MIM108. A lint that does not finish is a mim-lint bug: please report it with the file. Other files are linted as usual.'],
  );
  assert.deepEqual(outcome.report.files.map((file) => file.displayPath.replace(/\\/g, '/')), ['Service/Microsoft.ResourceManagement.Service.exe.config']);
});
