// What the server knows about the host a document is deployed to: the workspace index infers it per
// workspace folder (registry scripts, .reg files) as a HostProfileSource, which signals a change so
// that open documents are linted again.
import type { Event } from 'vscode-languageserver';
import { profileFromSettings, type CallContext, type HostProfile } from '../engine/index';
import type { MimLintSettings } from './settings';

export interface HostProfileSource {
  /** The profile before the user's explicit settings apply (e.g. inferred from the document's folder). */
  baseProfileFor(documentUri: string): HostProfile;
  /** How other scripts of the workspace call this one (wrappers that keep TLS 1.1 on around `call`). */
  callersFor?(documentUri: string): CallContext[] | undefined;
  readonly onDidChange: Event<void>;
}

/** An explicit `on`/`off` setting wins over anything inferred; `auto` keeps the inferred value. */
export function hostProfileFor(documentUri: string, settings: MimLintSettings, source: HostProfileSource): HostProfile {
  return profileFromSettings(settings.host, 'setting', source.baseProfileFor(documentUri));
}
