// The rule registry: the one list that the engine runs and that docs, SARIF `rules`, the README table
// and the settings are generated from or checked against.
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
