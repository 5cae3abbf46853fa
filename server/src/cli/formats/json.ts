// Machine output for scripts. The shape (stable; add fields, never rename them):
//
// {
//   "tool":    { "name": "mim-lint", "version": "0.1.0" },
//   "profile": { "fips": "on"|"off"|"unknown", "tls12Only": "on"|"off"|"unknown", "description": "FIPS · TLS 1.2-only",
//                "facts": { "fips": { "value", "source": "flag"|"evidence"|…, "conflict", "evidence": [{ "file", "line", "message" }] }, … } },
//   "workspaces": [{ "path": "examples", "profile": { …as above… } }],   // one per path argument
//   "files": [{
//     "file": "sub/app.exe.config",        // relative to the working directory
//     "encoding": "utf-8", "bom": true,    // as read, and as --fix writes it back
//     "fixesApplied": 0,                   // by --fix (--fix-dry-run: would be)
//     "output": "…",                       // --fix-dry-run only: the fixed text, when it differs
//     "findings": [{
//       "ruleId": "MIM001", "severity": "error"|"warning"|"info"|"hint", "message": "…",
//       "range": { "start": { "line": 0, "character": 4 }, "end": { … } },  // 0-based, as LSP
//       "line": 1, "column": 5, "endLine": 1, "endColumn": 9,            // 1-based, as editors show
//       "fixable": true,                   // --fix would fix it
//       "docsUrl": "https://…/MIM001.md",
//       "related": [{ "file": "setup.cmd", "message": "…", "line": 3, "column": 1 }]  // evidence; line/column 1-based, when known
//     }]
//   }]
// }
//
// Columns count UTF-16 code units of the text without its BOM. Every linted file is listed, also
// those without findings, so a script can tell "clean" from "not linted".
import { describeProfile, ruleDocsUrl, type HostProfile } from '../../engine/index';
import { isFixable, oneBasedRange, relatedPlaces, zeroBasedRange, type FileReport, type LintReport } from '../report';
import { toolName, toolVersion } from '../../common/tool';
import { itemsMarker, SpilledItems } from './spliced';

export function formatJson(report: LintReport): string {
  return JSON.stringify(document(report, report.files.map(fileJson)), null, 2) + '\n';
}

/** formatJson a file at a time: each file's part is written out when it is done (see spliced.ts). */
export function streamedJson(): { add(file: FileReport): void; finish(report: LintReport): Iterable<string> } {
  const files = new SpilledItems();
  return {
    add: (file) => files.add(fileJson(file)),
    finish: (report) => files.pieces(JSON.stringify(document(report, [itemsMarker]), null, 2) + '\n'),
  };
}

function document(report: LintReport, files: unknown[]) {
  return {
    tool: { name: toolName, version: toolVersion },
    profile: profileJson(report.profile),
    workspaces: report.workspaces.map((workspace) => ({ path: workspace.displayPath, profile: profileJson(workspace.profile) })),
    files,
  };
}

function fileJson(file: FileReport) {
  return {
    file: file.displayPath,
    encoding: file.encoding,
    bom: file.bom,
    fixesApplied: file.fixesApplied,
    // --fix-dry-run: the whole fixed text, as ESLint's `output` (only when fixes would change the file).
    ...(file.originalText === undefined ? {} : { output: file.source.text }),
    findings: file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: zeroBasedRange(file.source, finding),
      ...oneBasedRange(file.source, finding),
      fixable: isFixable(finding),
      docsUrl: ruleDocsUrl(finding.ruleId),
      related: relatedPlaces(file, finding),
    })),
  };
}

/** Each fact with where it came from: a flag, or the evidence (file, 1-based line) it was inferred from. */
function profileJson(profile: HostProfile) {
  const fact = (value: HostProfile['fips']) => ({
    value: value.value,
    source: value.source,
    conflict: value.conflict === true,
    evidence: value.evidence.map((e) => ({ file: e.file, message: e.message, ...(e.line === undefined ? {} : { line: e.line + 1 }) })),
  });
  return {
    fips: profile.fips.value,
    tls12Only: profile.tls12Only.value,
    description: describeProfile(profile),
    facts: { fips: fact(profile.fips), tls12Only: fact(profile.tls12Only) },
  };
}
