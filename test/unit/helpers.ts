// Test helpers: fixtures are written once with LF and two-space indentation, and every test runs them
// in each layout a Windows admin's file can have (CRLF, tabs, BOM), asserting exact ranges by the
// text they cover.
import assert from 'node:assert/strict';
import { lint, applyEdits, type LintOptions } from '../../server/src/engine/index';
import type { Fact, HostProfile } from '../../server/src/engine/profile';
import type { Finding } from '../../server/src/engine/types';
import { parseXml } from '../../server/src/engine/xml/parse';

const fact = (value: Fact['value']): Fact => ({ value, source: value === 'unknown' ? 'default' : 'flag', evidence: [] });
export const hosts = {
  fips: { fips: fact('on'), tls12Only: fact('unknown') },
  notFips: { fips: fact('off'), tls12Only: fact('unknown') },
  unknown: { fips: fact('unknown'), tls12Only: fact('unknown') },
  hardened: { fips: fact('on'), tls12Only: fact('on') },
  tlsLegacy: { fips: fact('off'), tls12Only: fact('off') },
} satisfies Record<string, HostProfile>;

export const serviceConfig = 'C:\\Program Files\\Microsoft Forefront Identity Manager\\2010\\Service\\Microsoft.ResourceManagement.Service.exe.config';
export const syncConfig = 'C:\\Program Files\\Microsoft Forefront Identity Manager\\2010\\Synchronization Service\\Bin\\miiserver.exe.config';

export interface Layout {
  name: string;
  /** Turns LF/two-space text into this layout. */
  apply(text: string): string;
}

const withTabs = (text: string) => text.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2));
const withCrlf = (text: string) => text.replace(/\n/g, '\r\n');
export const layouts: Layout[] = [
  { name: 'LF, spaces', apply: (t) => t },
  { name: 'CRLF, spaces', apply: withCrlf },
  { name: 'LF, tabs', apply: withTabs },
  { name: 'CRLF, tabs', apply: (t) => withCrlf(withTabs(t)) },
  { name: 'CRLF, 4 spaces, BOM', apply: (t) => '\uFEFF' + withCrlf(t.replace(/^((?: {2})+)/gm, (i) => i + i)) },
];

/** [ruleId, the exact text the range covers, which occurrence of that text (0-based)] */
export type Expected = readonly [string, string, number?];

export function lintFindings(text: string, fileName: string, profile: HostProfile, options: LintOptions = {}): Finding[] {
  const result = lint(text, fileName, { ...options, profile });
  assert.deepEqual(result.failures, [], 'no rule may throw');
  for (const finding of result.findings) {
    assert.ok(finding.start >= 0 && finding.end <= text.length && finding.start <= finding.end, `range inside document: ${finding.ruleId}`);
  }
  return result.findings;
}

function nthIndexOf(text: string, snippet: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(snippet, at + 1);
    if (at < 0) throw new Error(`fixture has no occurrence ${n} of ${JSON.stringify(snippet)}`);
  }
  return at;
}

/** Asserts that exactly the expected findings (of `ruleIds`, or all) are reported, with exact ranges. */
export function expectFindings(text: string, fileName: string, profile: HostProfile, expected: readonly Expected[], ruleIds?: readonly string[]): Finding[] {
  const findings = lintFindings(text, fileName, profile).filter((f) => !ruleIds || ruleIds.includes(f.ruleId));
  const actual = findings.map((f) => `${f.ruleId} @${f.start}-${f.end} ${JSON.stringify(text.slice(f.start, f.end))}`).sort();
  const wanted = expected
    .map(([ruleId, snippet, n = 0]) => {
      const start = nthIndexOf(text, snippet, n);
      return `${ruleId} @${start}-${start + snippet.length} ${JSON.stringify(snippet)}`;
    })
    .sort();
  assert.deepEqual(actual, wanted);
  return findings;
}

/** Applies the preferred fix of the first `ruleId` finding and checks what every fix must guarantee. */
export function applyPreferredFix(text: string, fileName: string, profile: HostProfile, ruleId: string): string {
  const before = lintFindings(text, fileName, profile).filter((f) => f.ruleId === ruleId);
  assert.ok(before.length > 0, `${ruleId} is reported before the fix`);
  const fix = before[0].fixes?.find((f) => f.preferred);
  assert.ok(fix, `${ruleId} has a preferred fix`);
  assert.equal(before[0].fixes!.filter((f) => f.preferred).length, 1, 'exactly one preferred fix');
  const fixed = applyEdits(text, fix.edits);
  const wasWellFormed = parseXml(text).error === undefined;
  if (wasWellFormed) assert.equal(parseXml(fixed).error, undefined, 'the fix keeps the document well-formed');
  const after = lintFindings(fixed, fileName, profile).filter((f) => f.ruleId === ruleId);
  assert.equal(after.length, before.length - 1, `${ruleId} is gone after the fix`);
  return fixed;
}
