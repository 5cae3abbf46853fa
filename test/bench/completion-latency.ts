// Completion latency on a 5,000-line install script: the engine's answer at an msiexec argument near
// the end (the worst place: everything above is read first), against reading the script alone; and the
// inlay hints (TLS state) of the same script, which run the whole flow analysis the rules use.
import { performance } from 'node:perf_hooks';
import { completionsAt, profileFromSettings, tlsStateHints, unknownProfile } from '../../server/src/engine/index';
import { readScript } from '../../server/src/engine/script/read-script';

export interface CompletionLatency {
  lines: number;
  p50: number;
  p95: number;
  readMs: number;
  items: number;
  /** The inlay hints of the whole script (its full flow analysis), on a TLS 1.2-only host. */
  hintP50: number;
  hintP95: number;
  hints: number;
}

function script(lines: number): { text: string; offset: number } {
  const block = (i: number) => [
    `:step_${i}`,
    `echo Installing package ${i}`,
    `set LOG_${i}=C:\\Logs\\step${i}.log`,
    `reg add "HKLM\\SOFTWARE\\Contoso\\Deploy" /v Step${i} /t REG_DWORD /d ${i} /f`,
    `msiexec /i "D:\\Media\\Service and Portal\\Service and Portal.msi" /qn /l*v "%LOG_${i}%" ^`,
    `  ADDLOCAL=CommonServices,WebPortals ACCEPT_EULA=1 SQLSERVER_SERVER=SQL${i} ^`,
    '  REBOOT=ReallySuppress FIREWALL_CONF=1',
    `if errorlevel 1 goto :failed_${i}`,
    'exit /b 0',
    '',
  ];
  const out: string[] = ['@echo off'];
  for (let i = 0; out.length < lines - 3; i++) out.push(...block(i));
  out.push('msiexec /i "D:\\Media\\Service and Portal\\Service and Portal.msi" /qn ^', '  ADDLOCAL=CommonServices,', 'exit /b 0');
  const text = out.join('\r\n');
  return { text, offset: text.lastIndexOf('CommonServices,') + 'CommonServices,'.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];

export function completionLatency(lines = 5000, runs = 100): CompletionLatency {
  const { text, offset } = script(lines);
  const reads: number[] = [];
  const times: number[] = [];
  let items = 0;
  // Separate loops: the floor's garbage would otherwise be collected during the timed completions.
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    readScript('cmd', text, 'install.cmd');
    reads.push(performance.now() - start);
  }
  for (let i = 0; i < runs + 5; i++) {
    const start = performance.now();
    items = completionsAt('cmd', text, offset, 'install.cmd').length;
    if (i >= 5) times.push(performance.now() - start); // after warm-up
  }
  const hintTimes: number[] = [];
  let hints = 0;
  const profile = profileFromSettings({ fips: 'off', tls12Only: 'on' }, 'setting', unknownProfile());
  for (let i = 0; i < runs + 5; i++) {
    const start = performance.now();
    hints = tlsStateHints(text, 'install.cmd', { profile }).length;
    if (i >= 5) hintTimes.push(performance.now() - start);
  }
  return { lines: text.split('\r\n').length, p50: median(times), p95: p95(times), readMs: median(reads), items, hintP50: median(hintTimes), hintP95: p95(hintTimes), hints };
}
