// Where the cursor is in a script's msiexec command line: which command (direct msiexec, Start-Process
// -ArgumentList, `& msiexec`, DSC Package Arguments), which MIM package it installs, and the argument
// fragment under the cursor. Completion and hover both read it, from the script readers' model.
import { packageKindOf, readMsiexec, takesArgument } from '../script/msiexec';
import type { ScriptCommand, ScriptModel, Token } from '../script/model';

/** The MIM packages whose tables apply; both when the package path is unknown. */
export type MimPackage = 'mim-service' | 'mim-sync';

export interface MsiArgumentAt {
  command: ScriptCommand;
  packages: MimPackage[];
  /** The run of name/value characters around the cursor (`ADDLOCAL=CommonServices,Web`). */
  start: number;
  end: number;
  fragment: string;
}

const argumentChar = /[A-Za-z0-9_.=,]/;
const wordChar = /[A-Za-z0-9_]/;

export function msiArgumentAt(model: ScriptModel, text: string, offset: number): MsiArgumentAt | undefined {
  if (model.comments.some((c) => c.start <= offset && offset <= c.end)) return undefined;
  const command = model.commands.find((c) => (c.name === 'msiexec' || c.name === 'dsc-package') && holds(c, text, offset));
  if (!command) return undefined;
  let start = offset;
  while (start > 0 && argumentChar.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && wordChar.test(text[end])) end++;
  const packages = command.name === 'msiexec' ? msiexecPackages(command, text, offset) : dscPackages(command, offset);
  if (!packages) return undefined;
  return { command, packages, start, end, fragment: text.slice(start, end) };
}

/**
 * The cursor is in the command, at the blanks after it (typing the next argument), or in one of its
 * arguments written elsewhere (an argument array assigned before Start-Process).
 */
function holds(command: ScriptCommand, text: string, offset: number): boolean {
  if (command.start <= offset && offset <= command.end) return true;
  if (offset > command.end && /^[ \t]*([`^]\r?\n[ \t]*)?$/.test(text.slice(command.end, offset))) return true;
  return command.args.some((a) => a.start <= offset && offset <= a.end);
}

function msiexecPackages(command: ScriptCommand, text: string, offset: number): MimPackage[] | undefined {
  const invocation = readMsiexec(command, text);
  const at = command.args.findIndex((a) => a.start < offset && offset <= a.end);
  // The package path and a log or transform file are not properties.
  if (at >= 0 && (command.args[at] === invocation.packageToken || (at > 0 && takesArgument(command.args[at - 1].text)))) return undefined;
  if (invocation.packageToken?.start !== undefined && invocation.packageToken.start < offset && offset <= invocation.packageToken.end) return undefined;
  return packagesOf(invocation.packageToken);
}

function dscPackages(command: ScriptCommand, offset: number): MimPackage[] | undefined {
  const args = command.named['arguments'];
  if (!args || offset <= args.start || offset > args.end) return undefined;
  return packagesOf(command.named['path']);
}

function packagesOf(token: Token | undefined): MimPackage[] {
  const kind = token?.resolved ? packageKindOf(token.text) : 'other';
  if (kind === 'mim-service' || kind === 'mim-sync') return [kind];
  // A SQL client or another MIM package: only the standard properties apply.
  return kind === 'other' ? ['mim-service', 'mim-sync'] : [];
}
