// MIM901 is reported on .mimlintrc.json itself, which is not a file kind the rules read: the findings
// come from engine/config/project-config.ts (configFindings). The module exists for the metadata that
// docs, SARIF and the config schema take from allRules.
import type { Rule } from './rule';

export const mim901: Rule = {
  meta: {
    id: 'MIM901',
    name: 'config-invalid',
    defaultSeverity: 'error',
    fileKinds: [],
    summary: 'The project config file .mimlintrc.json is not valid JSON or has an unknown key, rule ID or value.',
    fixable: false,
  },
};
