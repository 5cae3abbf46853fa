import type { Rule } from './rule';

/**
 * Has no check of its own: the engine reports MIM900 after applying the suppression directives
 * (server/src/engine/suppressions), because only then is it known which directive suppressed nothing.
 * Being a rule gives it an ID, a severity override ('off' silences it), docs and a SARIF entry.
 */
export const mim900: Rule = {
  meta: {
    id: 'MIM900',
    name: 'unused-suppression',
    defaultSeverity: 'hint',
    fileKinds: ['config', 'cmd', 'powershell', 'reg', 'inf'],
    summary: 'A mim-lint-disable directive suppresses nothing, or names a rule that does not exist.',
    fixable: true,
  },
};
