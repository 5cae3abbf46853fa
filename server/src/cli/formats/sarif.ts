// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps). One run; `tool.driver.rules` lists
// every rule the engine has, with its page as `help`, so `ruleIndex` points into it. Locations are
// relative URIs resolved against %SRCROOT% (the working directory), and regions count UTF-16 code
// units, as the editor does. Each result carries its fixes and a fingerprint that survives unrelated
// edits; `invocations` says how the run ended and which files were skipped or stopped.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { allRules, describeProfile, ruleDocsUrl, type Finding, type Fix, type Severity } from '../../engine/index';
import { oneBasedRange, type FileReport, type LintReport } from '../report';
import { toolInformationUri, toolName, toolVersion } from '../../common/tool';
import { plainText, rulePage, whatItFinds } from '../../common/rule-docs';
import { itemsMarker, SpilledItems } from './spliced';

const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';
const sourceRoot = '%SRCROOT%';
/** The partialFingerprints key: bump the version when the hashed input changes. */
const fingerprintKey = 'mimLintLineHash/v1';

type Level = NonNullable<Sarif.ReportingConfiguration['level']>;

const levels: Record<Severity, Level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** How the run ended, for `invocations`. */
export interface SarifRunInfo {
  exitCode: number;
  /** The warnings printed on stderr (files skipped, stopped or not written), one notification each. */
  warnings: readonly string[];
  /** A rule threw or a file was stopped: the results are incomplete. */
  incomplete: boolean;
}

export function formatSarif(report: LintReport, info: SarifRunInfo = { exitCode: 0, warnings: [], incomplete: false }): string {
  const ruleIndex = ruleIndexes();
  return JSON.stringify(sarifLog(report, info, report.files.flatMap((file) => resultsOf(file, report.cwd, ruleIndex))), null, 2) + '\n';
}

/** formatSarif a file at a time: each file's results are written out when it is done (see spliced.ts). */
export function streamedSarif(cwd: string): { add(file: FileReport): void; finish(report: LintReport, info: SarifRunInfo): Iterable<string> } {
  const ruleIndex = ruleIndexes();
  const results = new SpilledItems();
  return {
    add: (file) => {
      for (const result of resultsOf(file, cwd, ruleIndex)) results.add(result);
    },
    finish: (report, info) => results.pieces(JSON.stringify(sarifLog(report, info, [itemsMarker as unknown as Sarif.Result]), null, 2) + '\n'),
  };
}

const ruleIndexes = () => new Map(allRules.map((rule, index) => [rule.meta.id, index]));

function sarifLog(report: LintReport, info: SarifRunInfo, results: Sarif.Result[]): Sarif.Log {
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: toolName,
        version: toolVersion,
        semanticVersion: toolVersion,
        informationUri: toolInformationUri,
        rules: allRules.map(({ meta }) => ruleDescriptor(meta.id, meta.name, meta.summary, levels[meta.defaultSeverity])),
      },
    },
    invocations: [
      {
        executionSuccessful: !info.incomplete,
        exitCode: info.exitCode,
        toolExecutionNotifications: info.warnings.map((warning) => ({ level: 'warning', message: { text: warning } })),
      },
    ],
    originalUriBaseIds: { [sourceRoot]: { uri: directoryUri(report.cwd) } },
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      hostProfile: describeProfile(report.profile),
      hostProfiles: report.workspaces.map((workspace) => ({
        path: workspace.displayPath,
        fips: workspace.profile.fips.value,
        tls12Only: workspace.profile.tls12Only.value,
        evidence: [...workspace.profile.fips.evidence, ...workspace.profile.tls12Only.evidence].map((e) => ({
          file: e.file,
          line: e.line === undefined ? undefined : e.line + 1,
          message: e.message,
        })),
      })),
    },
  };
  return { $schema: sarifSchema, version: '2.1.0', runs: [run] };
}

function ruleDescriptor(id: string, name: string, summary: string, level: Level): Sarif.ReportingDescriptor {
  const page = rulePage(id);
  return {
    id,
    name,
    shortDescription: { text: summary },
    fullDescription: { text: (page && whatItFinds(page)) ?? summary },
    ...(page ? { help: { text: plainText(page), markdown: page } } : {}),
    helpUri: ruleDocsUrl(id),
    defaultConfiguration: { level },
  };
}

function resultsOf(file: FileReport, cwd: string, ruleIndex: ReadonlyMap<string, number>): Sarif.Result[] {
  if (file.findings.length === 0) return [];
  const location = artifactLocation(file, cwd);
  const lines = file.source.text.split(/\r\n|\r|\n/);
  /** How often each rule + line text has been seen: the occurrence index tells identical lines apart. */
  const seen = new Map<string, number>();
  return file.findings.map((finding) => {
    const { line, column, endLine, endColumn } = oneBasedRange(file.source, finding);
    const lineText = normalisedLine(lines[line - 1] ?? '');
    const key = `${finding.ruleId}\0${lineText}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: levels[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: line, startColumn: column, endLine, endColumn } } }],
      // Line numbers are left out on purpose: a line added above must not make this a new alert.
      partialFingerprints: { [fingerprintKey]: `${sha256(`${finding.ruleId}\0${lineText}`).slice(0, 32)}:${occurrence + 1}` },
      ...fixesOf(file, finding, location),
    };
  });
}

/** Every fix of the finding (the preferred one first) as artifact changes on the file. */
function fixesOf(file: FileReport, finding: Finding, location: Sarif.ArtifactLocation): { fixes?: Sarif.Fix[] } {
  const fixes = [...(finding.fixes ?? [])].sort((a, b) => Number(b.preferred === true) - Number(a.preferred === true));
  if (fixes.length === 0) return {};
  return { fixes: fixes.map((fix) => sarifFix(file, fix, location)) };
}

function sarifFix(file: FileReport, fix: Fix, location: Sarif.ArtifactLocation): Sarif.Fix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((edit) => {
          const start = file.source.positionAt(edit.start);
          const end = file.source.positionAt(edit.end);
          return {
            deletedRegion: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            ...(edit.newText === '' ? {} : { insertedContent: { text: edit.newText } }),
          };
        }),
      },
    ],
  };
}

/** Whitespace runs collapsed and the ends trimmed: re-indenting a line keeps its fingerprint. */
function normalisedLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A relative URI reference against %SRCROOT% when the file is below the working directory's drive. */
function artifactLocation(file: FileReport, cwd: string): Sarif.ArtifactLocation {
  const path = relative(cwd, file.absolutePath);
  // On Windows a file on another drive has no relative path: give its absolute file: URI instead.
  if (/^[a-zA-Z]:|^[\\/]/.test(path)) return { uri: pathToFileURL(file.absolutePath).href };
  return { uri: relativeUri(path), uriBaseId: sourceRoot };
}

/** `sub dir\a#1.config` → `sub%20dir/a%231.config`: each segment percent-encoded, joined by "/". */
export function relativeUri(relativePath: string): string {
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
