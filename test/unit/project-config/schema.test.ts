// The shipped JSON schema (completion and validation of .mimlintrc.json in VS Code) must list exactly
// the rules the engine has, and agree with the validator on values, so the two can never drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { allRules } from '../../../server/src/engine/index';
import { configurableRuleIds, severityOverrides } from '../../../server/src/engine/config/project-config';
import { projectConfigSchema } from '../../../server/src/engine/config/schema';

const schemaPath = 'schemas/mimlintrc.schema.json';
const generated = `${JSON.stringify(projectConfigSchema(), null, 2)}\n`;
// After adding a rule: UPDATE_SCHEMA=1 node --test out/test/unit/project-config/schema.test.js
if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaPath, generated);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

test('schemas/mimlintrc.schema.json is generated from allRules (UPDATE_SCHEMA=1 rewrites it)', () => {
  assert.equal(readFileSync(schemaPath, 'utf8'), generated);
});
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
  const commands = contributes.commands.map((c: { command: string }) => c.command);
  assert.ok(commands.includes('mimLint.lintWorkspace') && commands.includes('mimLint.createConfigFile'));
});

test('the $mim-lint problem matcher reads the stylish format', () => {
  const [matcher] = packageJson.contributes.problemMatchers;
  assert.equal(matcher.name, 'mim-lint');
  const [fileLine, findingLine] = matcher.pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
  assert.equal(fileLine.exec('examples/sync/miiserver.exe.config')?.[1], 'examples/sync/miiserver.exe.config');
  const match = findingLine.exec('  11:31  warning  enabled="False" is not one of the documented values.  MIM105');
  assert.deepEqual(match?.slice(1), ['11', '31', 'warning', 'enabled="False" is not one of the documented values.', 'MIM105']);
});
