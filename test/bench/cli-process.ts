// The CLI as CI runs it, one process per run, against a floor in the same run: `node` reading the same
// config and parsing it with bare sax (strict, positions), also one process. Wall time and peak RSS
// (GNU time's %M), medians of runs sampled alternately so machine noise falls on both alike.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { serviceConfig } from './generate';

export interface ProcessRow {
  input: string;
  floorMs: number;
  cliMs: number;
  floorRssMB: number;
  cliRssMB: number;
  ratio: number;
}

const saxFloor = `
const sax = require(${JSON.stringify(require.resolve('sax'))});
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
const parser = sax.parser(true, { position: true });
parser.onerror = () => { parser.error = null; };
parser.write(text).close();
`;

/** Wall ms and peak RSS MB of one process. */
function measure(args: readonly string[]): { ms: number; rssMB: number } {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1024 ** 3 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  return { ms, rssMB: Number(run.stderr.trim().split('\n').pop()) / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function cliProcess(): ProcessRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'mim-lint-bench-process-'));
  const cli = join(process.cwd(), 'dist', 'cli.js');
  try {
    return ([['config 1 MB', 1024 * 1024, 9], ['config 10 MB', 10 * 1024 * 1024, 5]] as const).map(([input, size, runs]) => {
      const file = join(dir, `${size}-Microsoft.ResourceManagement.Service.exe.config`);
      writeFileSync(file, serviceConfig(size));
      const floor: Array<{ ms: number; rssMB: number }> = [];
      const lint: Array<{ ms: number; rssMB: number }> = [];
      for (let i = 0; i <= runs; i++) {
        const f = measure(['-e', saxFloor, file]);
        const l = measure([cli, '--fips', 'on', '--tls12-only', 'on', '--format', 'json', file]);
        // The first pair warms the file cache.
        if (i > 0) {
          floor.push(f);
          lint.push(l);
        }
      }
      const floorMs = median(floor.map((s) => s.ms));
      const cliMs = median(lint.map((s) => s.ms));
      return { input, floorMs, cliMs, floorRssMB: median(floor.map((s) => s.rssMB)), cliRssMB: median(lint.map((s) => s.rssMB)), ratio: cliMs / floorMs };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
