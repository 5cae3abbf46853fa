// The server in-process with a misbehaving engine: a rule that throws, or the whole lint throwing.
// Neither may stop the other rules' findings or the server; both must reach the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index';
import type { LintFunction } from '../../server/src/lsp/document-linter';
import { LspTestClient } from './lsp-test-client';
import { fipsOn, serviceConfigUri, serviceConfigWithoutFipsPolicy } from './fixtures';

const testLimit = { timeout: 20_000 };

async function withServer(engine: LintFunction, run: (client: LspTestClient) => Promise<void>): Promise<void> {
  const client = LspTestClient.inProcess({ lint: engine });
  try {
    client.settings = fipsOn;
    await client.initialize();
    await run(client);
  } finally {
    await client.stop();
  }
}

test('a rule that throws is logged with its ID, once, and the other findings are still published', testLimit, () => {
  const withBrokenRule: LintFunction = (text, fileName, options) => {
    const result = lint(text, fileName, options);
    return { ...result, failures: [{ ruleId: 'MIM999', error: new Error('rule exploded') }] };
  };
  return withServer(withBrokenRule, async (client) => {
    await client.open(serviceConfigUri, serviceConfigWithoutFipsPolicy);
    const published = await client.nextDiagnostics(serviceConfigUri);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'MIM101'));
    assert.match(await client.logMatching(/MIM999/), /Rule MIM999 failed on .*Microsoft\.ResourceManagement\.Service\.exe\.config: Error: rule exploded/);

    await client.change(serviceConfigUri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }]);
    await client.nextDiagnostics(serviceConfigUri, 'diagnostics after an edit');
    assert.equal(client.logs.filter((message) => message.includes('MIM999')).length, 1, 'the same failure is not logged on every keystroke');
  });
});

test('an engine that throws on one document is logged, and the server goes on with the next', testLimit, () => {
  const brokenUri = 'file:///srv/MIM/Sync/miiserver.exe.config';
  const throwsOnSync: LintFunction = (text, fileName, options) => {
    if (fileName.endsWith('miiserver.exe.config')) throw new Error('parser crashed');
    return lint(text, fileName, options);
  };
  return withServer(throwsOnSync, async (client) => {
    await client.open(brokenUri, '<configuration />');
    assert.match(await client.logMatching(/parser crashed/), /Linting file:\/\/\/srv\/MIM\/Sync\/miiserver\.exe\.config failed/);

    await client.open(serviceConfigUri, serviceConfigWithoutFipsPolicy);
    const published = await client.nextDiagnostics(serviceConfigUri);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'MIM101'));
    assert.deepEqual(client.unconsumed(brokenUri), [], 'nothing is published for the document whose lint failed');
  });
});
