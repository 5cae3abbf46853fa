// .mimlintrc.json reading: JSONC (comments, trailing commas), validation with exact ranges, what
// still applies from a file with problems, the layering helpers and `ignore`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  configFindings,
  ignoreMatcher,
  isProjectConfigFile,
  parseProjectConfig,
  starterConfigText,
  withConfigHost,
  withConfigRules,
} from '../../../server/src/engine/config/project-config';
import { parseJsonc } from '../../../server/src/engine/config/jsonc';
import { profileFromSettings, unknownProfile } from '../../../server/src/engine/index';

/** The [start, end) of the n-th occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0): [number, number] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in the text`);
  return [start, start + needle.length];
}

test('comments and trailing commas are JSON with comments, not errors', () => {
  const text = '{\n  // host\n  "host": { "fips": "on", /* inline */ },\n  "rules": { "MIM106": "off", },\n  "ignore": ["archive/**",],\n}\n';
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { host: { fips: 'on' }, rules: { MIM106: 'off' }, ignore: ['archive/**'] });
});

test('"//" and "/*" inside strings are text, not comments', () => {
  const parsed = parseJsonc('{ "a": "http://x/*y*/", "b": "\\"//" }');
  assert.ok(parsed.root?.type === 'object');
  assert.deepEqual(parsed.root.properties.map((p) => p.value.type === 'string' && p.value.value), ['http://x/*y*/', '"//']);
});

test('the starter file is valid and applies nothing but auto', () => {
  const { config, problems } = parseProjectConfig(starterConfigText);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { host: { fips: 'auto', tls12Only: 'auto' }, rules: {}, ignore: [] });
});

test('an unknown rule ID is reported on the ID; the valid entries still apply', () => {
  const text = '{\n  "rules": {\n    "MIM999": "off",\n    "MIM106": "off"\n  }\n}';
  const { config, problems } = parseProjectConfig(text);
  assert.equal(problems.length, 1);
  assert.deepEqual([problems[0].start, problems[0].end], rangeOf(text, '"MIM999"'));
  assert.match(problems[0].message, /unknown rule "MIM999"/);
  assert.deepEqual(config.rules, { MIM106: 'off' });
});

test('a rule ID in lower case is reported with the right spelling', () => {
  const { problems } = parseProjectConfig('{ "rules": { "mim106": "off" } }');
  assert.match(problems[0].message, /rule IDs are written MIM106/);
});

test('a wrong severity, host value and ignore entry are reported on the value', () => {
  const text = '{ "host": { "fips": "yes", "tls12Only": "on" }, "rules": { "MIM108": "warn" }, "ignore": ["ok/**", 42] }';
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(
    problems.map((p) => [p.start, p.end]),
    [rangeOf(text, '"yes"'), rangeOf(text, '"warn"'), rangeOf(text, '42')],
  );
  assert.match(problems[0].message, /host\.fips must be "auto", "on" or "off"/);
  assert.match(problems[1].message, /^MIM108 must be "off", "hint", "info", "warning" or "error"$/);
  assert.deepEqual(config, { host: { tls12Only: 'on' }, rules: {}, ignore: ['ok/**'] });
});

test('unknown keys are reported on the key, at the top and inside host', () => {
  const text = '{ "rule": {}, "host": { "fips": "on", "tls": "on" } }';
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(problems.map((p) => [p.start, p.end]), [rangeOf(text, '"rule"'), rangeOf(text, '"tls"')]);
  assert.match(problems[0].message, /unknown key "rule": expected "host", "rules", "ignore"/);
  assert.deepEqual(config.host, { fips: 'on' });
});

test('MIM901 itself cannot be configured', () => {
  const { problems } = parseProjectConfig('{ "rules": { "MIM901": "off" } }');
  assert.match(problems[0].message, /cannot be configured/);
});

test('bad JSON: the exact place, and nothing in the file applies', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['{ "rules": { "MIM106": "off" }\n  "ignore": [] }', '"ignore"', /expected , or \}/],
    ['{ "rules": { "MIM106": off } }', 'off', /unexpected "off" \(strings need double quotes\)/],
    ['{ "rules": { "MIM106": "off', '"off', /unterminated string/],
    ['{ /* never closed', '/*', /unterminated \/\* comment/],
    ['', '', /the file is empty/],
  ];
  for (const [text, at, message] of cases) {
    const { config, problems } = parseProjectConfig(text);
    assert.equal(problems.length, 1, text);
    assert.equal(problems[0].start, text.indexOf(at), text);
    assert.match(problems[0].message, message);
    assert.match(problems[0].message, /^not valid JSON, so none of it applies: /);
    assert.deepEqual(config, { host: {}, rules: {}, ignore: [] });
  }
});

test('a top level that is not an object applies nothing', () => {
  const { problems } = parseProjectConfig('["MIM106"]');
  assert.deepEqual([problems[0].start, problems[0].end], [0, 10]);
});

test('hostile input: deep nesting and a huge file end in an error value, never a throw', () => {
  assert.match(parseProjectConfig('['.repeat(100_000)).problems[0].message, /nested more than/);
  const big = `{ "ignore": [${Array.from({ length: 20_000 }, (_, i) => `"d${i}/**"`).join(',')}] }`;
  assert.equal(parseProjectConfig(big).config.ignore.length, 20_000);
});

test('problems become MIM901 errors that say what still applies', () => {
  const [finding] = configFindings(parseProjectConfig('{ "rules": { "MIM999": "off" } }'));
  assert.equal(finding.ruleId, 'MIM901');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^Invalid \.mimlintrc\.json: unknown rule "MIM999".* \(ignored\)\.$/);
});

test('precedence helpers: the file beats the settings, rule by rule and fact by fact', () => {
  const settings = profileFromSettings({ fips: 'off', tls12Only: 'on' }, 'setting', unknownProfile());
  const profile = withConfigHost(settings, { host: { fips: 'on' }, rules: {}, ignore: [] });
  assert.deepEqual([profile.fips.value, profile.fips.source], ['on', 'config']);
  assert.deepEqual([profile.tls12Only.value, profile.tls12Only.source], ['on', 'setting']);
  const rules = withConfigRules({ MIM106: 'error', MIM108: 'off' }, { host: {}, rules: { MIM106: 'off' }, ignore: [] });
  assert.deepEqual(rules, { MIM106: 'off', MIM108: 'off' });
});

test('ignore: globs relative to the config folder, a folder pattern covers its contents', () => {
  const ignores = ignoreMatcher({ host: {}, rules: {}, ignore: ['archive', '**/*.bak.config', 'old/*.cmd'] });
  assert.ok(ignores('archive/Microsoft.ResourceManagement.Service.exe.config'));
  assert.ok(ignores('a/b/web.bak.config'));
  assert.ok(ignores('old/install.cmd'));
  assert.ok(!ignores('old/sub/install.cmd'));
  assert.ok(!ignores('current/web.config'));
});

test('an ignore glob that cannot be used is MIM901 on its entry; nested braces and classes are fine', () => {
  const text = '{ "ignore": ["{a", "{a,{b,c}}", "[0-9", "!archive", "deploy/[0-9]*.cmd"] }';
  const parsed = parseProjectConfig(text);
  assert.deepEqual(parsed.config.ignore, ['{a,{b,c}}', 'deploy/[0-9]*.cmd']);
  assert.deepEqual(
    parsed.problems.map((p) => [text.slice(p.start, p.end), p.message]),
    [
      ['"{a"', '"{a" is not a usable glob: the "{" at character 1 is never closed'],
      ['"[0-9"', '"[0-9" is not a usable glob: the "[" of "[0-9" is never closed'],
      ['"!archive"', '"!archive" is not a usable glob: negated patterns ("!…") are not supported'],
    ],
  );
  const [finding] = configFindings(parsed);
  assert.equal(finding.ruleId, 'MIM901');
  assert.match(finding.message, /^Invalid \.mimlintrc\.json: "\{a" is not a usable glob: .* \(ignored\)\.$/);
  const ignores = ignoreMatcher(parsed.config);
  assert.deepEqual(['a', 'b', 'c', 'd', 'deploy/1-install.cmd', 'deploy/install.cmd'].filter(ignores), ['a', 'b', 'c', 'deploy/1-install.cmd']);
});

test('the config file is recognised by name, in any folder', () => {
  assert.ok(isProjectConfigFile('/srv/repo/.mimlintrc.json'));
  assert.ok(isProjectConfigFile('C:\\repo\\.mimlintrc.json'));
  assert.ok(!isProjectConfigFile('/srv/repo/x.mimlintrc.json'));
});
