import { shown } from '../message';
import type { Fix } from '../types';
import type { ConfigRule } from './rule';

export const mim001: ConfigRule = {
  meta: {
    id: 'MIM001',
    name: 'config-not-well-formed',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'The .config file is not well-formed XML, so the process it configures will not start.',
    fixable: true,
  },
  checkConfig({ config, source, report }) {
    const error = config.xml.error;
    if (!error) return;
    // A transform is never read by the CLR: a broken one fails the deployment that applies it.
    const consequence = config.transform ? 'the deployment that applies it fails' : 'the process will not start';
    const dashes = directiveDashes(source.text, error.start);
    if (dashes) {
      report({
        start: dashes.start,
        end: dashes.end,
        message: `"--" in a comment is not well-formed XML, so ${consequence}; write the directive's reason after ":".`,
        fixes: [reasonAfterColon(source.text, dashes)],
      });
      return;
    }
    report({
      start: error.start,
      end: error.end,
      message: `Not well-formed XML (${shown(error.message.replace(/\.+$/, ''), 60)}): ${consequence}.`,
    });
  },
};

/**
 * The `--` the parser stopped at, when it is in a mim-lint directive: most often the ESLint habit of
 * writing the reason after dashes (`<!-- mim-lint-disable-next-line MIM106 -- reason -->`).
 */
function directiveDashes(text: string, errorAt: number): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('<!--', errorAt);
  if (open < 0) return undefined;
  const start = text.indexOf('--', open + 4);
  if (start < 0) return undefined;
  let end = start;
  while (text[end] === '-') end++;
  // The comment's first `--` must be where the parser stopped, not its `-->` (the error is further on).
  if (text[end] === '>' || errorAt < start || errorAt > end + 1) return undefined;
  if (!/\s$/.test(text.slice(start - 1, start)) || !/mim-lint-[a-z-]*[a-z]/i.test(text.slice(open + 4, start))) return undefined;
  return { start, end };
}

/** ` -- reason` becomes `: reason`. */
function reasonAfterColon(text: string, dashes: { start: number; end: number }): Fix {
  let start = dashes.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = dashes.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return { title: 'Write the reason after ":"', edits: [{ start, end, newText: ': ' }], preferred: true };
}
