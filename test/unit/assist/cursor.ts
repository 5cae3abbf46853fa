// Test helper: a document written with ‸ where the cursor is.
export function atCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  if (offset < 0 || marked.indexOf('‸', offset + 1) >= 0) throw new Error('exactly one ‸ expected');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function insert(text: string, item: { start: number; end: number; insertText: string }, after = ''): string {
  return text.slice(0, item.start) + item.insertText + after + text.slice(item.end);
}
