// `files.exclude` for the workspace passes. The matcher lives in the engine so the CLI and the project
// config share it; here a pattern it cannot use is skipped and logged (once), so one bad entry does
// not stop the whole workspace pass.
import { compileGlob, GlobError, type Glob } from '../engine/glob';

export { excludedBy, type Glob } from '../engine/glob';

const loggedBadPatterns = new Set<string>();

export function compileExcludes(patterns: readonly string[], log: (message: string) => void): Glob[] {
  return patterns.flatMap((pattern) => {
    try {
      return [compileGlob(pattern)];
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      if (!loggedBadPatterns.has(pattern)) {
        loggedBadPatterns.add(pattern);
        log(`files.exclude pattern ${JSON.stringify(pattern)} is skipped: ${error.message}.`);
      }
      return [];
    }
  });
}
