// textDocument/hover: the engine writes the text; this converts offsets. On a finding's range the hover
// also shows the rule page's "why" and "how to fix", bundled into the server (offline), after any hover
// the engine has for that place.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf, hoverAt, ruleDocsUrl } from '../engine/index';
import { hoverPage, rulePage } from '../common/rule-docs';
import type { LintResults } from './lint-results';
import { fileNameOf } from './uris';

export function hover(params: HoverParams, document: TextDocument | undefined, results?: LintResults): Hover | null {
  if (!document) return null;
  const fileName = fileNameOf(document.uri) ?? document.uri;
  const kind = fileKindOf(fileName);
  const offset = document.offsetAt(params.position);
  const found = kind ? hoverAt(kind, document.getText(), offset, fileName) : undefined;
  // Only a lint of exactly this text: an older one's ranges may point elsewhere.
  const findings = (results?.current(document.uri, document.version)?.findings ?? []).filter((f) => f.start <= offset && offset <= f.end);
  const pages = [...new Set(findings.map((f) => f.ruleId))].flatMap((ruleId) => {
    const page = rulePage(ruleId);
    return page ? [hoverPage(page, ruleDocsUrl)] : [];
  });
  if (!found && pages.length === 0) return null;
  const start = found?.start ?? Math.max(...findings.map((f) => f.start));
  const end = found?.end ?? Math.min(...findings.map((f) => f.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: [found?.contents, ...pages].filter((part) => part !== undefined).join('\n\n---\n\n') },
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}
