// The JSON schema of .mimlintrc.json, built from allRules so that completion in VS Code offers exactly
// the rules the engine has, each with its summary. schemas/mimlintrc.schema.json is this, written out by
// `npm run gen`; `npm test` fails when they differ.
import { ruleDocsUrl } from '../docs';
import { ruleById } from '../rules/index';
import { configurableRuleIds, severityOverrides } from './project-config';

const severityDescriptions = [
  'The rule does not run.',
  'Shown as a hint (dotted underline; not in the Problems panel).',
  'Shown as information.',
  'Shown as a warning.',
  'Shown as an error; the CLI exits 1.',
];

const hostSetting = (description: string) => ({ type: 'string', enum: ['auto', 'on', 'off'], default: 'auto', description });

export function projectConfigSchema(): object {
  const rule = (id: string) => ({
    type: 'string',
    enum: [...severityOverrides],
    enumDescriptions: severityDescriptions,
    markdownDescription: `${ruleById(id)?.meta.summary ?? ''} Default: \`${ruleById(id)?.meta.defaultSeverity}\`. [${id}](${ruleDocsUrl(id)})`,
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'mim-lint project config (.mimlintrc.json)',
    description:
      'Applies to the files in this folder and below; the nearest .mimlintrc.json wins. Overrides the VS Code settings mimLint.host.* and mimLint.rules; the CLI flags --fips and --tls12-only override it.',
    // VS Code's JSON language service reads these two: the file is JSON with comments.
    allowComments: true,
    allowTrailingCommas: true,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      host: {
        type: 'object',
        description: 'The Windows hosts these files are deployed to.',
        additionalProperties: false,
        properties: {
          fips: hostSetting('FIPS mode ("System cryptography: Use FIPS compliant algorithms"). auto: inferred from the workspace hardening sources.'),
          tls12Only: hostSetting('SSL 3.0, TLS 1.0 and TLS 1.1 disabled, only TLS 1.2 left. auto: inferred from the workspace SCHANNEL settings.'),
        },
      },
      rules: {
        type: 'object',
        description: 'Per-rule severity, by rule ID (see docs/rules).',
        additionalProperties: false,
        properties: Object.fromEntries(configurableRuleIds.map((id) => [id, rule(id)])),
      },
      ignore: {
        type: 'array',
        description:
          "Files not to lint: globs relative to this file's folder, in VS Code's syntax (** any depth, * and ? within a name, {a,b} nested, [abc], [!a]; no ! negation); a folder covers its contents.",
        items: { type: 'string', minLength: 1 },
      },
    },
  };
}
