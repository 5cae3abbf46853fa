// Kept for the language server's imports; the matcher lives in the engine so the CLI and the project
// config share it.
export { excludedBy, globToRegExp } from '../engine/glob';
