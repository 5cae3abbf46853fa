// The install-script corpus (test/corpus/scripts/, issue 12 "How it is proven"): deployment scripts
// written the way admins write them, each folder one workspace linted as the CLI lints a directory
// (`mim-lint --tls12-only … --fips … <folder>`), its findings compared with the folder's expected.json.
// Prints recall and precision per rule. Every difference must be listed in knownGaps, and every listed
// gap must still be a difference: the list can only shrink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArguments } from '../../server/src/cli/args';
import { lintFiles } from '../../server/src/cli/lint-files';
import { knownGaps, type Gap } from './script-corpus.known-gaps';

const corpusRoot = join(process.cwd(), 'test', 'corpus', 'scripts');
const minimumScenarios = 40;

interface ExpectedFinding {
  /** Path below the scenario folder, with `/`. */
  file: string;
  rule: string;
  /** 1-based. */
  line: number;
  /** Where the range is not certain (a DSC resource has no quiet switch): any line from `line` to this one. */
  lastLine?: number;
  /** 1-based UTF-16 column; absent when only the line is certain. */
  column?: number;
  /** Why the finding is certain, citing the facts (§…) or the rule page. */
  why: string;
}

interface Scenario {
  name: string;
  description: string;
  host: { tls12Only: 'on' | 'off' | 'auto'; fips: 'on' | 'off' | 'auto' };
  findings: ExpectedFinding[];
}

interface ActualFinding {
  file: string;
  rule: string;
  line: number;
  column: number;
}

function loadScenarios(): Scenario[] {
  return readdirSync(corpusRoot)
    .filter((name) => statSync(join(corpusRoot, name)).isDirectory())
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(join(corpusRoot, name, 'expected.json'), 'utf8')) as Omit<Scenario, 'name'>) }));
}

/** Lints the folder as `mim-lint --tls12-only X --fips Y .` run inside it would. */
function lintScenario(scenario: Scenario): { findings: ActualFinding[]; crashes: string[] } {
  const dir = join(corpusRoot, scenario.name);
  const outcome = lintFiles(parseArguments(['--tls12-only', scenario.host.tls12Only, '--fips', scenario.host.fips, '.']), dir);
  const findings = outcome.report.files.flatMap((file) =>
    file.findings.map((finding) => {
      const at = file.source.positionAt(finding.start);
      return { file: file.displayPath.replace(/\\/g, '/'), rule: finding.ruleId, line: at.line + 1, column: at.character + 1 };
    }),
  );
  return { findings, crashes: outcome.incomplete ? outcome.warnings : [] };
}

const matches = (expected: ExpectedFinding, actual: ActualFinding) =>
  expected.file === actual.file &&
  expected.rule === actual.rule &&
  (expected.lastLine === undefined ? expected.line === actual.line : expected.line <= actual.line && actual.line <= expected.lastLine) &&
  (expected.column === undefined || expected.column === actual.column);

/** One difference between the engine and a scenario's expectations, in the shape knownGaps lists. */
function differences(scenario: Scenario, actual: readonly ActualFinding[]): Omit<Gap, 'bullet'>[] {
  const unmatched = [...actual];
  const missed: Omit<Gap, 'bullet'>[] = [];
  for (const expected of scenario.findings) {
    const at = unmatched.findIndex((found) => matches(expected, found));
    if (at >= 0) unmatched.splice(at, 1);
    else missed.push({ scenario: scenario.name, kind: 'missed', file: expected.file, rule: expected.rule, line: expected.line });
  }
  const unexpected = unmatched.map((found) => ({ scenario: scenario.name, kind: 'unexpected' as const, file: found.file, rule: found.rule, line: found.line }));
  return [...missed, ...unexpected];
}

const gapKey = (gap: Omit<Gap, 'bullet'>) => `${gap.scenario} ${gap.kind} ${gap.rule} ${gap.file}:${gap.line}`;

const scenarios = loadScenarios();
const results = scenarios.map((scenario) => ({ scenario, ...lintScenario(scenario) }));

test(`the corpus has at least ${minimumScenarios} scenarios, each with a host and a reason for every expectation`, () => {
  assert.ok(scenarios.length >= minimumScenarios, `${scenarios.length} scenarios`);
  for (const scenario of scenarios) {
    assert.ok(scenario.description, `${scenario.name}: description`);
    assert.ok(['on', 'off'].includes(scenario.host.tls12Only) && ['on', 'off'].includes(scenario.host.fips), `${scenario.name}: explicit host profile`);
    for (const expected of scenario.findings) {
      assert.match(expected.why, /§|MIM\d{3}\.md/, `${scenario.name} ${expected.rule} line ${expected.line}: cite the facts or the rule page`);
      assert.ok(statSync(join(corpusRoot, scenario.name, expected.file)).isFile(), `${scenario.name}: ${expected.file} exists`);
    }
  }
});

test('no rule throws on any corpus script', () => {
  assert.deepEqual(results.flatMap((result) => result.crashes.map((warning) => `${result.scenario.name}: ${warning}`)), []);
});

test('the findings differ from the expectations only where knownGaps says so, and every known gap is still open', () => {
  const found = new Set(results.flatMap((result) => differences(result.scenario, result.findings)).map(gapKey));
  const listed = new Set(knownGaps.map(gapKey));
  const unlisted = [...found].filter((key) => !listed.has(key));
  const closed = [...listed].filter((key) => !found.has(key));
  assert.deepEqual({ unlisted, closed }, { unlisted: [], closed: [] }, 'unlisted: fix the engine or the expectation; closed: remove the gap from knownGaps');
});

test('recall and precision per rule (printed)', () => {
  const byRule = new Map<string, { expected: number; missed: number; unexpected: number }>();
  const tally = (rule: string) => byRule.get(rule) ?? byRule.set(rule, { expected: 0, missed: 0, unexpected: 0 }).get(rule)!;
  for (const { scenario, findings } of results) {
    for (const expected of scenario.findings) tally(expected.rule).expected++;
    for (const gap of differences(scenario, findings)) tally(gap.rule)[gap.kind]++;
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? '  -  ' : (part / whole).toFixed(3));
  const lines = [...byRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, { expected, missed, unexpected }]) => {
      const hit = expected - missed;
      return `${rule}  expected ${String(expected).padStart(3)}  found ${String(hit + unexpected).padStart(3)}  recall ${ratio(hit, expected)}  precision ${ratio(hit, hit + unexpected)}`;
    });
  console.log(`script corpus: ${scenarios.length} scenarios, ${knownGaps.length} known gaps\n${lines.join('\n')}`);
  assert.ok(scenarios.length > 0);
});
