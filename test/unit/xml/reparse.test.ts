// The editor's reparse (reparse.ts) must build exactly what a full parse of the new text builds: random
// edits to real configs, each checked against a full parse, in both the tree and the findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lint } from '../../../server/src/engine/index';
import type { XmlDocument, XmlElement } from '../../../server/src/engine/xml/model';
import { keepForConfigRules, keepForConfigRulesComment } from '../../../server/src/engine/config/facts';
import { changedSpan, parseXmlReusable } from '../../../server/src/engine/xml/reparse';
import { parseXml } from '../../../server/src/engine/xml/parse';
import { hosts } from '../helpers';

fc.configureGlobal({ seed: Number(process.env.MIM_LINT_FC_SEED ?? 20261202) });

const serviceConfig = 'Microsoft.ResourceManagement.Service.exe.config';
const configs = ['examples/mim-service/Microsoft.ResourceManagement.Service.exe.config', 'test/fixtures/config/bad-7.2.config', 'test/fixtures/config/good-7.1.config'].map(
  (path) => readFileSync(path, 'utf8').replace(/^\uFEFF/, ''),
);
// Suppression comments at several depths, deep elements and a misplaced FIPS element: what replays.
configs.push(
  '<?xml version="1.0"?>\r\n<configuration>\r\n  <!-- mim-lint-disable-next-line MIM110 -->\r\n  <appSettings>\r\n    <add key="a" value="1 &amp; 2" />\r\n' +
    '    <!-- mim-lint-disable-line MIM101 --><add key="b" value=\'x\' />\r\n  </appSettings>\r\n  <runtime>\r\n    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">\r\n' +
    '      <dependentAssembly><assemblyIdentity name="A" /><!-- mim-lint-disable-next-line MIM103 --><enforceFIPSPolicy enabled="true" /></dependentAssembly>\r\n' +
    '    </assemblyBinding>\r\n    <!-- mim-lint-disable-next-line MIM102 -->\r\n    <enforceFIPSPolicy enabled="true"/>\r\n  </runtime>\r\n</configuration>\r\n',
);
const options = { keep: keepForConfigRules, keepComment: keepForConfigRulesComment };

/** Everything a rule can read of a tree, as plain data. */
function shape(document: XmlDocument): unknown {
  const element = (e: XmlElement): unknown => ({
    name: e.name,
    parent: e.parent?.name,
    grandparent: e.parent?.parent?.name,
    at: [e.start, e.nameStart, e.nameEnd, e.startTagEnd, e.endTagStart, e.end, e.firstContentStart, e.selfClosing],
    attributes: e.attributes,
    children: e.children.map((c) => c.start),
  });
  return { root: document.root?.start, elements: document.elements.map(element), comments: document.comments, error: document.error };
}

// Half typing (letters, spaces, removals of a few characters), half markup that may break the document.
const typing = fc.record({ at: fc.nat(), removed: fc.nat({ max: 2 }), inserted: fc.string({ unit: fc.constantFrom('a', 'x', '1', ' ', '.'), maxLength: 3 }) });
const markup = fc.record({
  at: fc.nat(),
  removed: fc.nat({ max: 12 }),
  inserted: fc.string({ unit: fc.constantFrom('<', '>', '/', '"', "'", '&', ';', '=', '!', '-', ' ', '\r\n', 'a', 'x', 'amp', 'enforceFIPSPolicy', '!--', '<!DOCTYPE x>', '<!-- mim-lint-disable-line MIM101 -->', '<a/>', '</a>'), maxLength: 6 }),
});
const edit = fc.oneof(typing, markup);

function applyEdit(text: string, e: { at: number; removed: number; inserted: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.inserted + text.slice(at + e.removed);
}

test('a reparse after random edits builds the same tree and the same findings as a full parse', () => {
  let edited = 0;
  let reused = 0;
  fc.assert(
    fc.property(fc.constantFrom(...configs), fc.array(edit, { minLength: 1, maxLength: 8 }), (original, edits) => {
      let previous = parseXmlReusable(original, options);
      let previousLint = lint(original, serviceConfig, { profile: hosts.hardened, reusable: true });
      let text = original;
      for (const e of edits) {
        text = applyEdit(text, e);
        const reparsed = parseXmlReusable(text, options, previous);
        edited++;
        // A replayed root keeps the attribute object sax decoded earlier; a full parse makes a new one.
        if (reparsed.nodes && reparsed.nodes[0]?.decoded === previous.nodes?.[0]?.decoded) reused++;
        assert.deepEqual(shape(reparsed.document), shape(parseXml(text, options)));
        previous = reparsed;
        const incremental = lint(text, serviceConfig, { profile: hosts.hardened, reusable: true, reuseFrom: previousLint });
        const full = lint(text, serviceConfig, { profile: hosts.hardened });
        assert.deepEqual(incremental.findings, full.findings);
        previousLint = incremental;
      }
    }),
    { numRuns: 300 },
  );
  // Most random edits break the document or land between elements; enough of them must take the path.
  assert.ok(reused > edited / 10, `the reparse path was taken for ${reused} of ${edited} edits`);
});

test('typing inside an attribute value reparses only the element around it', () => {
  const original = configs[0];
  const first = parseXmlReusable(original, options);
  const at = original.indexOf('enabled="') + 'enabled="'.length;
  const text = original.slice(0, at) + 'x' + original.slice(at);
  const second = parseXmlReusable(text, options, first);
  assert.ok(second.nodes && first.nodes);
  // A replayed element keeps the attribute values sax decoded the first time; a new parse would not.
  assert.equal(second.nodes[0].decoded, first.nodes[0].decoded, 'the root was replayed, not parsed again');
  assert.equal(second.nodes.at(-1)!.decoded, first.nodes.at(-1)!.decoded, 'so was the last element');
  assert.deepEqual(shape(second.document), shape(parseXml(text, options)));
});

test('an edit that breaks the document, or lies between the root and its children, is a full parse', () => {
  const original = configs[0];
  const first = parseXmlReusable(original, options);
  const at = original.indexOf('<runtime>') + 1;
  const broken = original.slice(0, at) + '/' + original.slice(at);
  const reparsed = parseXmlReusable(broken, options, first);
  assert.ok(reparsed.document.error, 'the syntax error is reported');
  assert.deepEqual(shape(reparsed.document), shape(parseXml(broken, options)));
  assert.equal(reparsed.nodes, undefined, 'a text with an error is not reused');
  // Back to the original text: nothing to reuse, still the same as a full parse.
  assert.deepEqual(shape(parseXmlReusable(original, options, reparsed).document), shape(first.document));
});

test('changedSpan finds the one edit between two texts', () => {
  assert.deepEqual(changedSpan('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, delta: 1 });
  assert.deepEqual(changedSpan('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, delta: 1 });
  assert.deepEqual(changedSpan('abc', ''), { start: 0, oldEnd: 3, delta: -3 });
});

test('markup that parses alone but not inside a parent is not reparsed alone: a DOCTYPE before the element', () => {
  const original = '<configuration><runtime><x/></runtime></configuration>';
  const at = original.indexOf('<x/>') + 1;
  const text = original.slice(0, at) + '!DOCTYPE x><' + original.slice(at);
  const reparsed = parseXmlReusable(text, options, parseXmlReusable(original, options));
  assert.match(reparsed.document.error?.message ?? '', /doctype/i, 'inside an element a DOCTYPE is an error');
  assert.deepEqual(shape(reparsed.document), shape(parseXml(text, options)));
});

test('changedSpan across whole compared blocks: edits near the start, the end and at a block boundary', () => {
  const base = 'abcdefghij'.repeat(500);
  for (const at of [0, 1, 1023, 1024, 1025, 2048, 2500, base.length - 1025, base.length - 1024, base.length - 1, base.length]) {
    const after = base.slice(0, at) + 'XY' + base.slice(at + 1);
    const span = changedSpan(base, after);
    assert.equal(base.slice(0, span.start) + after.slice(span.start, span.oldEnd + span.delta) + base.slice(span.oldEnd), after, `edit at ${at}`);
    assert.ok(span.start <= at && span.oldEnd >= Math.min(at + 1, base.length) - 0 && span.oldEnd - span.start <= 2, `edit at ${at}: ${JSON.stringify(span)}`);
  }
});
