// The engine's public surface for the language server, the CLI and tests.
export { lint, mayCallOtherScripts, scriptCalls, callersByScript, addCallers, propagateCallers, type LintOptions, type LintResult, type SeverityOverride, type ScriptCall } from './lint';
export { scriptPathKey, type CallContext } from './script/facts';
export { applyEdits, fixAll } from './fixes';
export { fixAllEdits, minimalEdits } from './fix-all-edits';
export { Suppressions, parseDirectives } from './suppressions/index';
export { allRules, ruleById } from './rules/index';
export { ruleDocsUrl, ruleDocsPath, repositoryUrl } from './docs';
export { SourceText, type Position } from './source-text';
export { fileKindOf } from './file-kinds';
export * from './profile';
export type * from './types';
export { hostEvidence, type HostEvidence } from './host/evidence';
export { inferProfile } from './host/infer';
export { completionsAt, type AssistCompletion, type AssistItemKind } from './assist/completion';
export { hoverAt } from './assist/hover';
export { outlineOf, type OutlineSymbol, type OutlineKind } from './assist/outline';
export { tlsStateHints, type TlsStateHint } from './assist/tls-state-hints';
