// Pass 3: a block's nodes into statements. A line break ends a statement unless the line ends with
// `,`, `|`, `=`, `&&`/`||` (PowerShell reads on), or a keyword statement such as `if (…)`, `function x`
// or a DSC resource `Registry Name` continues with its `{` on the next line; `;` always ends one.
// Groups are single nodes here, so line breaks inside (…), @(…) and @{…} never split a statement.
import { isGroup, isToken, type Node } from './tree';

/** Keywords whose statement may put its `{` on the next line. */
const blockKeywords = new Set([
  'if',
  'elseif',
  'else',
  'switch',
  'foreach',
  'for',
  'while',
  'do',
  'until',
  'try',
  'catch',
  'finally',
  'trap',
  'function',
  'filter',
  'workflow',
  'configuration',
  'node',
  'begin',
  'process',
  'end',
  'dynamicparam',
  'data',
  'class',
  'enum',
  'parallel',
  'sequence',
  'inlinescript',
]);

/** Keywords that start statements which are not commands. */
export const keywords = new Set([...blockKeywords, 'param', 'return', 'throw', 'exit', 'break', 'continue', 'using', 'in', 'default']);

export function splitStatements(nodes: readonly Node[]): Node[][] {
  const statements: Node[][] = [];
  let current: Node[] = [];
  const finish = () => {
    if (current.length > 0) statements.push(current);
    current = [];
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (isToken(node, 'semicolon')) {
      finish();
    } else if (isToken(node, 'newline')) {
      if (current.length === 0 || continuesAfterLineBreak(current)) continue;
      let next = i + 1;
      while (isToken(nodes[next], 'newline')) next++;
      if (isGroup(nodes[next], '{') && takesBlockOnNextLine(current)) {
        i = next - 1;
        continue;
      }
      finish();
    } else {
      current.push(node);
    }
  }
  finish();
  return statements;
}

function continuesAfterLineBreak(statement: readonly Node[]): boolean {
  const last = statement[statement.length - 1];
  return isToken(last, 'comma') || isToken(last, 'pipe') || isToken(last, 'chain') || isToken(last, 'assign');
}

function takesBlockOnNextLine(statement: readonly Node[]): boolean {
  if (isGroup(statement[statement.length - 1], '{')) return false;
  const first = statement[0];
  if (isToken(first, 'word') && blockKeywords.has(first.text.toLowerCase())) return true;
  return isResourceHeader(statement);
}

/** `Registry FipsPolicy` (a DSC resource before its `{`): a bareword and a name. */
export function isResourceHeader(nodes: readonly Node[]): boolean {
  if (nodes.length !== 2) return false;
  const [type, name] = nodes;
  if (!isToken(type, 'word') || keywords.has(type.text.toLowerCase()) || /^[-\u2013-\u2015.&]/.test(type.text)) return false;
  if (isToken(name, 'word')) return !/^[-\u2013-\u2015]/.test(name.text);
  return isToken(name, 'string') || isToken(name, 'variable');
}
