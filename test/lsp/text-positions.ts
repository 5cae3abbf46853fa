// LSP positions computed independently of the engine's SourceText, so the tests check the server's
// conversion instead of repeating it. Lines end at \r\n, \n or \r; characters are UTF-16 units.
import type { Position, TextEdit } from 'vscode-languageserver-protocol';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\n|\r/g)) starts.push(match.index! + match[0].length);
  return starts;
}

export function positionOf(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

export function offsetOf(text: string, position: Position): number {
  return lineStarts(text)[position.line] + position.character;
}

/** Applies edits as an LSP client does: all ranges refer to the text before any edit. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const byOffset = edits
    .map((edit) => ({ start: offsetOf(text, edit.range.start), end: offsetOf(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of byOffset) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
