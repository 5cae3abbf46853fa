// Entry point the workbench loads from --extensionTestsPath (bundled to out/e2e/index.js by
// test/e2e/run.mjs): VS Code calls run() and exits with 0 when its promise resolves, 1 when it rejects.
// Tests run in import order: extension.e2e first (its first tests check that nothing activated
// mim-lint yet), then features.e2e (needs mim-lint active), assist.e2e
// (completion, hover, inlay hints; read-only), host-snapshots.e2e (the collector command),
// restart.e2e (kills the server), and the
// screenshot scene last.
import { runAll } from './harness';
import './extension.e2e';
import './features.e2e';
import './assist.e2e';
import './host-snapshots.e2e';
import './commands.e2e';
import './restart.e2e';
import './screenshot.e2e';

export function run(): Promise<void> {
  return runAll();
}
