// The rule list, the rule pages and the README must agree: every rule has a page whose heading names
// it, every page has a rule, and diagnostics, SARIF and the README link the same page. The tables and
// page headers themselves are written by `npm run gen` (scripts/gen.ts), whose --check runs in npm test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, repositoryUrl, ruleDocsPath, ruleDocsUrl, SourceText, unknownProfile } from '../../server/src/engine/index';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { toDiagnostic } from '../../server/src/lsp/convert';

const root = process.cwd();
const docsDir = join(root, 'docs', 'rules');
const startMarker = '<!-- rules-table:start -->';
const endMarker = '<!-- rules-table:end -->';

function readmeTable(): string | undefined {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + startMarker.length, end).trim();
}

test('every rule has docs/rules/<ID>.md whose first heading is "# <ID>: <name>"', () => {
  for (const { meta } of allRules) {
    const page = join(root, ruleDocsPath(meta.id));
    assert.ok(existsSync(page), `${ruleDocsPath(meta.id)} is missing`);
    const heading = readFileSync(page, 'utf8').split(/\r?\n/).find((line) => line.startsWith('#'));
    assert.equal(heading, `# ${meta.id}: ${meta.name}`, `first heading of ${ruleDocsPath(meta.id)}`);
  }
});

test('every page in docs/rules belongs to a rule', () => {
  const ids = new Set(allRules.map((rule) => rule.meta.id));
  const orphans = readdirSync(docsDir).filter((name) => name.endsWith('.md') && name !== 'README.md' && !ids.has(name.slice(0, -3)));
  assert.deepEqual(orphans, [], 'pages without a rule in allRules');
});

test('diagnostics, SARIF helpUri and the README link the same page', () => {
  const sarif = JSON.parse(formatSarif({ profile: unknownProfile(), workspaces: [], files: [], cwd: root }));
  const sarifRules: Array<{ id: string; helpUri: string }> = sarif.runs[0].tool.driver.rules;
  assert.deepEqual(sarifRules.map((r) => r.id), allRules.map((r) => r.meta.id));
  const document = { uri: 'file:///a.config', fileName: 'a.config', version: 1, source: new SourceText('', 'a.config') };
  const table = readmeTable() ?? '';
  for (const { meta } of allRules) {
    const url = ruleDocsUrl(meta.id);
    assert.equal(url, `${repositoryUrl}/blob/main/${ruleDocsPath(meta.id)}`);
    assert.equal(sarifRules.find((r) => r.id === meta.id)?.helpUri, url, `SARIF helpUri of ${meta.id}`);
    const diagnostic = toDiagnostic({ ruleId: meta.id, severity: 'error', start: 0, end: 0, message: 'm' }, 0, document, { relatedInformation: false, versionedEdits: false });
    assert.equal(diagnostic.codeDescription?.href, url, `diagnostic link of ${meta.id}`);
    assert.ok(table.includes(`[${meta.id}](${ruleDocsPath(meta.id)})`), `README links ${meta.id} to ${ruleDocsPath(meta.id)}`);
  }
});
