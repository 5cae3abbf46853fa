// The engine's public surface for the language server, the CLI and tests.
export { lint, mayCallOtherScripts, scriptCalls, callersByScript, addCallers, type LintOptions, type LintResult, type SeverityOverride, type ScriptCall } from './lint';
export { scriptPathKey, type CallContext } from './script/facts';
export { applyEdits, compatiblePreferredEdits, fixAll, type FixAllResult } from './fixes';
export { fixAllEdits, minimalEdits, type FixAllEdits } from './fix-all-edits';
export { Suppressions, parseDirectives, unusedSuppressionId, type SuppressedFinding, type SuppressionDirective, type DirectiveKind, type DirectiveRuleId } from './suppressions/index';
export { allRules, ruleById } from './rules/index';
export type { RuleMeta } from './rules/rule';
export { ruleDocsUrl, ruleDocsPath, repositoryUrl } from './docs';
export { SourceText, type Position } from './source-text';
export { fileKindOf, supportedKinds } from './file-kinds';
export * from './profile';
export type * from './types';
export { hostEvidence, type HostEvidence, type FactEvidence } from './host/evidence';
export { inferProfile } from './host/infer';
export type { RuleFailure } from './lint';
export { completionsAt, type AssistCompletion, type AssistItemKind } from './assist/completion';
export { hoverAt, type AssistHover } from './assist/hover';
export { outlineOf, type OutlineSymbol, type OutlineKind } from './assist/outline';
