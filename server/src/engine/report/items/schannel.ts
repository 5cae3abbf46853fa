// SCHANNEL: Microsoft asks for SSL 3.0, TLS 1.0 and TLS 1.1 to be disabled in both the Client and the
// Server subkey. Each file's last write per protocol and side is its final word; files that disagree
// leave that protocol unknown (MIM306 reports the conflict).
import type { RegistryWrite } from '../../registry/model';
import { applyWrite, schannelTarget, stateFromHost, usable, type Side, type Tristate } from '../../tls/schannel';
import type { ChecklistItem, EvidenceLink } from '../model';
import type { ReportWorkspace } from '../workspace';

const olderProtocols = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'];
const sides: Side[] = ['Client', 'Server'];

type SideState = 'tls12-only' | 'tls12-off' | 'partial' | 'untouched';

export function schannelItem(workspace: ReportWorkspace): ChecklistItem {
  const { states, evidence } = protocolStates(workspace);
  const findings = workspace.findings(['MIM301', 'MIM302']);
  const sideStates = new Map(sides.map((side) => [side, sideState(states, side)]));
  const item = { id: 'schannel-client-server', title: 'SCHANNEL: SSL 3.0, TLS 1.0 and TLS 1.1 disabled in both Client and Server', evidence, findings };
  const hardened = sides.filter((side) => sideStates.get(side) === 'tls12-only');
  if (findings.length > 0 || sides.some((side) => sideStates.get(side) === 'tls12-off')) {
    return { ...item, status: 'not met', detail: 'The SCHANNEL settings in the workspace differ between Client and Server, or turn TLS 1.2 off as well.' };
  }
  if (hardened.length === 2) {
    return { ...item, status: 'met', detail: 'Both the Client and the Server subkeys leave only TLS 1.2 (and later) enabled.' };
  }
  if (hardened.length === 1) {
    const other = sides.find((side) => side !== hardened[0])!;
    return { ...item, status: 'not met', detail: `Only TLS 1.2 is left in the ${hardened[0]} subkey, but the ${other} subkey does not disable all of SSL 3.0, TLS 1.0 and TLS 1.1.` };
  }
  if (workspace.profile.tls12Only.value === 'off' && evidence.length === 0) {
    return { ...item, status: 'not applicable', detail: 'The host profile says older TLS versions stay enabled, and no file in the workspace changes SCHANNEL protocols.' };
  }
  return {
    ...item,
    status: 'no evidence',
    detail: evidence.length === 0
      ? 'No .reg, .inf or script in the workspace sets SCHANNEL protocol keys.'
      : 'The workspace changes SCHANNEL protocol keys, but on neither side does it disable all of SSL 3.0, TLS 1.0 and TLS 1.1.',
  };
}

function protocolStates(workspace: ReportWorkspace): { states: Map<string, Tristate>; evidence: EvidenceLink[] } {
  const finals = new Map<string, Array<{ value: Tristate; link: EvidenceLink }>>();
  for (const { file, writes } of workspace.registry) {
    const perFile = new Map<string, { state: ReturnType<typeof stateFromHost>; last: RegistryWrite }>();
    for (const write of writes) {
      const target = schannelTarget(write);
      if (!target) continue;
      const key = `${target.protocol} (${target.side})`;
      perFile.set(key, { state: applyWrite(perFile.get(key)?.state ?? stateFromHost('unknown'), write), last: write });
    }
    for (const [key, { state, last }] of perFile) {
      const value = usable(state);
      const said = value === 'on' ? 'enabled' : value === 'off' ? 'disabled' : 'changed';
      finals.set(key, [...(finals.get(key) ?? []), { value, link: workspace.at(file.fileName, last.start, `${key} ${said}`) }]);
    }
  }
  const states = new Map<string, Tristate>();
  for (const [key, found] of finals) {
    const values = new Set(found.map((f) => f.value));
    states.set(key, values.size === 1 ? found[0].value : 'unknown');
  }
  const evidence = [...finals.values()].flat().map((f) => f.link).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { states, evidence };
}

function sideState(states: Map<string, Tristate>, side: Side): SideState {
  const older = olderProtocols.map((protocol) => states.get(`${protocol} (${side})`));
  if (states.get(`TLS 1.2 (${side})`) === 'off') return 'tls12-off';
  if (older.every((state) => state === 'off')) return 'tls12-only';
  return older.some((state) => state !== undefined) ? 'partial' : 'untouched';
}
