// The part of a script that completion and hover read: reading a 5,000-line script takes longer than a
// keystroke may wait, and what decides an argument stands near it. The window starts at a top-level
// statement (column 0, not a continuation) a few hundred lines above the cursor and ends some lines
// below. A package path assigned further above is then unknown, and both MIM packages apply.
const linesBefore = 300;
const linesAfter = 100;
const snapLimit = 100;

export interface Window {
  start: number;
  end: number;
}

export function scriptWindow(text: string, offset: number): Window {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  let line = 0;
  for (let lo = 0, hi = starts.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) [line, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  const lineText = (n: number) => text.slice(starts[n], n + 1 < starts.length ? starts[n + 1] : text.length);
  const isStatementStart = (n: number) =>
    n === 0 || (/^[^\s)}]/.test(lineText(n)) && !/[\^`]\r?\n$/.test(lineText(n - 1)));
  let first = Math.max(0, line - linesBefore);
  const lowest = Math.max(0, first - snapLimit);
  while (first > lowest && !isStatementStart(first)) first--;
  let last = Math.min(starts.length, line + 1 + linesAfter);
  const highest = Math.min(starts.length, last + snapLimit);
  while (last < highest && !isStatementStart(last)) last++;
  return { start: starts[first], end: last >= starts.length ? text.length : starts[last] };
}
