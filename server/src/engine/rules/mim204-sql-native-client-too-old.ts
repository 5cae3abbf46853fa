import { minimumLike, snacTooOld, versionLiterals, type VersionLiteral } from '../script/version-checks';
import type { Fix } from '../types';
import { shown } from '../message';
import type { Report, Rule } from './rule';

/** Shared by MIM204 and MIM205: a too-old minimum gets the minimum; a string comparison gets [version] casts. */
export function versionFindings(literal: VersionLiteral, tooOld: boolean, product: string): Report[] {
  const reports: Report[] = [];
  if (tooOld) {
    const replacement = minimumLike(literal);
    reports.push({
      start: literal.start,
      end: literal.end,
      message: `${shown(literal.text, 16)} is older than ${product} ${replacement}: older builds cannot reach SQL Server over TLS 1.2.`,
      fixes: [{ title: `Require ${replacement}`, edits: [{ start: literal.start, end: literal.end, newText: replacement }], preferred: true }],
    });
  }
  const comparison = literal.stringComparison;
  if (comparison) {
    const fix: Fix | undefined =
      comparison.leftOperandStart >= 0
        ? {
            title: 'Compare as [version]',
            edits: [
              { start: comparison.leftOperandStart, end: comparison.leftOperandStart, newText: '[version]' },
              ...(comparison.literalQuoteStart >= 0 ? [{ start: comparison.literalQuoteStart, end: comparison.literalQuoteStart, newText: '[version]' }] : []),
            ],
            preferred: !tooOld,
          }
        : undefined;
    reports.push({
      start: literal.start,
      end: literal.end,
      message:
        `${literal.client === 'snac' ? 'Native Client' : 'OLE DB Driver'} versions compared as text ` +
        `(${literal.client === 'snac' ? '"11.4.10000.0" < "11.4.7001.0"' : '"18.10.0.0" < "18.2.1.0"'}): the check can pass too-old builds.`,
      fixes: fix && [fix],
    });
  }
  return reports;
}

export const mim204: Rule = {
  meta: {
    id: 'MIM204',
    name: 'sql-native-client-too-old',
    defaultSeverity: 'error',
    fileKinds: ['cmd', 'powershell'],
    summary: 'A script installs, requires or compares against SQL Server Native Client 11 below build 7001, or compares versions as strings.',
    fixable: true,
  },
  checkScript({ source, script, report }) {
    for (const literal of versionLiterals(source, script.model)) {
      if (literal.client !== 'snac') continue;
      for (const finding of versionFindings(literal, snacTooOld(literal.parts), 'SQL Server Native Client')) {
        report(finding);
      }
    }
  },
};
