// The CLI renders each file's part of the report as the file finishes and keeps it on disk until the
// end: the bytes must be those of the one-shot formatters, also for parts that cross a read chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemsMarker, SpilledItems } from '../../server/src/cli/formats/spliced';
import { formatJson } from '../../server/src/cli/formats/json';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { lintFiles } from '../../server/src/cli/lint-files';
import { parseArguments } from '../../server/src/cli/args';
import { exampleCopy, runCli } from './helpers';

function spliced(document: (items: unknown[]) => unknown, items: readonly unknown[]): string {
  const spill = new SpilledItems();
  for (const item of items) spill.add(item);
  return [...spill.pieces(JSON.stringify(document([itemsMarker]), null, 2))].join('');
}

test('spilled items give the bytes of JSON.stringify(…, null, 2): none, one, several, nested, multi-byte across chunks', () => {
  const shapes: Array<(items: unknown[]) => unknown> = [
    (items) => ({ tool: 'x', files: items }),
    (items) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'n' } }, results: items, after: { a: [1, 2] } }] }),
  ];
  const big = 'é€😀'.repeat(300_000); // over a 1 MB read chunk, with characters of 2, 3 and 4 UTF-8 bytes
  const itemSets: unknown[][] = [[], [{ a: 1 }], [{ a: 'line\nbreak', b: [1, { c: [] }] }, 'text', 3, { big }, { after: 'big' }]];
  for (const shape of shapes) for (const items of itemSets) assert.equal(spliced(shape, items), JSON.stringify(shape(items), null, 2));
});

test('the CLI writes the same JSON and SARIF as the formatters given the whole report', () => {
  const dir = exampleCopy();
  const args = ['--tls12-only', 'on', '.'];
  const { report } = lintFiles(parseArguments(args), dir);
  assert.ok(report.files.length > 3);
  assert.equal(runCli(['--format', 'json', ...args], dir).stdout, formatJson(report));
  const sarif = runCli(['--format', 'sarif', ...args], dir);
  assert.equal(sarif.stdout, formatSarif(report, { exitCode: sarif.status ?? -1, warnings: [], incomplete: false }));
});

