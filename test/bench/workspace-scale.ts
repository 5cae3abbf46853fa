// The language server on a generated workspace: time from initialize until every lintable file's
// diagnostics are published, the server's peak RSS (VmHWM), and how fast it answers the code-action
// requests an editor keeps sending while the scan and the workspace pass run.
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
  /** A quarter of the files are .reg hardening exports (evidence of the host profile). */
  hardening: boolean;
  seconds: number;
  peakRssMB: number;
  /** Code-action requests sent every 50 ms until every file is published: median and slowest answer. */
  codeActionMs: number;
  maxCodeActionMs: number;
  requests: number;
  /** Related-information entries in all published diagnostics. */
  related: number;
}

export async function workspaceScale(sizes: Array<{ files: number; hardening?: boolean }> = [{ files: 1000 }, { files: 10000 }, { files: 4000, hardening: true }]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const { files, hardening = false } of sizes) rows.push(await oneWorkspace(files, hardening));
  return rows;
}

/** How often the editor is simulated to ask while the pass runs. */
const probeIntervalMs = 50;
/** The bench gives up on a server that has not published everything by then. */
const limitMs = 120_000;

async function oneWorkspace(files: number, hardening: boolean): Promise<ScaleRow> {
  const root = generateTree(files, hardening);
  const nodeArgs = process.env.MIM_LINT_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Set<string>();
  let related = 0;
  let allPublished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allPublished = resolve));
  child.once('exit', () => allPublished());
  // The hardening tree leaves the host profile to be inferred from its .reg files.
  const host = hardening ? { fips: 'auto', tls12Only: 'auto' } : { fips: 'on', tls12Only: 'on' };
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'mimLint' ? { enable: true, lintWorkspace: true, host } : null)),
  );
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.add(params.uri);
    for (const diagnostic of params.diagnostics) related += diagnostic.relatedInformation?.length ?? 0;
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
    // One request at a time, the next 50 ms after the answer: an editor asks again as the cursor moves.
    const latencies: number[] = [];
    let finished = false;
    const probing = (async () => {
      while (!finished && child.exitCode === null) {
        const asked = process.hrtime.bigint();
        await connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } },
          context: { diagnostics: [] },
        });
        latencies.push(Number(process.hrtime.bigint() - asked) / 1e6);
        await new Promise((resolve) => setTimeout(resolve, probeIntervalMs));
      }
    })().catch(() => undefined);
    let peakKB = 0;
    const sampler = setInterval(() => (peakKB = Math.max(peakKB, peakRssKB(child.pid!))), 200);
    const limit = setTimeout(() => allPublished(), limitMs);
    await done;
    clearTimeout(limit);
    clearInterval(sampler);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peakKB = Math.max(peakKB, peakRssKB(child.pid!));
    finished = true;
    await Promise.race([probing, new Promise((resolve) => setTimeout(resolve, 1000))]);
    const slowest = latencies.reduce((max, ms) => Math.max(max, ms), 0);
    const what = `${files} files${hardening ? ' (hardening)' : ''} (${latencies.length} code actions answered, the slowest in ${slowest.toFixed(0)} ms)`;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server died (${child.signalCode ?? child.exitCode}) on ${what} after ${seconds.toFixed(1)} s at ${(peakKB / 1024).toFixed(0)} MB peak RSS, ${published.size} files published`);
    if (published.size < files) throw new Error(`only ${published.size} of ${what} got diagnostics within ${limitMs / 1000} s (peak RSS ${(peakKB / 1024).toFixed(0)} MB)`);
    const sorted = [...latencies].sort((a, b) => a - b);
    return { files, hardening, seconds, peakRssMB: peakKB / 1024, codeActionMs: sorted[sorted.length >> 1] ?? NaN, maxCodeActionMs: sorted[sorted.length - 1] ?? NaN, requests: sorted.length, related };
  } finally {
    // shutdown and exit, as an editor ends a server: a node --cpu-prof profile is written on the way out.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest(ShutdownRequest.type).then(() => connection.sendNotification(ExitNotification.type), () => undefined);
      const killer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(killer);
    }
    connection.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The process's peak RSS so far (VmHWM), 0 once it has gone. */
function peakRssKB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
