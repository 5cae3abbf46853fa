// `--fix-dry-run` in stylish output: what --fix would change, as a unified diff per file (jsdiff: a
// well-kept Myers diff; a hand-written one would be slower or wrong on large files).
import { createTwoFilesPatch } from 'diff';
import type { FileReport } from '../report';

/** The diff of one file (empty when --fix-dry-run would not change it). */
export function fixDiff(file: FileReport): string {
  if (file.originalText === undefined) return '';
  const path = file.displayPath.split('\\').join('/');
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, file.originalText, file.source.text, undefined, undefined, { context: 3 });
  // The "=====" rule jsdiff puts first is not part of a unified diff that git apply or patch read.
  return patch.replace(/^=+\n/, '');
}
