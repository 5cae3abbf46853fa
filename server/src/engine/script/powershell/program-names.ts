// The name a command is known by: without directory and `.exe`, lower-cased, aliases resolved to the
// cmdlet they stand for (only the aliases install scripts use for processes and the registry).

const aliases: Record<string, string> = {
  saps: 'start-process',
  start: 'start-process',
  ni: 'new-item',
  sp: 'set-itemproperty',
  gp: 'get-itemproperty',
  rp: 'remove-itemproperty',
  ri: 'remove-item',
  rm: 'remove-item',
  del: 'remove-item',
  erase: 'remove-item',
  rd: 'remove-item',
  rmdir: 'remove-item',
};

export function programName(written: string): string {
  const base = written.slice(Math.max(written.lastIndexOf('\\'), written.lastIndexOf('/')) + 1).toLowerCase();
  const name = base.endsWith('.exe') ? base.slice(0, -4) : base;
  return aliases[name] ?? name;
}

/** A cmdlet (Verb-Noun) binds -Name parameters itself; anything else is a program that parses its own command line. */
export function isCmdletName(name: string): boolean {
  return /^[a-z]+-[a-z]/.test(name);
}

const startProcessParameters = [
  'filepath',
  'argumentlist',
  'credential',
  'workingdirectory',
  'loaduserprofile',
  'nonewwindow',
  'passthru',
  'redirectstandarderror',
  'redirectstandardinput',
  'redirectstandardoutput',
  'verb',
  'windowstyle',
  'wait',
  'usenewenvironment',
  'environment',
];
const startProcessAliases: Record<string, string> = {
  path: 'filepath',
  pspath: 'filepath',
  args: 'argumentlist',
  lup: 'loaduserprofile',
  nnw: 'nonewwindow',
  rse: 'redirectstandarderror',
  rsi: 'redirectstandardinput',
  rso: 'redirectstandardoutput',
};
const startProcessSwitches = new Set(['loaduserprofile', 'nonewwindow', 'passthru', 'wait', 'usenewenvironment']);

/** The Start-Process parameter a written name binds to: an alias, the full name or an unambiguous prefix. */
export function startProcessParameter(written: string): string | undefined {
  if (startProcessAliases[written]) return startProcessAliases[written];
  const matches = startProcessParameters.filter((name) => name.startsWith(written));
  if (matches.includes(written)) return written;
  return matches.length === 1 ? matches[0] : undefined;
}

export function isStartProcessSwitch(written: string): boolean {
  const name = startProcessParameter(written);
  return name !== undefined && startProcessSwitches.has(name);
}
