// Picks the script reader for a file kind.
import { readCmd } from './cmd/read';
import type { ScriptModel } from './model';
import { readPowerShell } from './powershell/read';

export function readScript(kind: 'cmd' | 'powershell', text: string, fileName: string): ScriptModel {
  return kind === 'cmd' ? readCmd(text, fileName) : readPowerShell(text);
}
