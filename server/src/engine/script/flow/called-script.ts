// Which other script a command runs, in either language, and its path as Windows would resolve it:
// `call x.cmd`, `x.cmd`, `cmd /c x.cmd`, `powershell -File x.ps1`, `& "$PSScriptRoot\x.ps1"`,
// `. .\x.ps1`, `Start-Process cmd -ArgumentList '/c x.cmd'`; `%~dp0` (expanded by the reader),
// `$PSScriptRoot`, `.` and `..` resolved against the calling script's folder.
import type { ScriptCommand, Token } from '../model';

const scriptFile = /\.(cmd|bat|ps1)$/i;

export function calledScript(command: ScriptCommand, callerFile: string): string | undefined {
  const token = targetToken(command);
  if (!token) return undefined;
  const text = withScriptRoot(token, callerFile);
  if (text === undefined || !scriptFile.test(text)) return undefined;
  return resolvePath(text, directoryOf(callerFile));
}

function targetToken(command: ScriptCommand): Token | undefined {
  const name = command.name;
  const args = command.args.length > 0 ? command.args : command.positional;
  if (name === 'call') return args[0];
  if (name === 'cmd') return afterSwitch(args, /^\/[ck]$/i) ?? glued(args, /^\/[ck](.+)$/i);
  if (name === 'powershell' || name === 'pwsh') return afterSwitch(args, /^-f(ile)?$/i) ?? (args[0] && scriptFile.test(args[0].text) ? args[0] : undefined);
  return scriptFile.test(command.nameToken.text) ? command.nameToken : undefined;
}

function afterSwitch(args: readonly Token[], option: RegExp): Token | undefined {
  const at = args.findIndex((a) => option.test(a.text));
  return at < 0 ? undefined : args[at + 1];
}

function glued(args: readonly Token[], option: RegExp): Token | undefined {
  for (const arg of args) {
    const match = option.exec(arg.text);
    if (match) return { ...arg, text: match[1] };
  }
  return undefined;
}

const scriptRoot = /^(?:\$PSScriptRoot|\$\(\s*Split-Path\s+(?:-Parent\s+)?\$MyInvocation\.MyCommand\.(?:Path|Definition)\s*\))(?=[\\/])/i;

/** The target's text with `$PSScriptRoot` replaced by the caller's folder; undefined while any other part is unknown. */
function withScriptRoot(token: Token, callerFile: string): string | undefined {
  const text = token.text.replace(/^["']|["']$/g, '');
  const root = scriptRoot.exec(text);
  if (root) {
    const rest = text.slice(root[0].length);
    if (/\$|%[^%]*%/.test(rest)) return undefined;
    const directory = directoryOf(callerFile);
    return directory === '' ? rest.replace(/^[\\/]+/, '') : directory.replace(/[\\/]$/, '') + rest;
  }
  return token.resolved ? text : undefined;
}

export function directoryOf(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('\\'), fileName.lastIndexOf('/'));
  return cut >= 0 ? fileName.slice(0, cut + 1) : '';
}

/** A relative path joined to `directory`, with `.` and `..` collapsed (never above the root). */
export function resolvePath(path: string, directory: string): string {
  const rooted = (p: string) => /^([a-z]:)?[\\/]/i.test(p) || /^[a-z]:/i.test(p);
  const unified = (p: string) => p.replace(/\//g, '\\').toLowerCase();
  // `%~dp0x.cmd` arrives already joined (with a relative folder when the caller was named relatively).
  const joined = rooted(path) || directory === '' || unified(path).startsWith(unified(directory));
  const full = joined ? path : directory + path;
  const separator = full.includes('\\') || !full.includes('/') ? '\\' : '/';
  const unc = full.startsWith('\\\\') || full.startsWith('//');
  // What `..` may not remove: the drive or root (`C:`, ``), or a UNC server and share.
  const fixed = unc ? 3 : rooted(full) ? 1 : 0;
  const parts: string[] = [];
  for (const part of full.split(/[\\/]+/)) {
    if (part === '.') continue;
    if (part === '..') {
      if (parts.length > fixed) parts.pop();
      continue;
    }
    parts.push(part);
  }
  const result = parts.join(separator);
  return unc ? separator + separator + result.replace(/^[\\/]+/, '') : result;
}
