// Engine speed against its floor, measured in the same run: a bare sax strict parse (position tracking
// only) for configs, and decoding the bytes for scripts and registry files.
import sax from 'sax';
import { lint } from '../../server/src/engine/index';
import type { HostProfile } from '../../server/src/engine/profile';
import { cmdScript, powerShellScript, registryExport, serviceConfig } from './generate';

export const hardened: HostProfile = {
  fips: { value: 'on', source: 'flag', evidence: [] },
  tls12Only: { value: 'on', source: 'flag', evidence: [] },
};

/** Median of `runs` timings in ms, after one warm-up. */
export function time(run: () => void, runs: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function saxParse(text: string): void {
  const parser = sax.parser(true, { position: true });
  parser.onerror = () => {
    (parser as unknown as { error: null }).error = null;
  };
  parser.write(text).close();
}

export interface ThroughputRow {
  input: string;
  bytes: number;
  floorMs: number;
  lintMs: number;
  floorMBps: number;
  lintMBps: number;
  ratio: number;
}

/** Medians of `a` and `b` sampled alternately, so machine noise and GC pauses fall on both alike. */
function interleaved(a: () => void, b: () => void, runs: number): [number, number] {
  // Warm both up as long as they are then measured, so the JIT has settled for small inputs too.
  for (let i = 0; i < runs; i++) {
    a();
    b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const once = (run: () => void, into: number[]) => {
    const start = process.hrtime.bigint();
    run();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let i = 0; i < runs; i++) {
    once(a, samplesA);
    once(b, samplesB);
  }
  const median = (samples: number[]) => samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)];
  return [median(samplesA), median(samplesB)];
}

function row(input: string, text: string, floor: () => void, lintOnce: () => void, runs: number): ThroughputRow {
  const bytes = Buffer.byteLength(text);
  const [floorMs, lintMs] = interleaved(floor, lintOnce, runs);
  const mb = bytes / 1024 / 1024;
  return { input, bytes, floorMs, lintMs, floorMBps: mb / (floorMs / 1000), lintMBps: mb / (lintMs / 1000), ratio: lintMs / floorMs };
}

export function configThroughput(): ThroughputRow[] {
  const sizes: Array<[string, number, number]> = [
    ['config 10 KB', 10 * 1024, 201],
    ['config 100 KB', 100 * 1024, 21],
    ['config 1 MB', 1024 * 1024, 9],
    ['config 10 MB', 10 * 1024 * 1024, 5],
  ];
  return sizes.map(([name, size, runs]) => {
    const text = serviceConfig(size);
    return row(name, text, () => saxParse(text), () => lint(text, 'Microsoft.ResourceManagement.Service.exe.config', { profile: hardened }), runs);
  });
}

export function otherKindsThroughput(): ThroughputRow[] {
  const decoder = new TextDecoder('utf-8');
  const utf16 = new TextDecoder('utf-16le');
  const inputs: Array<[string, string, string, (bytes: Buffer) => string]> = [
    ['cmd 1 MB', cmdScript(1024 * 1024), 'install.cmd', (b) => decoder.decode(b)],
    ['ps1 1 MB', powerShellScript(1024 * 1024), 'Install.ps1', (b) => decoder.decode(b)],
    ['reg 1 MB (UTF-16LE)', registryExport(1024 * 1024), 'hardening.reg', (b) => utf16.decode(b)],
  ];
  return inputs.map(([name, text, fileName, decode]) => {
    const bytes = name.includes('UTF-16') ? Buffer.from('\ufeff' + text, 'utf16le') : Buffer.from(text, 'utf8');
    return row(name, text, () => decode(bytes), () => lint(decode(bytes), fileName, { profile: hardened }), 9);
  });
}
