// Typing latency through the real server: single-character edits to a large config, timed from
// didChange to the matching publishDiagnostics, minus the server's debounce.
import { lintDelayMs } from '../../server/src/lsp/document-linter';
import { LspTestClient } from '../lsp/lsp-test-client';
import { serviceConfig } from './generate';
import sax from 'sax';
import { lint } from '../../server/src/engine/index';
import { hardened, time } from './engine-throughput';

export async function typingLatency(edits = 200): Promise<{ lines: number; debounceMs: number; p50: number; p95: number; max: number; saxMs: number; lintMs: number; reuseMs: number }> {
  // About 5,000 lines, as the issue sets the scenario.
  const text = serviceConfig(318 * 1024);
  const lines = text.split('\n').length;
  const uri = 'file:///bench/Microsoft.ResourceManagement.Service.exe.config';
  const client = LspTestClient.spawnServer();
  const samples: number[] = [];
  try {
    client.settings = () => ({ enable: true, host: { fips: 'on', tls12Only: 'on' } });
    await client.initialize();
    await client.open(uri, text);
    await client.nextDiagnostics(uri);
    const line = Math.floor(lines / 2);
    const valueStart = text.split('\n')[line].indexOf('="') + 2;
    for (let i = 0; i < edits; i++) {
      // Type into an attribute value in the middle of the file.
      const position = { line, character: valueStart + (i % 5) };
      const start = process.hrtime.bigint();
      const version = await client.change(uri, [{ range: { start: position, end: position }, text: 'x' }]);
      let published = await client.nextDiagnostics(uri);
      while (published.version !== version) published = await client.nextDiagnostics(uri);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6 - lintDelayMs);
    }
  } finally {
    await client.stop();
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  // The floor in the same run: a bare sax parse and a full engine lint of the same text, in process.
  const saxMs = time(() => {
    const parser = sax.parser(true, { position: true });
    parser.write(text).close();
  }, 21);
  const fileName = 'Microsoft.ResourceManagement.Service.exe.config';
  const lintMs = time(() => lint(text, fileName, { profile: hardened }), 21);
  // What the server does per keystroke: a lint that starts from the previous version's parse.
  const edited = text.replace('Contoso.Extension1"', 'Contoso.Extension1x"');
  const previous = lint(text, fileName, { profile: hardened, reusable: true });
  const reuseMs = time(() => lint(edited, fileName, { profile: hardened, reusable: true, reuseFrom: previous }), 21);
  return { lines, debounceMs: lintDelayMs, p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1], saxMs, lintMs, reuseMs };
}
