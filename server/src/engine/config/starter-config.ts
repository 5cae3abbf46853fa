// The config file's name and the starter text of "MIM Lint: Create Config File". No imports, so the
// VS Code client can use them (through server/src/protocol.ts) without bundling the engine.
export const projectConfigFileName = '.mimlintrc.json';

/** What "MIM Lint: Create Config File" writes: every key, commented, and valid as it stands. */
export const starterConfigText = `{
  // mim-lint project config: applies to the files in this folder and below, unless a folder below has
  // its own .mimlintrc.json (the nearest file wins). It overrides the VS Code settings
  // mimLint.host.* and mimLint.rules; the CLI flags --fips and --tls12-only override it.

  // The Windows hosts these files are deployed to: "auto" infers from the .reg/.inf files and
  // hardening scripts in the workspace, "on"/"off" say it outright.
  "host": {
    "fips": "auto",
    "tls12Only": "auto"
  },

  // Per-rule severity: "off", "hint", "info", "warning" or "error" (see docs/rules).
  "rules": {
    // "MIM106": "off",
  },

  // Files not to lint: globs relative to this file's folder.
  "ignore": [
    // "archive/**",
  ],
}
`;
