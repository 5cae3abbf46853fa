// Shared by the suppression and fix-all protocol tests: a spawned server with given settings, the
// edits of a versioned code action, and edits turned into didChange events.
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, type SettingsAnswer } from './lsp-test-client';
import { offsetOf } from './text-positions';

export async function withSpawnedServer(settings: SettingsAnswer, run: (client: LspTestClient) => Promise<void>): Promise<void> {
  const client = LspTestClient.spawnServer();
  try {
    client.settings = settings;
    await client.initialize();
    await run(client);
  } finally {
    await client.stop();
  }
}

export function editsOf(action: CodeAction): TextEdit[] {
  const [change] = action.edit?.documentChanges ?? [];
  assert.ok(change && 'edits' in change, 'a versioned text document edit');
  return change.edits.filter((edit): edit is TextEdit => !('annotationId' in edit));
}

/** The edits as incremental didChange events: last first, so earlier ranges stay valid. */
export function asContentChanges(text: string, edits: readonly TextEdit[]) {
  return [...edits]
    .sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start))
    .map((edit) => ({ range: edit.range, text: edit.newText }));
}
