// The --help text. Kept next to the parser's option tables; test/cli checks every option appears here.
export const helpText = `Usage: mim-lint [options] <file|dir>...
       mim-lint report [dir] [--format markdown|json] [--fips …] [--tls12-only …]

Lints Microsoft Identity Manager 2016 SP2 configuration for FIPS-mode and TLS 1.2-only hosts.
Directories are searched for the files mim-lint reads (node_modules and .git are skipped).

Options:
  --format stylish|json|sarif   Output format (default: stylish)
  --fips on|off|auto            Is FIPS mode enabled on the target host? (default: auto = unknown)
  --tls12-only on|off|auto      Are SSL 3.0, TLS 1.0 and TLS 1.1 disabled there? (default: auto = unknown)
  --config <file>               Use this project config for every path, instead of the nearest
                                .mimlintrc.json above each file (up to the path given)
  --fix                         Apply the preferred fixes in place, then report what remains
  -h, --help                    Show this help
  -v, --version                 Show the version

report prints the TLS 1.2 / FIPS readiness checklist of one folder (default: the working
directory) as markdown or JSON, and exits 0 unless the usage is bad or the folder cannot be read (2).

Exit codes:
  0  no error-level finding
  1  at least one error-level finding remains
  2  bad usage, a path that cannot be read or written, an invalid config file, or a rule that failed
`;
