// The shipped JSON schema (completion and validation of .mimlintrc.json in VS Code) must list exactly
// the rules the engine has, and agree with the validator on values, so the two can never drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allRules } from '../../../server/src/engine/index';
import { configurableRuleIds, severityOverrides } from '../../../server/src/engine/config/project-config';
import { paletteCommands } from '../../../server/src/protocol';

// `npm run gen` writes the file from projectConfigSchema(); its --check in npm test fails when it is stale.
const schema = JSON.parse(readFileSync('schemas/mimlintrc.schema.json', 'utf8'));
const packageJson = JSON.parse(readFileSync('package.json', 'utf8'));

test("the schema's rule IDs are allRules (all but MIM901, which reports the file's own problems)", () => {
  const ids = allRules.map((rule) => rule.meta.id);
  assert.deepEqual(Object.keys(schema.properties.rules.properties), ids.filter((id) => id !== 'MIM901'));
  assert.deepEqual([...configurableRuleIds], ids.filter((id) => id !== 'MIM901'));
  assert.equal(schema.properties.rules.additionalProperties, false);
});

test('the schema and the validator accept the same values', () => {
  for (const rule of Object.values(schema.properties.rules.properties) as Array<{ enum: string[] }>) {
    assert.deepEqual(rule.enum, [...severityOverrides]);
  }
  assert.deepEqual(schema.properties.host.properties.fips.enum, ['auto', 'on', 'off']);
  assert.deepEqual(schema.properties.host.properties.tls12Only.enum, ['auto', 'on', 'off']);
  assert.deepEqual(Object.keys(schema.properties), ['$schema', 'host', 'rules', 'ignore']);
  assert.equal(schema.allowComments, true);
});

test('package.json contributes the schema for .mimlintrc.json and the new settings and commands', () => {
  const contributes = packageJson.contributes;
  assert.deepEqual(contributes.jsonValidation, [{ fileMatch: '.mimlintrc.json', url: './schemas/mimlintrc.schema.json' }]);
  const properties = contributes.configuration.properties;
  assert.deepEqual(properties['mimLint.rules'].additionalProperties.enum, [...severityOverrides]);
  assert.equal(properties['mimLint.lintWorkspace'].default, true);
  assert.equal(properties['mimLint.maxFileSizeKB'].default, 1024);
  // The client registers exactly the palette commands of the protocol module.
  assert.deepEqual(contributes.commands.map((c: { command: string }) => c.command), Object.values(paletteCommands));
});

test('the $mim-lint problem matcher reads the stylish format', () => {
  const [matcher] = packageJson.contributes.problemMatchers;
  assert.equal(matcher.name, 'mim-lint');
  const [fileLine, findingLine] = matcher.pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
  assert.equal(fileLine.exec('examples/sync/miiserver.exe.config')?.[1], 'examples/sync/miiserver.exe.config');
  const match = findingLine.exec('  11:31  warning  enabled="False" is not one of the documented values.  MIM105');
  assert.deepEqual(match?.slice(1), ['11', '31', 'warning', 'enabled="False" is not one of the documented values.', 'MIM105']);
});
