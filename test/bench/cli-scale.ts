// The CLI on generated workspace trees of mixed kinds: wall time and peak RSS (GNU time's %M).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cmdScript, hardeningExport, powerShellScript, registryExport, serviceConfig } from './generate';

/**
 * `hardening`: every fourth file is a .reg export that disables SSL 3.0, TLS 1.0 and 1.1 and enables
 * FIPS mode, as a repository of per-host hardening files is; each is evidence of the host profile.
 */
export function generateTree(files: number, hardening = false): string {
  const root = mkdtempSync(join(tmpdir(), 'mim-lint-bench-'));
  const kinds: Array<[string, string]> = [
    ['Microsoft.ResourceManagement.Service.exe.config', serviceConfig(6 * 1024)],
    ['miiserver.exe.config', serviceConfig(4 * 1024).replace('<resourceManagementService', '<other')],
    ['install.cmd', cmdScript(3 * 1024)],
    ['Install.ps1', powerShellScript(3 * 1024)],
    ['hardening.reg', registryExport(2 * 1024)],
  ];
  if (hardening) kinds.splice(2, 3, ['install.cmd', cmdScript(3 * 1024)], ['hardening.reg', hardeningExport()]);
  for (let i = 0; i < files; i++) {
    const directory = join(root, `host${Math.floor(i / 100)}`, `part${Math.floor(i / 10) % 10}`);
    mkdirSync(directory, { recursive: true });
    const [name, text] = kinds[i % kinds.length];
    writeFileSync(join(directory, `${i}-${name}`), text);
  }
  return root;
}

export async function cliScale(): Promise<Array<{ files: number; seconds: number; peakRssMB: number; findings: number }>> {
  const rows = [];
  for (const files of [1000, 10000]) {
    const root = generateTree(files);
    try {
      const started = process.hrtime.bigint();
      const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(process.cwd(), 'dist', 'cli.js'), '--format', 'json', root], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024 * 1024,
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakKB = Number(run.stderr.trim().split('\n').pop());
      const output = JSON.parse(run.stdout) as { files: Array<{ findings: unknown[] }> };
      rows.push({ files, seconds, peakRssMB: peakKB / 1024, findings: output.files.reduce((n, f) => n + f.findings.length, 0) });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}
