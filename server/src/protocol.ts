// Everything the VS Code client and the language server say to each other beyond LSP itself: the custom
// requests and notifications with their wire types, and the command IDs. Both sides import this one
// module (the client imports nothing else from the server tree), so a rename breaks the build, not the
// extension. Types only from the engine: the client bundle must not pull it in.
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Fact } from './engine/profile';

/** The settings section (`mimLint.*`), and the client's id, which makes it honour `mimLint.trace.server`. */
export const settingsSection = 'mimLint';

// --- Host profile: the status item "MIM host: …" and "MIM Lint: Show Host Profile".

export interface WireEvidence {
  uri: string;
  /** 0-based. */
  line: number;
  message: string;
}

export interface WireFact {
  value: Fact['value'];
  source: Fact['source'];
  conflict: boolean;
  evidence: WireEvidence[];
}

export interface WireHostProfile {
  fips: WireFact;
  tls12Only: WireFact;
}

/** The profile that applies to a document (its workspace folder's, before a .mimlintrc.json). */
export const hostProfileRequest = new RequestType<{ uri: string }, WireHostProfile, void>('mimLint/hostProfile');
/** Some folder's inferred profile changed: the client asks again. */
export const hostProfileChangedNotification = new NotificationType0('mimLint/hostProfileChanged');

// --- Workspace pass: "MIM Lint: Lint Workspace" and its status item.

/** Lint every file of the workspace again; answers how many were linted. */
export const lintWorkspaceRequest = new RequestType0<number, void>('mimLint/lintWorkspace');

export interface WorkspaceLintStatus {
  running: boolean;
  /** When a pass ended: how many files it linted and how long it took. */
  files?: number;
  milliseconds?: number;
}

export const workspaceLintStatusNotification = new NotificationType<WorkspaceLintStatus>('mimLint/workspaceLintStatus');

// --- "MIM Lint: Show Readiness Report": a folder's readiness checklist as markdown ('' when it failed).

export const readinessReportRequest = new RequestType<{ folderUri: string }, string, void>('mimLint/readinessReport');

// --- "MIM Lint: Copy Host Evidence Collector": the batch file that makes a host snapshot, as shipped.

export const collectorRequest = new RequestType0<{ fileName: string; text: string }, void>('mimLint/collector');

// --- Commands.

/** Server command behind "MIM Lint: Fix All Problems in File": the edits of source.fixAll.mimLint. */
export const applyFixAllCommand = 'mimLint.applyFixAll';

export interface ApplyFixAllArguments {
  uri: string;
  /** The version the client holds; the server does nothing if its copy differs. */
  version: number;
}

/** Client command that opens a rule's page (the client owns it: it needs `vscode.env.openExternal`). */
export const showDocumentationCommand = 'mimLint.showDocumentation';

/** The commands of the command palette (package.json `contributes.commands`); the client registers them. */
export const paletteCommands = {
  showHostProfile: 'mimLint.showHostProfile',
  fixAll: 'mimLint.fixAll',
  showReadinessReport: 'mimLint.showReadinessReport',
  lintWorkspace: 'mimLint.lintWorkspace',
  createConfigFile: 'mimLint.createConfigFile',
  copyHostEvidenceCollector: 'mimLint.copyHostEvidenceCollector',
} as const;

// --- "MIM Lint: Create Config File": the client writes the file the server reads.

export { projectConfigFileName, starterConfigText } from './engine/config/starter-config';
