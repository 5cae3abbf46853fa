// Entry point the workbench loads from --extensionTestsPath (bundled to out/e2e/index.js by
// test/e2e/run.mjs): VS Code calls run() and exits with 0 when its promise resolves, 1 when it rejects.
import { runAll } from './harness';
import './extension.e2e';

export function run(): Promise<void> {
  return runAll();
}
