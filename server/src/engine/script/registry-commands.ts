// Registry changes made by script commands: `reg add/delete` (cmd and PowerShell), the PowerShell
// registry cmdlets, and DSC Registry resources. Paths and data come from the reader's expanded tokens;
// what a script computes at run time stays unknown (undefined data), never guessed.
import { parseKeyPath, parseNumber, type RegistryWrite } from '../registry/model';
import type { ScriptCommand, Token } from './model';

export function registryWritesOf(command: ScriptCommand): RegistryWrite[] {
  switch (command.name) {
    case 'reg':
      return regExe(command);
    case 'new-item':
      return keyCmdlet(command, 'create-key');
    case 'remove-item':
      return keyCmdlet(command, 'delete-key');
    case 'new-itemproperty':
    case 'set-itemproperty':
      return valueCmdlet(command, 'set-value');
    case 'remove-itemproperty':
      return valueCmdlet(command, 'delete-value');
    case 'dsc-registry':
      return dscRegistry(command);
    default:
      return [];
  }
}

function at(command: ScriptCommand) {
  return { start: command.start, end: command.end };
}

/** `reg add <key> [/v name | /ve] [/t type] [/d data] [/f]`, `reg delete <key> [/v name | /ve | /va] [/f]`. */
function regExe(command: ScriptCommand): RegistryWrite[] {
  const words = command.args.length > 0 ? command.args : command.positional;
  const verb = words[0]?.text.toLowerCase();
  if ((verb !== 'add' && verb !== 'delete') || !words[1]) return [];
  const key = parseKeyPath(words[1].text);
  if (!key) return [];
  const option = (name: string) => {
    const i = words.findIndex((w) => w.text.toLowerCase() === name);
    return i < 0 ? undefined : (words[i + 1] ?? null);
  };
  const valueName = words.some((w) => w.text.toLowerCase() === '/ve') ? '' : option('/v')?.text;
  if (verb === 'delete') {
    if (valueName === undefined) return [{ operation: 'delete-key', ...key, ...at(command) }];
    return [{ operation: 'delete-value', ...key, valueName, ...at(command) }];
  }
  if (valueName === undefined) return [{ operation: 'create-key', ...key, ...at(command) }];
  const type = option('/t')?.text.toUpperCase() ?? 'REG_SZ';
  const raw = option('/d');
  const data = raw ? dataOf(raw, /DWORD|QWORD/.test(type)) : '';
  return [{ operation: 'set-value', ...key, valueName, data, ...at(command) }];
}

function dataOf(token: Token, numeric: boolean): number | string | undefined {
  if (!token.resolved) return undefined;
  return numeric ? parseNumber(token.text) : token.text;
}

/** PowerShell binds a parameter given by any unambiguous prefix of its name. */
function parameter(command: ScriptCommand, fullName: string, position?: number): Token | undefined {
  for (const [name, token] of Object.entries(command.named)) {
    if (name.length > 0 && fullName.startsWith(name)) return token;
  }
  if (fullName === 'path') {
    const literal = command.named['literalpath'] ?? command.named['pspath'];
    if (literal) return literal;
  }
  return position === undefined ? undefined : command.positional[position];
}

function keyCmdlet(command: ScriptCommand, operation: 'create-key' | 'delete-key'): RegistryWrite[] {
  const path = parameter(command, 'path', 0);
  const key = path?.resolved ? parseKeyPath(path.text) : undefined;
  return key ? [{ operation, ...key, ...at(command) }] : [];
}

function valueCmdlet(command: ScriptCommand, operation: 'set-value' | 'delete-value'): RegistryWrite[] {
  const path = parameter(command, 'path', 0);
  const name = parameter(command, 'name', 1);
  const key = path?.resolved ? parseKeyPath(path.text) : undefined;
  if (!key || !name?.resolved) return [];
  if (operation === 'delete-value') {
    // `-Name Enabled, DisabledByDefault` removes both.
    const names = name.text.split(/[\s,]+/).filter((n) => n !== '');
    return names.map((valueName) => ({ operation, ...key, valueName, ...at(command) }));
  }
  const value = parameter(command, 'value', 2);
  const type = (parameter(command, 'propertytype') ?? parameter(command, 'type'))?.text.toLowerCase();
  const numeric = type === undefined || type === 'dword' || type === 'qword';
  const data = value ? dataOf(value, numeric) : undefined;
  return [{ operation, ...key, valueName: name.text, data, ...at(command) }];
}

function dscRegistry(command: ScriptCommand): RegistryWrite[] {
  const key = command.named['key']?.resolved ? parseKeyPath(command.named['key'].text) : undefined;
  if (!key) return [];
  const absent = command.named['ensure']?.text.toLowerCase() === 'absent';
  const valueName = command.named['valuename']?.text;
  if (valueName === undefined) return [{ operation: absent ? 'delete-key' : 'create-key', ...key, ...at(command) }];
  if (absent) return [{ operation: 'delete-value', ...key, valueName, ...at(command) }];
  const type = command.named['valuetype']?.text.toLowerCase() ?? 'string';
  const raw = command.named['valuedata'];
  const data = raw ? dataOf(raw, type === 'dword' || type === 'qword') : undefined;
  return [{ operation: 'set-value', ...key, valueName, data, ...at(command) }];
}
