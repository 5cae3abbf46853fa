import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, lint } from '../../server/src/engine/index';
import type { ConfigRule } from '../../server/src/engine/rules/rule';
import { hosts, serviceConfig } from './helpers';
import * as xml from '../../server/src/engine/xml/parse';

test('a rule that throws is reported as a failure and the other rules still report', () => {
  const broken: ConfigRule = {
    meta: { id: 'MIM999', name: 'always-throws', defaultSeverity: 'error', fileKinds: ['config'], summary: 'test', fixable: false },
    checkConfig() {
      throw new Error('boom');
    },
  };
  const result = lint('<configuration>&</configuration>', serviceConfig, { profile: hosts.fips, rules: [broken, ...allRules] });
  assert.equal(result.failures.length, 1);
  assert.equal(result.failures[0].ruleId, 'MIM999');
  assert.deepEqual(result.findings.map((f) => f.ruleId), ['MIM001']);
});

test('rule metadata: unique stable IDs, kebab-case names, one-line summaries', () => {
  const ids = allRules.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const { meta } of allRules) {
    assert.match(meta.id, /^MIM\d{3}$/);
    assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(meta.summary.length > 20 && !meta.summary.includes('\n'));
  }
});

test('files the engine does not read get no findings', () => {
  assert.equal(lint('<x>&</x>', 'notes.txt').findings.length, 0);
  assert.equal(lint('<x>&</x>', 'notes.txt').kind, undefined);
});

test('XML comments span from <!-- to after -->', () => {
  const text = '<a><!-- x --><!--y--></a>';
  const { parseXml } = xml;
  const comments = parseXml(text).comments.map((c) => text.slice(c.start, c.end));
  assert.deepEqual(comments, ['<!-- x -->', '<!--y-->']);
});
