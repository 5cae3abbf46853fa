// A minimal LSP client for protocol tests: it answers the server's requests (configuration,
// registrations), queues every publishDiagnostics per URI so that no notification is missed between
// two awaits, and bounds every wait so a broken server fails the test with a message instead of hanging.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InlayHintRefreshRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from '../../server/src/lsp/server';

export const waitLimitMs = 5000;

export function withTimeout<T>(promise: Promise<T>, what: string, ms = waitLimitMs): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface ServerTransport {
  /** Sent in `initialize`; the server exits when that process dies. */
  processId: number | null;
  /** Whether the server may receive `exit` (which ends the process it runs in). */
  canExit: boolean;
  end(): Promise<void>;
}

/** The `mimLint` section for a scope; a promise holds the answer back (to test what happens meanwhile). */
export type SettingsAnswer = (scopeUri: string | undefined) => unknown;

export class LspTestClient {
  readonly logs: string[] = [];
  /** The scopeUri of every workspace/configuration item the server asked for. */
  readonly configurationScopes: (string | undefined)[] = [];
  settings: SettingsAnswer = () => ({});
  /** The editor's `files.exclude` (glob → true), as VS Code answers it. */
  filesExclude: Record<string, boolean> | null = null;
  private readonly pending = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Map<string, (params: PublishDiagnosticsParams) => void>();
  private readonly versions = new Map<string, number>();
  private readonly logListeners = new Set<(message: string) => void>();
  /** What the server asked the editor to show the user (window/showMessage). */
  readonly shownMessages: string[] = [];
  /** workspace/inlayHint/refresh requests received (only sent when initialize announced refreshSupport). */
  inlayHintRefreshes = 0;
  private readonly refreshListeners = new Set<() => void>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly transport: ServerTransport,
  ) {
    connection.onRequest(ConfigurationRequest.type, (params) =>
      Promise.all(
        params.items.map((item) => {
          this.configurationScopes.push(item.scopeUri);
          if (item.section === 'files.exclude') return this.filesExclude;
          return item.section === 'mimLint' ? this.settings(item.scopeUri) : null;
        }),
      ),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(InlayHintRefreshRequest.type, () => {
      this.inlayHintRefreshes++;
      for (const listener of [...this.refreshListeners]) listener();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      for (const listener of [...this.logListeners]) listener(params.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.received(params));
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.shownMessages.push(params.message);
    });
    connection.listen();
  }

  /** The real thing: `node dist/server.js --stdio` as a child process. */
  static spawnServer(): LspTestClient {
    // MIM_LINT_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof" to profile a benchmark.
    const nodeArgs = process.env.MIM_LINT_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    // The server watches our process id and exits if we die, so no server outlives a crashed test run.
    return new LspTestClient(connection, { processId: process.pid, canExit: true, end: () => killChild(child) });
  }

  /** `node dist/server.js --node-ipc`, the transport the VS Code client uses. */
  static forkServer(): LspTestClient {
    const child = fork('dist/server.js', ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    return new LspTestClient(connection, { processId: process.pid, canExit: true, end: () => killChild(child) });
  }

  /** The server in this process, for tests that replace part of it (e.g. a broken engine). */
  static inProcess(options: ServerOptions): LspTestClient {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader and writer objects rather than raw streams: on raw streams the library ends the process
    // when the input closes. For the same reason this server gets no `exit` and no process id to watch.
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConnection, options);
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return new LspTestClient(connection, {
      processId: null,
      canExit: false,
      end: async () => {
        serverConnection.dispose();
        toServer.end();
        toClient.end();
      },
    });
  }

  /** What the server answered to `initialize`. */
  serverCapabilities: ServerCapabilities = {};

  async initialize(capabilities: { configuration?: boolean; workspaceFolders?: string[]; inlayHintRefresh?: boolean } = {}): Promise<void> {
    const configuration = capabilities.configuration ?? true;
    const folders = capabilities.workspaceFolders?.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) ?? null;
    const result = await withTimeout(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: this.transport.processId,
        rootUri: null,
        workspaceFolders: folders,
        capabilities: {
          workspace: {
            configuration,
            didChangeConfiguration: { dynamicRegistration: true },
            workspaceEdit: { documentChanges: true },
            ...(capabilities.inlayHintRefresh ? { inlayHint: { refreshSupport: true } } : {}),
          },
          textDocument: {
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
          },
        },
      }),
      'the initialize response',
    );
    this.serverCapabilities = result.capabilities;
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves at the next workspace/inlayHint/refresh request after this call. */
  nextInlayHintRefresh(): Promise<void> {
    return withTimeout(
      new Promise<void>((resolve) => {
        const listener = () => {
          this.refreshListeners.delete(listener);
          resolve();
        };
        this.refreshListeners.add(listener);
      }),
      'a workspace/inlayHint/refresh request',
    );
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'xml', version: 1, text },
    });
  }

  /** Sends incremental changes; returns the new version. */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** New settings; `pushed` is what a client without workspace/configuration sends along. */
  async configurationChanged(settings: SettingsAnswer, pushed: unknown = null): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: pushed });
  }

  codeActions(uri: string, diagnostics: Diagnostic[]): Promise<(Command | CodeAction)[] | null> {
    return withTimeout(
      this.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      }),
      'the code action response',
    );
  }

  /** The next diagnostics published for `uri` that were not consumed yet. */
  nextDiagnostics(uri: string, what = `diagnostics for ${uri}`): Promise<PublishDiagnosticsParams> {
    const queued = this.pending.get(uri);
    if (queued?.length) return Promise.resolve(queued.shift()!);
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.set(uri, resolve)),
      what,
    ).finally(() => this.waiters.delete(uri));
  }

  /** The first log message (past or future) that matches `pattern`. */
  logMatching(pattern: RegExp): Promise<string> {
    const logged = this.logs.find((message) => pattern.test(message));
    if (logged !== undefined) return Promise.resolve(logged);
    let listener: ((message: string) => void) | undefined;
    const found = new Promise<string>((resolve) => {
      listener = (message) => {
        if (pattern.test(message)) resolve(message);
      };
      this.logListeners.add(listener);
    });
    return withTimeout(found, `a log message matching ${pattern}`).finally(() => this.logListeners.delete(listener!));
  }

  /** Every publish for `uri` received and not yet consumed. */
  unconsumed(uri: string): PublishDiagnosticsParams[] {
    return this.pending.get(uri) ?? [];
  }

  /** Asks the server to shut down, then ends the transport (kills the child) whatever happened. */
  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'the shutdown response', 2000);
      if (this.transport.canExit) await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A dead or hung server is killed below; the test has already reported its own failure.
    } finally {
      this.connection.dispose();
      await this.transport.end();
    }
  }

  private received(params: PublishDiagnosticsParams): void {
    const waiter = this.waiters.get(params.uri);
    if (waiter) {
      this.waiters.delete(params.uri);
      waiter(params);
      return;
    }
    const queued = this.pending.get(params.uri) ?? [];
    queued.push(params);
    this.pending.set(params.uri, queued);
  }
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Give `exit` a moment to take effect before forcing it.
  const forced = setTimeout(() => child.kill('SIGKILL'), 1000);
  await exited;
  clearTimeout(forced);
}
