// The host evidence collector: the batch file an admin runs on a MIM server (built-in reg.exe and
// certutil only) to make a host snapshot that mim-lint reads. Bundled as text (esbuild's text loader),
// with its CRLF line ends: `mim-lint collector` prints it, the VS Code command opens it. Shared by the
// CLI and the language server, which do not import each other.
import script from './collect-host-evidence.cmd';

export const collectorFileName = 'collect-host-evidence.cmd';
export const collectorScript: string = script;
