// Completion in .exe.config files: the enforceFIPSPolicy element as a direct child of <runtime>, and
// the values of its enabled attribute. A light scan of the text before the cursor: the document is
// being typed, so it is rarely well-formed.
import { fipsAttributeName, fipsElementName } from '../config/facts';
import type { AssistCompletion } from './completion';

const fipsElement = `<${fipsElementName} ${fipsAttributeName}="false"/>`;

export function configCompletions(text: string, offset: number): AssistCompletion[] {
  const before = text.slice(0, offset);
  if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) return [];
  const tagStart = before.lastIndexOf('<');
  if (tagStart < 0 || before.lastIndexOf('>') > tagStart) return [];
  const tag = before.slice(tagStart);
  let end = offset;
  while (end < text.length && /[\w:.-]/.test(text[end])) end++;
  const value = new RegExp(`^<${fipsElementName}\\b[^>]*\\b${fipsAttributeName}\\s*=\\s*(["'])([^"']*)$`).exec(tag);
  if (value) return attributeValues(offset - value[2].length, end);
  if (/^<[\w]*$/.test(tag) && isDirectChildOfRuntime(text, tagStart)) {
    // Replace the typed name and a `/>` or `>` the editor may have closed the tag with.
    const close = /^\s*\/?>/.exec(text.slice(end));
    return [{
      label: fipsElementName,
      kind: 'element',
      detail: `${fipsElementName} ${fipsAttributeName}="false"`,
      documentation:
        'Switches .NET FIPS enforcement off for this program. MIM Service needs it on a FIPS-mode host, or its workflows ' +
        'fail with "Access Denied" (facts §3). Re-apply it after every service pack or hotfix.',
      insertText: fipsElement,
      start: tagStart,
      end: end + (close ? close[0].length : 0),
      preselect: true,
    }];
  }
  return [];
}

function attributeValues(start: number, end: number): AssistCompletion[] {
  return [
    {
      label: 'false', kind: 'value', detail: 'FIPS enforcement off', preselect: true, start, end, insertText: 'false',
      documentation: '.NET does not enforce the FIPS policy for this program: what MIM Service needs on a FIPS-mode host.',
    },
    {
      label: 'true', kind: 'value', detail: 'FIPS enforcement on', start, end, insertText: 'true',
      documentation: '.NET enforces the FIPS policy (the default): on a FIPS-mode host MIM Service workflows fail with "Access Denied".',
    },
  ];
}

/** The `<` at `at` opens a direct child of a <runtime> element that is still open. */
function isDirectChildOfRuntime(text: string, at: number): boolean {
  // Comments blanked out, offsets kept: a commented-out <runtime> opens nothing.
  const before = text.slice(0, at).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  let open = -1;
  for (const match of before.matchAll(/<runtime(\s[^>]*)?>/g)) {
    if (!match[0].endsWith('/>')) open = match.index + match[0].length;
  }
  if (open < 0) return false;
  let depth = 0;
  for (const tag of before.slice(open).matchAll(/<(\/?)[\w:.-]+[^>]*?(\/?)>/g)) {
    if (tag[2] === '/') continue;
    depth += tag[1] === '/' ? -1 : 1;
    if (depth < 0) return false; // </runtime> closed it
  }
  return depth === 0;
}
