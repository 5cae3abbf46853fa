// The server in-process with a misbehaving engine: a rule that throws, the whole lint throwing, or a
// rule that never finishes. None may stop the other findings or the server; all must reach the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostEvidence, lint } from '../../server/src/engine/index';
import type { LintFunction } from '../../server/src/lsp/document-linter';
import { LspTestClient } from './lsp-test-client';
import { fipsOn, serviceConfigUri, serviceConfigWithoutFipsPolicy } from './fixtures';
import { makeTempDir } from '../temp-dir';

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

/**
 * Spins on Sync configs after saying it started MIM108: a rule with a bug. For 60 s, not for ever, so
 * that without the budget these tests fail at their time limit instead of hanging the run.
 */
const loopsOnSync: LintFunction = (text, fileName, options) => {
  if (!fileName.endsWith('miiserver.exe.config')) return lint(text, fileName, options);
  options?.onRuleStart?.('MIM108');
  const until = Date.now() + 60_000;
  while (Date.now() < until);
  throw new Error('the time budget did not stop the loop');
};

test('a rule that never finishes is stopped at the time budget, named in the log and to the user; the server goes on', testLimit, async () => {
  const client = LspTestClient.inProcess({ lint: loopsOnSync, lintBudgetMs: 300 });
  try {
    client.settings = fipsOn;
    await client.initialize();
    const loopingUri = 'file:///srv/MIM/Sync/miiserver.exe.config';
    await client.open(loopingUri, '<configuration />');
    const logged = await client.logMatching(/was stopped/);
    assert.match(logged, /Linting .*miiserver\.exe\.config was stopped after 0\.3 s, in rule MIM108\. A lint that does not finish is a mim-lint bug/);

    await client.open(serviceConfigUri, serviceConfigWithoutFipsPolicy);
    const published = await client.nextDiagnostics(serviceConfigUri);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'MIM101'), 'the next document is linted as usual');
    // Messages arrive in order: the warning came before these diagnostics.
    assert.ok(client.shownMessages.some((message) => message.includes('was stopped after 0.3 s')), 'the user is told, not only the log');
  } finally {
    await client.stop();
  }
});

test('the workspace pass stops a looping file at its budget and publishes every other file', testLimit, async () => {
  const folder = makeTempDir('loop');
  const files = ['Sync/miiserver.exe.config', 'Service/Microsoft.ResourceManagement.Service.exe.config', 'Portal/web.config'];
  for (const path of files) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), path.startsWith('Service') ? serviceConfigWithoutFipsPolicy : '<configuration />');
  }
  const client = LspTestClient.inProcess({ lint: loopsOnSync, lintBudgetMs: 300 });
  try {
    client.settings = fipsOn;
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    const service = await client.nextDiagnostics(pathToFileURL(join(folder, files[1])).href, 'the service config');
    assert.ok(service.diagnostics.some((diagnostic) => diagnostic.code === 'MIM101'));
    await client.nextDiagnostics(pathToFileURL(join(folder, files[2])).href, 'the portal config');
    assert.match(await client.logMatching(/was stopped/), /Sync.miiserver\.exe\.config was stopped after 0\.3 s, in rule MIM108/);
    assert.deepEqual(client.unconsumed(pathToFileURL(join(folder, files[0])).href), [], 'nothing is published for the stopped file');
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the workspace index stops a file whose evidence never finishes, and infers the profile from the others', testLimit, async () => {
  const folder = makeTempDir('index-loop');
  writeFileSync(join(folder, 'loop.reg'), 'Windows Registry Editor Version 5.00\r\n');
  writeFileSync(join(folder, 'harden-fips.cmd'), '@echo off\r\nreg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy" /v Enabled /t REG_DWORD /d 1 /f\r\n');
  writeFileSync(join(folder, 'Microsoft.ResourceManagement.Service.exe.config'), serviceConfigWithoutFipsPolicy);
  const spinsOnLoop: typeof hostEvidence = (text, fileName) => {
    if (!fileName.endsWith('loop.reg')) return hostEvidence(text, fileName);
    const until = Date.now() + 60_000;
    while (Date.now() < until);
    throw new Error('the time budget did not stop the loop');
  };
  const client = LspTestClient.inProcess({ hostEvidence: spinsOnLoop, lintBudgetMs: 300 });
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    assert.match(await client.logMatching(/loop\.reg was stopped/), /Indexing: Linting .*loop\.reg was stopped after 0\.3 s, while reading the file/);
    // FIPS on, inferred from the script: MIM101 on the service config.
    const uri = pathToFileURL(join(folder, 'Microsoft.ResourceManagement.Service.exe.config')).href;
    for (;;) {
      const published = await client.nextDiagnostics(uri, 'MIM101 with FIPS inferred from the script');
      if (published.diagnostics.some((diagnostic) => diagnostic.code === 'MIM101')) break;
    }
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
