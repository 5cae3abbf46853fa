// Host snapshots in the editor: a snapshot folder's files get that server's profile (the copied
// config gets MIM101 on a FIPS host, the certutil dump MIM404), the rest of the workspace keeps its own,
// the readiness report has a section per host, and the server hands out the collector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, withTimeout } from './lsp-test-client';
import { serviceConfigWithoutFipsPolicy } from './fixtures';
import { collectorScript } from '../../server/src/collector/index';
import { makeTempDir } from '../temp-dir';

const repository = process.cwd();

function workspaceWithSnapshots(): string {
  const folder = makeTempDir('snapshots');
  for (const host of ['mimsvc03', 'mimsvc04']) {
    cpSync(join(repository, `test/fixtures/snapshots/${host}-evidence`), join(folder, `snapshots/${host}-evidence`), { recursive: true });
  }
  mkdirSync(join(folder, 'deploy'));
  writeFileSync(join(folder, 'deploy/Microsoft.ResourceManagement.Service.exe.config'), serviceConfigWithoutFipsPolicy);
  return folder;
}

/** Diagnostics of `uri` as the workspace pass publishes them, until they carry `code` (the index reads in the background). */
async function diagnosticsWith(client: LspTestClient, uri: string, code: string): Promise<string[]> {
  let codes: string[] = [];
  for (let i = 0; i < 6 && !codes.includes(code); i++) {
    codes = (await client.nextDiagnostics(uri, `diagnostics of ${uri} with ${code}`)).diagnostics.map((d) => String(d.code));
  }
  return codes;
}

test('snapshot files are judged with their own host\'s profile; the repository keeps its own', { timeout: 30_000 }, async () => {
  const folder = workspaceWithSnapshots();
  const client = LspTestClient.spawnServer();
  try {
    client.settings = () => ({ enable: true, host: { fips: 'auto', tls12Only: 'auto' } });
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    const snapshotConfig = pathToFileURL(join(folder, 'snapshots/mimsvc04-evidence/Microsoft.ResourceManagement.Service.exe.config')).href;
    assert.deepEqual(await diagnosticsWith(client, snapshotConfig, 'MIM101'), ['MIM101']);
    const dump = pathToFileURL(join(folder, 'snapshots/mimsvc03-evidence/certutil-store-my.txt')).href;
    assert.deepEqual(await diagnosticsWith(client, dump, 'MIM404'), ['MIM404']);

    const profileOf = async (path: string) =>
      (await withTimeout(client.connection.sendRequest('mimLint/hostProfile', { uri: pathToFileURL(join(folder, path)).href }), 'the host profile')) as {
        fips: { value: string };
        tls12Only: { value: string };
      };
    const host04 = await profileOf('snapshots/mimsvc04-evidence/Microsoft.ResourceManagement.Service.exe.config');
    assert.deepEqual([host04.fips.value, host04.tls12Only.value], ['on', 'on']);
    const host03 = await profileOf('snapshots/mimsvc03-evidence/schannel.reg');
    assert.deepEqual([host03.fips.value, host03.tls12Only.value], ['off', 'on']);
    const repositoryProfile = await profileOf('deploy/Microsoft.ResourceManagement.Service.exe.config');
    assert.deepEqual([repositoryProfile.fips.value, repositoryProfile.tls12Only.value], ['unknown', 'unknown']);

    const markdown = (await withTimeout(client.connection.sendRequest('mimLint/readinessReport', { folderUri: pathToFileURL(folder).href }), 'the report')) as string;
    assert.match(markdown, /^# MIM 2016 SP2 readiness of servers/);
    assert.match(markdown, /^\| Requirement \| MIMSVC03 \| MIMSVC04 \|$/m);
    assert.match(markdown, /\[snapshots\/mimsvc03-evidence\/uninstall-mim-service\.reg:7\]\(snapshots\/mimsvc03-evidence\/uninstall-mim-service\.reg#L7\)/);
    // The repository's own checklist follows, without the snapshot files.
    const checklist = markdown.slice(markdown.indexOf('# MIM 2016 SP2 readiness: TLS 1.2 and FIPS mode'));
    assert.ok(checklist.length > 0 && checklist !== markdown);
    assert.doesNotMatch(checklist, /snapshots\//);
  } finally {
    await client.stop();
  }
});

test('mimLint/collector answers the batch file as shipped', { timeout: 20_000 }, async () => {
  const client = LspTestClient.spawnServer();
  try {
    await client.initialize();
    const collector = (await withTimeout(client.connection.sendRequest('mimLint/collector'), 'the collector')) as { fileName: string; text: string };
    assert.equal(collector.fileName, 'collect-host-evidence.cmd');
    assert.equal(collector.text, collectorScript);
  } finally {
    await client.stop();
  }
});
