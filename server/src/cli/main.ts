// Entry point of the mim-lint CLI (bundled to dist/cli.js with a #!/usr/bin/env node banner).
import { readFileSync } from 'node:fs';
import { runCli } from './run';

// `mim-lint … | head` closes the pipe early: that is the reader's choice, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

/** As Node and most CLIs: FORCE_COLOR (not "0") forces colour, NO_COLOR turns it off, else a terminal gets it. */
function colorByDefault(env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return process.stdout.isTTY === true;
}

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  colorByDefault: colorByDefault(process.env),
  readStdin: () => readFileSync(0),
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
