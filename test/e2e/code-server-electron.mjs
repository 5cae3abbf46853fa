#!/usr/bin/env node
// Stands in for the VS Code (Electron) executable that @vscode/test-electron's runTests() launches.
//
// Desktop VS Code cannot be downloaded on these machines, so this script takes the Electron-style
// arguments runTests() passes (--extensionDevelopmentPath=, --extensionTestsPath=, --extensions-dir=,
// --user-data-dir=, the folder), serves that folder with code-server (the real VS Code workbench and
// node extension host) on 127.0.0.1, opens the workbench in headless Chromium with the
// extension-development payload in the URL, relays the extension host's console to stdout and exits with
// the tests' exit code. It runs on the Node on PATH; code-server itself runs on Node 24 from .tools/
// (installed by test/e2e/setup.sh).
//
// Environment:
//   MIM_LINT_TOOLS              tools folder (default <repo>/.tools)
//   MIM_LINT_E2E_TMP            where the per-run folder goes (default <repo>/.e2e-tmp, git-ignored)
//   MIM_LINT_E2E_TIMEOUT_MS     whole-run limit (default 180000: about 40 s on an idle 2-core machine,
//                               but close to 100 s was seen while other builds shared the machine)
//   MIM_LINT_E2E_SCREENSHOT     passed on to the tests: when set, the suite logs a screenshot request
//                               (see takeScreenshot) once the workbench shows what the docs picture
//   MIM_LINT_E2E_VERBOSE        if set, also relay code-server's own output
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const tools = process.env.MIM_LINT_TOOLS ?? join(repo, '.tools');
const node24 = join(tools, 'node24/bin/node');
const codeServerEntry = join(tools, 'code-server/node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.MIM_LINT_CHROMIUM ?? '/usr/bin/chromium';
const timeoutMs = Number(process.env.MIM_LINT_E2E_TIMEOUT_MS ?? 180_000);
// A line the suite logs when the workbench is ready to be photographed; the rest is the PNG path.
const screenshotRequest = 'mim-lint-e2e:screenshot:';
// `<file>|<text>`: once a notification containing <text> shows, the texts of all shown ones go to <file>.
const notificationsRequest = 'mim-lint-e2e:notifications:';
const verbose = Boolean(process.env.MIM_LINT_E2E_VERBOSE);

const started = Date.now();
const say = (message) => console.log(`[code-server-electron ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

// Everything printed by the extension host and code-server, for the tail shown when the run fails.
const logTail = [];
function remember(line) {
  logTail.push(line);
  if (logTail.length > 80) logTail.shift();
}

function parseArgs(argv) {
  const options = { extensionDevelopmentPaths: [], folders: [] };
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/s.exec(arg);
    if (match) {
      const [, name, value] = match;
      if (name === 'extensionDevelopmentPath') options.extensionDevelopmentPaths.push(resolve(value));
      else if (name === 'extensionTestsPath') options.extensionTestsPath = resolve(value);
      else if (name === 'extensions-dir') options.extensionsDir = resolve(value);
      else if (name === 'user-data-dir') options.userDataDir = resolve(value);
      // Other --name=value flags are Electron/desktop-only; nothing to map them to in code-server.
    } else if (arg.startsWith('--')) {
      // Flags such as --no-sandbox, --disable-updates, --skip-welcome: desktop-only or already implied.
    } else {
      options.folders.push(resolve(arg));
    }
  }
  if (!options.extensionTestsPath) throw new Error('missing --extensionTestsPath=<path to the tests module>');
  if (options.extensionDevelopmentPaths.length === 0) throw new Error('missing --extensionDevelopmentPath=<folder>');
  if (options.folders.length > 1) throw new Error(`one workspace folder expected, got ${options.folders.join(', ')}`);
  return options;
}

// The machine is offline: the chat/agent features and GitHub sign-in otherwise retry, log and wait for
// network for the whole run, which slows the workbench down and buries the tests' output.
const offlineUserSettings = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'github.gitAuthentication': false,
};

// Log lines the offline workbench repeats that say nothing about the tests; kept for the failure tail.
const noise = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate)\]/;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function checkTools() {
  const missing = [node24, codeServerEntry, chromiumPath].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run \`npm run e2e:setup\` (bash test/e2e/setup.sh) first`);
  }
}

// Per-run folder for TMPDIR/XDG_*: code-server otherwise writes sockets, a default config and logs into
// $HOME and /tmp, and they would outlive the run.
function isolatedEnv(runDir) {
  const env = { ...process.env };
  for (const name of ['TMPDIR', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR']) {
    env[name] = join(runDir, name.toLowerCase());
    mkdirSync(env[name], { recursive: true });
  }
  // code-server and its extension host run on Node 24; the machine's Node stays the default elsewhere.
  env.PATH = `${dirname(node24)}:${env.PATH}`;
  // VS Code's own ELECTRON_RUN_AS_NODE/VSCODE_* from an outer editor would confuse the nested server.
  for (const name of Object.keys(env)) if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  return env;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  checkTools();

  const scratch = process.env.MIM_LINT_E2E_TMP ?? join(repo, '.e2e-tmp');
  mkdirSync(scratch, { recursive: true });
  const runDir = mkdtempSync(join(scratch, 'run-'));
  const extensionsDir = options.extensionsDir ?? join(runDir, 'extensions');
  const userDataDir = options.userDataDir ?? join(runDir, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const userSettings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(userSettings)) writeFileSync(userSettings, JSON.stringify(offlineUserSettings, null, 2));
  const env = isolatedEnv(runDir);
  const port = await freePort();
  const configFile = join(runDir, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  let codeServer;
  let browser;
  let cleaningUp;
  const cleanup = () =>
    (cleaningUp ??= (async () => {
      if (browser) await browser.close().catch(() => {});
      if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
        // code-server keeps extension hosts alive after the tab closes; they share its process group
        // because it was started detached, so signal the whole group.
        const exited = new Promise((done) => codeServer.once('exit', done));
        try { process.kill(-codeServer.pid, 'SIGTERM'); } catch { /* already gone */ }
        const forced = setTimeout(() => { try { process.kill(-codeServer.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
        await exited;
        clearTimeout(forced);
      }
      // Stragglers in the group (an extension host that ignored SIGTERM after its parent died).
      if (codeServer) { try { process.kill(-codeServer.pid, 'SIGKILL'); } catch { /* none left */ } }
      rmSync(runDir, { recursive: true, force: true });
    })());

  // Stop cleanly when runTests() forwards Ctrl+C or CI kills us.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => { say(`${signal}: stopping`); cleanup().finally(() => process.exit(130)); });
  }

  try {
    const folder = options.folders[0];
    const args = [
      codeServerEntry,
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      // Without the smoke-test driver the workbench silently ignores the payload and no test runs.
      '--vscode-option', 'enable-smoke-test-driver',
    ];
    say(`starting code-server on 127.0.0.1:${port}`);
    codeServer = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

    const listening = new Promise((ready, failed) => {
      const onOutput = (chunk) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          remember(`[code-server] ${line}`);
          if (verbose) console.log(`[code-server] ${line}`);
          if (line.includes('HTTP server listening on')) ready();
        }
      };
      codeServer.stdout.on('data', onOutput);
      codeServer.stderr.on('data', onOutput);
      codeServer.once('exit', (code, signal) => failed(new Error(`code-server exited early (${code ?? signal})`)));
      codeServer.once('error', failed);
    });

    let deadline;
    const timedOut = new Promise((_, failed) => {
      deadline = setTimeout(() => failed(new Error(`timed out after ${timeoutMs / 1000}s`)), timeoutMs);
    });

    const exitCode = await Promise.race([timedOut, (async () => {
      await listening;
      say('code-server is listening; opening the workbench in headless Chromium');

      browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        // Chromium's crash reporter and dconf write under $HOME / XDG_*: keep them in the run folder too.
        env: { ...env, HOME: join(runDir, 'home') },
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

      let reportExit;
      const testsEnded = new Promise((done) => { reportExit = done; });
      await page.exposeFunction('codeAutomationExit', (code) => { reportExit(Number(code)); });
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        const parts = (Array.isArray(args) ? args : [args]).map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
        for (const line of parts.join(' ').split('\n')) {
          remember(line);
          if (line.startsWith(screenshotRequest)) {
            takeScreenshot(page, line.slice(screenshotRequest.length)).catch((error) => say(`screenshot failed: ${error.message}`));
          }
          if (line.startsWith(notificationsRequest)) {
            writeNotifications(page, line.slice(notificationsRequest.length)).catch((error) => say(`reading notifications failed: ${error.message}`));
          }
          if (!noise.test(line)) console.log(type === 'error' ? `[exthost:error] ${line}` : line);
        }
      });
      page.on('crash', () => reportExit(Promise.reject(new Error('the workbench page crashed'))));
      page.on('pageerror', (error) => remember(`[page error] ${error.message}`));

      const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
      const payload = [
        ...options.extensionDevelopmentPaths.map((path) => ['extensionDevelopmentPath', remote(path)]),
        ['extensionTestsPath', remote(options.extensionTestsPath)],
      ];
      const query = new URLSearchParams({ payload: JSON.stringify(payload) });
      if (folder) query.set('folder', folder);
      // The tests report through codeAutomationExit; waiting for the page's load event adds nothing.
      await page.goto(`http://127.0.0.1:${port}/?${query}`, { waitUntil: 'commit' });
      say('workbench requested; waiting for the extension tests to finish');

      return await testsEnded;
    })()]);
    clearTimeout(deadline);
    say(`tests finished with exit code ${exitCode}`);
    await cleanup();
    return exitCode;
  } catch (error) {
    console.error(`[code-server-electron] FAILED: ${error.message}`);
    console.error('--- last lines of the extension host / code-server log ---');
    for (const line of logTail.slice(-40)) console.error(line);
    await cleanup();
    return 1;
  }
}

// The suite's last test shows the Problems panel and waits for the file; the markers list renders on its
// own schedule, so wait for its rows rather than for a fixed time. Written under a temporary name and
// renamed, so the waiting test never sees a half-written file.
async function takeScreenshot(page, path) {
  try {
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    say('Problems panel rows not visible; taking the screenshot anyway');
  }
  mkdirSync(dirname(path), { recursive: true });
  const partial = join(dirname(path), `.partial-${basename(path)}`);
  await page.screenshot({ path: partial });
  renameSync(partial, path);
  say(`screenshot saved to ${path}`);
}

// What the user sees: the notifications' messages, read once the awaited one has rendered (bounded:
// after 15 s whatever shows is written, and the test fails with it). Written under a temporary name and
// renamed, as the screenshot is.
async function writeNotifications(page, request) {
  const separator = request.indexOf('|');
  const path = request.slice(0, separator);
  const text = request.slice(separator + 1);
  // Toasts and the notification center's list alike (the test opens the list: in this workbench the
  // toast of a warning was not on the page by the time it was looked for, the list entry is).
  const messages = page.locator('.notification-list-item-message');
  try {
    await messages.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    say(`no notification containing "${text}" showed within 15 s`);
  }
  const partial = join(dirname(path), `.partial-${basename(path)}`);
  writeFileSync(partial, JSON.stringify(await messages.allInnerTexts()));
  renameSync(partial, path);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[code-server-electron] ${error.message}`);
    process.exit(1);
  },
);
