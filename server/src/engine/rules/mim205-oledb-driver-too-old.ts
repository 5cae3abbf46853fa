import { oledbTooOld, versionLiterals } from '../script/version-checks';
import { versionFindings } from './mim204-sql-native-client-too-old';
import type { Rule } from './rule';

export const mim205: Rule = {
  meta: {
    id: 'MIM205',
    name: 'oledb-driver-too-old',
    defaultSeverity: 'error',
    fileKinds: ['cmd', 'powershell'],
    summary: 'A script installs, requires or compares against OLE DB Driver for SQL Server below 18.2.1, or checks only for MSOLEDBSQL19.',
    fixable: true,
  },
  checkScript({ source, script, report }) {
    for (const literal of versionLiterals(source, script.model)) {
      if (literal.client !== 'oledb') continue;
      for (const finding of versionFindings(literal, oledbTooOld(literal.parts), 'OLE DB Driver for SQL Server')) report(finding);
    }
    // A check for the v19 provider alone does not show that the v18 provider the MIM installer needs is there.
    const code = script.model.code.map((r) => source.text.slice(r.start, r.end)).join('\n');
    if (/msoledbsql(?!19)/i.test(code)) return;
    for (const range of script.model.code) {
      for (const match of source.text.slice(range.start, range.end).matchAll(/MSOLEDBSQL19/gi)) {
        const start = range.start + match.index!;
        report({
          start,
          end: start + match[0].length,
          severity: 'info',
          message: 'This checks only for MSOLEDBSQL19, but the MIM Service installer needs MSOLEDBSQL (OLE DB Driver 18.2 or later).',
        });
      }
    }
  },
};
