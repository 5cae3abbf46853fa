// What the checklist items read, computed once per report: line numbers of every file, the findings
// by rule, each script's facts (judged with the wrappers that call it, as lint judges it) and each
// file's registry writes.
import { callersByScript } from '../lint';
import { fileKindOf } from '../file-kinds';
import { ruleDocsUrl } from '../docs';
import { firstSentence } from '../message';
import { hardeningWrites } from '../host/evidence';
import type { HostProfile } from '../profile';
import type { RegistryWrite } from '../registry/model';
import { readScript } from '../script/read-script';
import { scriptFacts, scriptPathKey, type ScriptFacts } from '../script/facts';
import { SourceText } from '../source-text';
import type { Location } from '../types';
import type { EvidenceLink, FindingLink, ReadinessInput, WorkspaceFile } from './model';

export interface ScriptFile {
  file: WorkspaceFile;
  source: SourceText;
  facts: ScriptFacts;
}

export interface RegistryFile {
  file: WorkspaceFile;
  writes: RegistryWrite[];
}

export class ReportWorkspace {
  readonly profile: HostProfile;
  readonly files: readonly WorkspaceFile[];
  readonly scripts: ScriptFile[] = [];
  readonly registry: RegistryFile[] = [];
  private readonly sources = new Map<string, SourceText>();
  private readonly findingLinks: FindingLink[] = [];

  constructor(input: ReadinessInput) {
    this.profile = input.profile;
    this.files = input.files;
    for (const file of input.files) this.sources.set(file.fileName, new SourceText(file.text, file.fileName));
    const callers = callersByScript(input.files, input.profile);
    for (const file of input.files) {
      const kind = fileKindOf(file.fileName);
      if (kind === 'cmd' || kind === 'powershell') {
        const facts = scriptFacts(readScript(kind, file.text, file.fileName), file.text, input.profile, callers.get(scriptPathKey(file.fileName)), file.fileName);
        this.scripts.push({ file, source: this.sources.get(file.fileName)!, facts });
      }
      const { writes } = hardeningWrites(file.text, file.fileName);
      if (writes.length > 0) this.registry.push({ file, writes });
    }
    for (const { fileName, findings } of input.findings) {
      for (const finding of findings) {
        this.findingLinks.push({ ruleId: finding.ruleId, docsUrl: ruleDocsUrl(finding.ruleId), ...this.at(fileName, finding.start, firstSentence(finding.message)) });
      }
    }
  }

  /** A link to the line of `offset` in `fileName`. */
  at(fileName: string, offset: number, message: string): EvidenceLink {
    const source = this.sources.get(fileName);
    return { file: fileName, line: (source?.positionAt(offset).line ?? 0) + 1, message };
  }

  /** An engine location (host evidence, a caller) as a link; its line was recorded by the engine. */
  link(location: Location): EvidenceLink {
    if (location.line !== undefined) return { file: location.file, line: location.line + 1, message: location.message };
    return this.at(location.file, location.start, location.message);
  }

  findings(ruleIds: readonly string[]): FindingLink[] {
    return this.findingLinks.filter((finding) => ruleIds.includes(finding.ruleId));
  }
}

