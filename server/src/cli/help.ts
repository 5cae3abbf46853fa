// The --help text. Kept next to the parser's option tables; test/cli checks every option appears here.
export const helpText = `Usage: mim-lint [options] <file|dir|glob>...
       mim-lint [options] --stdin --stdin-filename <name>
       mim-lint --print-config <file>
       mim-lint report [dir] [--format markdown|json] [--fips …] [--tls12-only …]
       mim-lint init
       mim-lint collector > collect-host-evidence.cmd

Lints Microsoft Identity Manager 2016 SP2 configuration for FIPS-mode and TLS 1.2-only hosts.
Directories are searched for the files mim-lint reads (node_modules and .git are skipped). A quoted
glob ('**/*.config', VS Code syntax) that names no file is expanded, relative to the working directory.

Options:
  --format stylish|json|sarif   Output format (default: stylish)
  --fips on|off|auto            Is FIPS mode enabled on the target host? (default: auto = unknown)
  --tls12-only on|off|auto      Are SSL 3.0, TLS 1.0 and TLS 1.1 disabled there? (default: auto = unknown)
  --config <file>               Use this project config for every path, instead of the nearest
                                .mimlintrc.json above each file (up to the path given)
  --fix                         Apply the preferred fixes in place, then report what remains
  --fix-dry-run                 Work the fixes out and show them (stylish: a diff; json: "output"),
                                writing nothing
  --ignore-pattern <glob>       Do not lint paths that match (relative to the working directory;
                                may be repeated)
  --quiet                       Report errors only
  --max-warnings <n>            Exit 1 when there are more than n warnings
  -o, --output-file <file>      Write the report to this file instead of stdout
  --color, --no-color           Colour the stylish output, or not (default: on a terminal, unless
                                NO_COLOR is set; FORCE_COLOR forces it)
  --stdin                       Lint standard input; --stdin-filename <name> says what file it is
                                (its kind, and the .mimlintrc.json that applies)
  --print-config <file>         Print, as JSON, the config file, host profile and rule severities
                                mim-lint <file> would use, and lint nothing
  -h, --help                    Show this help
  -v, --version                 Show the version

report prints the TLS 1.2 / FIPS readiness checklist of one folder (default: the working
directory) as markdown or JSON, and exits 0 unless the usage is bad or the folder cannot be read (2).
Host snapshots in it (folders of reg exports made on a server) get one section per host.

collector prints collect-host-evidence.cmd, which records a server's registry keys, certificates and
MIM Service config with built-in tools (reg.exe, certutil) for mim-lint to read.

init writes a commented starter .mimlintrc.json in the working directory (never over one).

Exit codes:
  0  no error-level finding (and no more warnings than --max-warnings)
  1  at least one error-level finding remains, or more warnings than --max-warnings
  2  bad usage, a path that cannot be read or written, an invalid config file, or a rule that failed
`;
