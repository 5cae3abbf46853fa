// Where each rule's documentation lives. Diagnostics (codeDescription.href), SARIF helpUri and the
// README all link here; test/unit/docs.test.ts checks that they agree.
export const repositoryUrl = 'https://github.com/mim-lint/mim-lint';

export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function ruleDocsUrl(ruleId: string): string {
  return `${repositoryUrl}/blob/main/${ruleDocsPath(ruleId)}`;
}
