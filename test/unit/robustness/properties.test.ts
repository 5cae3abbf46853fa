// Property-based tests (fast-check, bounded so `npm test` stays fast): for every file kind, random and
// mutated inputs never throw, finish quickly and keep every range inside the document; every preferred
// fix keeps a config well-formed, removes its finding, touches nothing outside its edits, and fix-all
// is idempotent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, fixAll, lint } from '../../../server/src/engine/index';
import { parseXml } from '../../../server/src/engine/xml/parse';
import { hosts } from '../helpers';

// A fixed seed keeps CI deterministic; set MIM_LINT_FC_SEED to explore other inputs locally.
fc.configureGlobal({ seed: Number(process.env.MIM_LINT_FC_SEED ?? 20261125) });

const seeds: Array<{ fileName: string; text: string }> = [];
for (const directory of ['examples/mim-service', 'examples/mim-service-ready', 'examples/sync', 'examples/scripts', 'examples/hardening', 'test/fixtures/config']) {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    continue;
  }
  for (const name of names) {
    const fileName = name.endsWith('.config') && directory.includes('fixtures') ? 'Microsoft.ResourceManagement.Service.exe.config' : name;
    seeds.push({ fileName, text: readFileSync(join(directory, name), 'utf8').replace(/^\uFEFF/, '') });
  }
}
const fileNames = ['Microsoft.ResourceManagement.Service.exe.config', 'miiserver.exe.config', 'web.config', 'install.cmd', 'Install.ps1', 'hardening.reg', 'GptTmpl.inf'];
const profiles = Object.values(hosts);

/** A seed with random damage: cut, duplicated, spliced with noise, or with its line ends changed. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...seeds),
    fileName: fc.constantFrom(...fileNames),
    at: fc.nat(),
    length: fc.nat({ max: 200 }),
    noise: fc.string({ unit: fc.constantFrom('<', '>', '/', '"', "'", '&', '=', '^', '`', '%', '$', '[', ']', '{', '}', ';', '\r', '\n', ' ', 'a', '\u0000', '\ud800', '😀'), maxLength: 40 }),
    mode: fc.constantFrom('cut', 'insert', 'duplicate', 'crlf', 'lf'),
  })
  .map(({ seed, fileName, at, length, noise, mode }) => {
    const text = seed.text;
    const i = text.length === 0 ? 0 : at % text.length;
    switch (mode) {
      case 'cut':
        return { fileName, text: text.slice(0, i) + text.slice(i + length) };
      case 'insert':
        return { fileName, text: text.slice(0, i) + noise + text.slice(i) };
      case 'duplicate':
        return { fileName, text: text.slice(0, i) + text.slice(i, i + length) + text.slice(i) };
      case 'crlf':
        return { fileName, text: text.replace(/\r?\n/g, '\r\n') };
      default:
        return { fileName, text: text.replace(/\r\n/g, '\n') };
    }
  });

const anyText = fc.record({ fileName: fc.constantFrom(...fileNames), text: fc.string({ maxLength: 400 }) });

function checkLint(input: { fileName: string; text: string }): void {
  for (const profile of profiles) {
    const started = Date.now();
    const result = lint(input.text, input.fileName, { profile });
    assert.ok(Date.now() - started < 2000, 'a small input lints in well under two seconds');
    assert.deepEqual(result.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), [], 'no rule throws');
    for (const finding of result.findings) {
      assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= input.text.length, `${finding.ruleId} range inside the document`);
      for (const fix of finding.fixes ?? []) {
        for (const edit of fix.edits) assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= input.text.length, `${finding.ruleId} edit inside the document`);
      }
    }
  }
}

test('any text, in any file kind, lints without throwing and with ranges inside the document', () => {
  fc.assert(fc.property(anyText, checkLint), { numRuns: 150 });
});

test('damaged real files lint without throwing and with ranges inside the document', () => {
  assert.ok(seeds.length >= 5, 'the examples are there to mutate');
  fc.assert(fc.property(mutated, checkLint), { numRuns: 200 });
});

test('every preferred fix: config stays well-formed, the finding goes, nothing outside the edits changes', () => {
  fc.assert(
    fc.property(mutated, fc.constantFrom(...profiles), (input, profile) => {
      const findings = lint(input.text, input.fileName, { profile }).findings;
      const wellFormed = input.fileName.endsWith('.config') && parseXml(input.text).error === undefined;
      for (const finding of findings) {
        const fix = finding.fixes?.find((f) => f.preferred);
        if (!fix) continue;
        const fixed = applyEdits(input.text, fix.edits);
        // Outside the edited ranges the text is byte for byte the same.
        const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
        let from = 0;
        let at = 0;
        for (const edit of sorted) {
          assert.equal(fixed.slice(at, at + edit.start - from), input.text.slice(from, edit.start));
          at += edit.start - from + edit.newText.length;
          from = edit.end;
        }
        assert.equal(fixed.slice(at), input.text.slice(from));
        if (wellFormed) assert.equal(parseXml(fixed).error, undefined, `${finding.ruleId} keeps the config well-formed`);
        const before = findings.filter((f) => f.ruleId === finding.ruleId).length;
        const after = lint(fixed, input.fileName, { profile }).findings.filter((f) => f.ruleId === finding.ruleId).length;
        if (wellFormed) assert.ok(after < before, `${finding.ruleId}: the fix removes its finding`);
      }
    }),
    { numRuns: 120 },
  );
});

test('fix-all twice equals fix-all once', () => {
  fc.assert(
    fc.property(mutated, fc.constantFrom(...profiles), (input, profile) => {
      const once = fixAll(input.text, input.fileName, { profile });
      const twice = fixAll(once.text, input.fileName, { profile });
      assert.equal(twice.text, once.text);
    }),
    { numRuns: 80 },
  );
});
