// The language server on a generated workspace: time from initialize until every lintable file's
// diagnostics are published, the server's peak RSS (VmHWM), and how fast it answers a code-action
// request while the scan runs.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateTree } from './cli-scale';

export interface ScaleRow {
  files: number;
  seconds: number;
  peakRssMB: number;
  codeActionMs: number;
}

export async function workspaceScale(sizes = [1000, 10000]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const files of sizes) rows.push(await oneWorkspace(files));
  return rows;
}

async function oneWorkspace(files: number): Promise<ScaleRow> {
  const root = generateTree(files);
  const nodeArgs = process.env.MIM_LINT_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Set<string>();
  let allPublished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allPublished = resolve));
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'mimLint' ? { enable: true, lintWorkspace: true, host: { fips: 'on', tls12Only: 'on' } } : null)),
  );
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.add(params.uri);
    if (published.size >= files) allPublished();
  });
  connection.listen();
  try {
    const started = process.hrtime.bigint();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    // While the scan runs: open a config and ask for its code actions.
    const uri = pathToFileURL(`${root}/open/Microsoft.ResourceManagement.Service.exe.config`).href;
    const text = '<configuration>\r\n  <runtime>\r\n  </runtime>\r\n</configuration>\r\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version: 1, text } });
    const asked = process.hrtime.bigint();
    await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } },
      context: { diagnostics: [] },
    });
    const codeActionMs = Number(process.hrtime.bigint() - asked) / 1e6;
    const limit = setTimeout(() => allPublished(), 120_000);
    await done;
    clearTimeout(limit);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    if (published.size < files) throw new Error(`only ${published.size} of ${files} files got diagnostics within 120 s`);
    return { files, seconds, peakRssMB: peakKB / 1024, codeActionMs };
  } finally {
    // shutdown and exit, as an editor ends a server: a node --cpu-prof profile is written on the way out.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type).then(() => connection.sendNotification(ExitNotification.type), () => undefined);
    const killer = setTimeout(() => child.kill(), 5000);
    await exited;
    clearTimeout(killer);
    connection.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}
