// Helpers for the PowerShell reader tests: find commands and show tokens as the source they cover,
// so a range that drifts by one character fails.
import assert from 'node:assert/strict';
import type { ScriptCommand, ScriptModel, Token } from '../../../server/src/engine/script/model';
import { readPowerShell } from '../../../server/src/engine/script/powershell/read';

export const crlf = (text: string) => text.replace(/\n/g, '\r\n');

export function read(text: string): ScriptModel {
  return readPowerShell(text);
}

export function only(model: ScriptModel, name: string): ScriptCommand {
  const found = model.commands.filter((c) => c.name === name);
  assert.equal(found.length, 1, `one ${name} command, got ${found.length}`);
  return found[0];
}

export const texts = (tokens: readonly Token[]) => tokens.map((t) => t.text);

/** Each token as the source text its range covers. */
export const sources = (text: string, tokens: readonly Token[]) => tokens.map((t) => text.slice(t.start, t.end));

export function namedTexts(command: ScriptCommand): Record<string, string> {
  return Object.fromEntries(Object.entries(command.named).map(([name, token]) => [name, token.text]));
}

export function statementText(text: string, command: ScriptCommand): string {
  return text.slice(command.statementStart, command.statementEnd);
}
