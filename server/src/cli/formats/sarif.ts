// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps). One run; `tool.driver.rules` lists
// every rule the engine has, so `ruleIndex` points into it. Locations are relative URIs resolved
// against %SRCROOT% (the working directory), and regions count UTF-16 code units, as the editor does.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, describeProfile, ruleDocsUrl, type Severity } from '../../engine/index';
import { oneBasedRange, type FileReport, type LintReport } from '../report';
import { toolInformationUri, toolName, toolVersion } from '../../common/tool';

const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';
const sourceRoot = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: LintReport): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.meta.id, index]));
  const log = {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: toolInformationUri,
            rules: allRules.map(({ meta }) => ({
              id: meta.id,
              name: meta.name,
              shortDescription: { text: meta.summary },
              helpUri: ruleDocsUrl(meta.id),
              defaultConfiguration: { level: levels[meta.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [sourceRoot]: { uri: directoryUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: report.files.flatMap((file) => file.findings.map((finding) => {
          const { line, column, endLine, endColumn } = oneBasedRange(file.source, finding);
          return {
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: levels[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(file, report.cwd),
                  region: { startLine: line, startColumn: column, endLine, endColumn },
                },
              },
            ],
          };
        })),
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
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative URI reference against %SRCROOT% when the file is below the working directory's drive. */
function artifactLocation(file: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
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
