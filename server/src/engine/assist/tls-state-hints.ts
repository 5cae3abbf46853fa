// Inline TLS state: on each MIM install in a script, the TLS 1.1 Client state the paths reaching it
// leave, and what set it. Read from the same script facts MIM201/MIM202 judge (script/facts.ts, with
// the same host profile and callers), so the hint and the rule cannot disagree. Where nothing is
// known the hint is left out: it says nothing rather than guess.
import { baseName, fileKindOf } from '../file-kinds';
import { unknownProfile, type Fact, type HostProfile } from '../profile';
import { SourceText } from '../source-text';
import type { Location } from '../types';
import { scriptFacts, type CallContext, type ScriptFacts, type ScriptStep } from '../script/facts';
import { everyCombination, statesOnPaths } from '../script/flow/state';
import { installsMimService, isUninstall, type PackageKind } from '../script/msiexec';
import { readScript } from '../script/read-script';

export type TlsHintState = 'on' | 'off' | 'mixed';

export interface TlsStateHint {
  /** Where the hint stands: the start of the install command. */
  offset: number;
  /** One short line, e.g. "TLS 1.1 off — set at line 12". */
  label: string;
  /** Markdown: the state on the paths, each place that set it, and what it means for the install. */
  tooltip: string;
  state: TlsHintState;
  /** The install command the hint is about, and its package. */
  start: number;
  end: number;
  packageKind: PackageKind;
  /** Installs the MIM Service itself (not only the portal) without the wizard: what MIM201 judges. */
  unattendedService: boolean;
  /** The /q, /quiet or /passive switch as written (where MIM201 points; it may stand in a variable's value). */
  quietSwitch?: { start: number; end: number };
}

export interface TlsHintOptions {
  profile?: HostProfile;
  callers?: readonly CallContext[];
}

export function tlsStateHints(text: string, fileName: string, options: TlsHintOptions = {}): TlsStateHint[] {
  const kind = fileKindOf(fileName);
  if (kind !== 'cmd' && kind !== 'powershell') return [];
  const profile = options.profile ?? unknownProfile();
  // The same call lint() makes for a script: the rules' facts, not a second opinion.
  const script = scriptFacts(readScript(kind, text, fileName), text, profile, options.callers, fileName);
  const source = new SourceText(text, fileName);
  const hints: TlsStateHint[] = [];
  for (const step of script.steps) {
    if (step.kind !== 'install' || !step.reached || !isMimInstall(step)) continue;
    const state = hintState(step);
    if (!state) continue;
    const origins = originsOf(step, script, source, profile.tls12Only);
    hints.push({
      offset: step.command.start,
      label: state === 'mixed' ? mixedLabel(step.tls11Paths) : labelOf(state, origins),
      tooltip: tooltipOf(state, origins, step),
      state,
      start: step.command.start,
      end: step.command.end,
      packageKind: step.invocation.packageKind,
      unattendedService: unattendedService(step),
      quietSwitch: step.invocation.uiSwitch && { start: step.invocation.uiSwitch.start, end: step.invocation.uiSwitch.end },
    });
  }
  return hints;
}

function isMimInstall(step: Extract<ScriptStep, { kind: 'install' }>): boolean {
  return step.invocation.packageKind.startsWith('mim-') && !isUninstall(step.invocation);
}

function unattendedService(step: Extract<ScriptStep, { kind: 'install' }>): boolean {
  return installsMimService(step.invocation) && step.invocation.unattended && step.invocation.uiSwitch !== undefined;
}

/** The rules' verdict; undefined where nothing is known (or after code the flow cannot follow). */
function hintState(step: ScriptStep): TlsHintState | undefined {
  if (step.tls11Before === 'on' || step.tls11Before === 'off') return step.tls11Before;
  if (step.tls11Before !== 'mixed' || step.tls11Paths === everyCombination) return undefined;
  return 'mixed';
}

interface Origins {
  /** 1-based lines of this script's commands that last set TLS 1.1 Client, with their first line of text. */
  lines: Array<{ line: number; text: string }>;
  /** The state the script started in decided some path: why, short and long. */
  start?: { short: string; long: string };
}

function originsOf(step: ScriptStep, script: ScriptFacts, source: SourceText, host: Fact): Origins {
  const lines = new Map<number, string>();
  for (const offset of step.tls11SetBy) {
    if (offset < 0) continue;
    const line = source.positionAt(offset).line;
    const end = Math.min(source.lineStarts[line + 1] ?? source.text.length, offset + 200);
    lines.set(line + 1, source.text.slice(offset, end).trim());
  }
  const sorted = [...lines].sort(([a], [b]) => a - b).map(([line, text]) => ({ line, text }));
  const fromStart = step.tls11SetBy.some((offset) => offset < 0);
  return { lines: sorted, start: fromStart ? startOrigin(script, host) : undefined };
}

function startOrigin(script: ScriptFacts, host: Fact): Origins['start'] {
  const at = (location: Location) => `${baseName(location.file)}${location.line === undefined ? '' : `:${location.line + 1}`}`;
  if (script.tls11StartFrom === 'callers') {
    const places = script.tls11Evidence.map(at);
    const short = `${places.length > 1 ? 'wrappers' : 'wrapper'} ${places.slice(0, 2).join(', ')}${places.length > 2 ? ', …' : ''}`;
    return { short, long: `the state of the script that calls this one, at the call (${places.join(', ')})` };
  }
  if (script.tls11AtStart === 'unknown') return { short: 'unknown host', long: 'the host, whose TLS 1.2-only setting is not known' };
  const hostSays = script.tls11AtStart === 'off' ? 'TLS 1.2-only host' : 'host allows TLS 1.1';
  const inferred = script.tls11Evidence.map(at);
  const named = { setting: 'setting', flag: '--tls12-only', config: '.mimlintrc.json', evidence: inferred[0] ?? 'workspace', default: '' }[host.source];
  const long = {
    setting: 'the mimLint.host.tls12Only setting',
    flag: 'the --tls12-only flag',
    config: 'host.tls12Only in .mimlintrc.json',
    evidence: `the host profile inferred from the workspace (${inferred.join(', ')})`,
    default: 'the host profile',
  }[host.source];
  return { short: named ? `${hostSays}: ${named}` : hostSays, long: `${hostSays}, from ${long}` };
}

/** Off on some paths; on on the others, or (where a path's state is not known) only off on some. */
function mixedLabel(paths: number): string {
  return statesOnPaths(paths).on ? 'TLS 1.1 on/off depending on path' : 'TLS 1.1 off on some paths';
}

function labelOf(state: 'on' | 'off', origins: Origins): string {
  const base = `TLS 1.1 ${state}`;
  const { lines, start } = origins;
  const set = lines.length === 0 ? '' : `set at line${lines.length > 1 ? 's' : ''} ${lines.map((l) => l.line).join(', ')}`;
  if (set && start) return `${base} — ${set} / ${start.short}`;
  if (set) return `${base} — ${set}`;
  return start ? `${base} (${start.short})` : base;
}

function tooltipOf(state: TlsHintState, origins: Origins, step: Extract<ScriptStep, { kind: 'install' }>): string {
  const paths = { on: '**enabled** on every path', off: '**disabled** on every path', mixed: '**disabled on some paths** and not on others' }[state];
  const parts = [`TLS 1.1 Client is ${paths} that reaches this install (in the order the script runs).`];
  const setters = origins.lines.map((l) => `- line ${l.line}: \`${l.text.replace(/`/g, "'")}\``);
  if (origins.start) setters.push(`- before the script: ${origins.start.long}`);
  if (setters.length > 0) parts.push(`Last set by:\n${setters.join('\n')}`);
  if (unattendedService(step)) {
    parts.push({
      off: 'An unattended MIM Service install fails with TLS 1.1 disabled (MIM201).',
      on: 'The unattended MIM Service install runs with TLS 1.1 enabled, as Microsoft\'s workaround needs.',
      mixed: 'Which path runs is not known, so MIM201 stays silent: make every path enable TLS 1.1 before the install.',
    }[state]);
  }
  return parts.join('\n\n');
}
