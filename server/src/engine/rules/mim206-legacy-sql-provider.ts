import type { Rule, Report } from './rule';
import type { XmlAttribute } from '../xml/model';
import { attributeAt } from '../xml/parse';

const legacyProvider = /\bProvider\s*=\s*(SQLOLEDB(?:\.1)?|SQLNCLI10|SQLNCLI)(?![\w.])/gi;

function providerReports(text: string, offset: number): Report[] {
  const reports: Report[] = [];
  for (const match of text.matchAll(legacyProvider)) {
    const start = offset + match.index! + match[0].length - match[1].length;
    reports.push({
      start,
      end: start + match[1].length,
      message: `The ${match[1]} provider is not fit for TLS 1.2: on this TLS 1.2-only host the connection fails ("no common algorithm").`,
      fixes: [{ title: 'Use the MSOLEDBSQL provider', edits: [{ start, end: start + match[1].length, newText: 'MSOLEDBSQL' }], preferred: true }],
    });
  }
  return reports;
}

export const mim206: Rule = {
  meta: {
    id: 'MIM206',
    name: 'legacy-sql-provider',
    defaultSeverity: 'warning',
    fileKinds: ['config', 'cmd', 'powershell'],
    summary: 'On a TLS 1.2-only host a connection string uses SQLOLEDB, SQLNCLI or SQLNCLI10, which cannot use TLS 1.2.',
    fixable: true,
    usesProfile: 'tls12Only',
  },
  checkScript({ source, profile, script, report }) {
    if (profile.tls12Only.value !== 'on') return;
    for (const range of script.model.code) {
      for (const found of providerReports(source.text.slice(range.start, range.end), range.start)) {
        report({ ...found, related: profile.tls12Only.evidence });
      }
    }
  },
  checkConfig({ source, profile, report }) {
    if (profile.tls12Only.value !== 'on') return;
    // One pass over the text, then only the attributes that hold a match: a large config has
    // thousands of elements whose attributes nobody else reads.
    const seen = new Set<XmlAttribute>();
    for (const match of source.text.matchAll(legacyProvider)) {
      const attribute = attributeAt(source.text, match.index!);
      if (!attribute || seen.has(attribute)) continue;
      seen.add(attribute);
      for (const found of providerReports(attribute.rawValue, attribute.valueStart)) report({ ...found, related: profile.tls12Only.evidence });
    }
  },
};
