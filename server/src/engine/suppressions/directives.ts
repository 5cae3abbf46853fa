// Suppression directives, read from the comments the file's own reader found (XML <!-- -->, cmd rem and
// ::, PowerShell # and <# #>, .reg/.inf ;), so text in a string or an attribute is never a directive:
//
//   mim-lint-disable-next-line MIM101, MIM106: reason
//   mim-lint-disable-line MIM201 -- reason
//   mim-lint-disable-file MIM201
//
// The reason follows a colon, or two or more dashes after a blank as in ESLint (`-- reason`); `--` makes
// an XML comment malformed, so there only the colon works (MIM001 says so). A directive starts a comment
// or one of its lines (a <# #> or <!-- --> block may hold several). Positions are kept for every rule ID
// so an unused one can be pointed at and removed exactly; words that are not rule IDs (a reason written
// without its separator) are kept apart, to be reported once.

export type DirectiveKind = 'next-line' | 'line' | 'file';

export interface CommentRange {
  start: number;
  end: number;
}

export interface DirectiveRuleId {
  /** Upper-cased (`mim106` names MIM106). */
  id: string;
  start: number;
  end: number;
}

export interface SuppressionDirective {
  /** Undefined for a `mim-lint-…` word that is not a directive (reported as unknown). */
  kind: DirectiveKind | undefined;
  /** The directive word as written, e.g. `mim-lint-disable-next-line`. */
  keyword: string;
  /** From the directive word to the end of its reason (or of its last ID). */
  start: number;
  end: number;
  ids: DirectiveRuleId[];
  /** Words among the IDs that are not rule IDs (`reviewed 2024-03` written without `:` or `--`). */
  strays: DirectiveRuleId[];
  /** The text after the colon or the dashes, trimmed; undefined when there is none. */
  reason?: string;
  comment: CommentRange;
  /** The comment holds nothing but this directive (so removing the directive removes the comment). */
  wholeComment: boolean;
}

const keywordPattern = /^mim-lint-[a-z-]*[a-z]/i;
const kinds: Record<string, DirectiveKind> = {
  'mim-lint-disable-next-line': 'next-line',
  'mim-lint-disable-line': 'line',
  'mim-lint-disable-file': 'file',
};
/** Comment openers, so the directive can start right after them: `<!--`, `<#`, `#`, `;`, `::`, `rem`. */
const opener = /^(?:<!--|<#|#|;|@?[ \t]*(?:::|rem(?=[\s:.,;=(]|$)))/i;
const closer = /(?:-->|#>)$/;
/** What a rule ID looks like (`MIM106`, also an unknown `MIM999`); any other word is not one. */
const ruleIdShape = /^MIM\d/;

/** Where the reason starts: after the first `:`, or after `--` (or more dashes) that follow a blank. */
function reasonSeparator(afterKeyword: string): { start: number; end: number } | undefined {
  const match = /:|(?<=\s)-{2,}(?=\s|$)/.exec(afterKeyword);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

export function parseDirectives(text: string, comments: readonly CommentRange[]): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  for (const comment of comments) {
    const raw = text.slice(comment.start, comment.end);
    if (!/mim-lint-/i.test(raw)) continue;
    const bodyStart = comment.start + (opener.exec(raw)?.[0].length ?? 0);
    const bodyEnd = Math.max(bodyStart, comment.end - (closer.exec(raw)?.[0].length ?? 0));
    const found: SuppressionDirective[] = [];
    for (const segment of lineSegments(text, bodyStart, bodyEnd)) {
      const directive = parseSegment(text, segment.start, segment.end, comment);
      if (directive) found.push(directive);
    }
    const body = text.slice(bodyStart, bodyEnd).trim();
    for (const directive of found) {
      directive.wholeComment = found.length === 1 && body === text.slice(directive.start, directive.end);
      directives.push(directive);
    }
  }
  return directives;
}

function* lineSegments(text: string, start: number, end: number): Generator<CommentRange> {
  let at = start;
  while (at <= end) {
    let lineEnd = at;
    while (lineEnd < end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    yield { start: at, end: lineEnd };
    if (lineEnd >= end) return;
    at = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
}

function parseSegment(text: string, segmentStart: number, segmentEnd: number, comment: CommentRange): SuppressionDirective | undefined {
  let start = segmentStart;
  while (start < segmentEnd && (text[start] === ' ' || text[start] === '\t')) start++;
  const keyword = keywordPattern.exec(text.slice(start, segmentEnd))?.[0];
  if (!keyword) return undefined;
  const afterKeyword = start + keyword.length;
  // `mim-lint-disable-next-lineX` is not the directive followed by something.
  if (afterKeyword < segmentEnd && !/[\s,:]/.test(text[afterKeyword])) return undefined;
  const separator = reasonSeparator(text.slice(afterKeyword, segmentEnd));
  const idsEnd = separator ? afterKeyword + separator.start : segmentEnd;
  const reasonStart = separator ? afterKeyword + separator.end : segmentEnd;
  const ids: DirectiveRuleId[] = [];
  const strays: DirectiveRuleId[] = [];
  for (const match of text.slice(afterKeyword, idsEnd).matchAll(/[^\s,]+/g)) {
    const idStart = afterKeyword + match.index!;
    const word = { id: match[0].toUpperCase(), start: idStart, end: idStart + match[0].length };
    (ruleIdShape.test(word.id) ? ids : strays).push(word);
  }
  let end = segmentEnd;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const reason = text.slice(reasonStart, segmentEnd).trim();
  return {
    kind: kinds[keyword.toLowerCase()],
    keyword,
    start,
    end,
    ids,
    strays,
    reason: reason || undefined,
    comment,
    wholeComment: false,
  };
}
