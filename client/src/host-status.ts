// The host profile in the editor: a language status item "MIM host: FIPS · TLS 1.2-only" for the
// active document's workspace folder, and the "Show Host Profile" command that lists each fact with
// the evidence that set it and opens the evidence line on selection.
import { Range, Selection, Uri, commands, languages, window, workspace, type DocumentSelector, type Disposable, type LanguageStatusItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { hostProfileRequest, paletteCommands, type WireFact, type WireHostProfile } from '../../server/src/protocol';

const factLabels = { fips: ['FIPS', 'no FIPS'], tls12Only: ['TLS 1.2-only', 'TLS 1.0/1.1 allowed'] } as const;

export function describeHost(profile: WireHostProfile): string {
  const part = (key: keyof typeof factLabels) => {
    const fact = profile[key];
    if (fact.conflict) return `${factLabels[key][0]}: conflicting`;
    return fact.value === 'on' ? factLabels[key][0] : fact.value === 'off' ? factLabels[key][1] : `${factLabels[key][0]}: unknown`;
  };
  return `${part('fips')} · ${part('tls12Only')}`;
}

function describeSource(fact: WireFact): string {
  if (fact.conflict) return 'hardening sources disagree';
  if (fact.source === 'setting') return 'set in settings';
  if (fact.source === 'evidence') return fact.evidence.map((e) => `${workspace.asRelativePath(Uri.parse(e.uri))}:${e.line + 1}`).join(', ');
  return 'no evidence in the workspace';
}

export class HostStatus implements Disposable {
  private readonly item: LanguageStatusItem;
  private readonly disposables: Disposable[] = [];

  constructor(private readonly client: LanguageClient, selector: DocumentSelector) {
    this.item = languages.createLanguageStatusItem('mimLint.host', selector);
    this.item.name = 'MIM host profile';
    this.item.text = 'MIM host: …';
    this.item.command = { title: 'Show', command: paletteCommands.showHostProfile };
    this.disposables.push(
      this.item,
      window.onDidChangeActiveTextEditor(() => void this.refresh()),
      commands.registerCommand(paletteCommands.showHostProfile, () => this.show()),
    );
  }

  async refresh(): Promise<void> {
    const profile = await this.profileForActiveEditor();
    if (!profile) return;
    this.item.text = `MIM host: ${describeHost(profile)}`;
    this.item.detail = `FIPS: ${describeSource(profile.fips)}; TLS 1.2-only: ${describeSource(profile.tls12Only)}`;
  }

  private async profileForActiveEditor(): Promise<WireHostProfile | undefined> {
    const uri = window.activeTextEditor?.document.uri ?? workspace.workspaceFolders?.[0]?.uri;
    if (!uri || !this.client.isRunning()) return undefined;
    return this.client.sendRequest(hostProfileRequest, { uri: uri.toString() });
  }

  private async show(): Promise<void> {
    const profile = await this.profileForActiveEditor();
    if (!profile) {
      void window.showInformationMessage('MIM Lint has no host profile yet: open a file of a MIM workspace.');
      return;
    }
    const picks = (['fips', 'tls12Only'] as const).flatMap((key) => {
      const fact = profile[key];
      const heading = { label: `${key === 'fips' ? 'FIPS mode' : 'TLS 1.2-only'}: ${fact.conflict ? 'conflicting evidence' : fact.value}`, detail: describeSource(fact) };
      const evidence = fact.evidence.map((e) => ({
        label: `$(location) ${e.message}`,
        description: `${workspace.asRelativePath(Uri.parse(e.uri))}:${e.line + 1}`,
        evidence: e,
      }));
      return [heading, ...evidence];
    });
    const chosen = await window.showQuickPick(picks, { title: `MIM host: ${describeHost(profile)}`, placeHolder: 'Select evidence to open it' });
    if (chosen && 'evidence' in chosen) {
      const editor = await window.showTextDocument(Uri.parse(chosen.evidence.uri));
      const line = new Range(chosen.evidence.line, 0, chosen.evidence.line, 0);
      editor.selection = new Selection(line.start, line.start);
      editor.revealRange(line);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
