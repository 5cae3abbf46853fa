// Version literals of the SQL client prerequisites in scripts: which product a literal is about (from
// the words around it), whether a comparison uses it, and whether that comparison compares versions or
// strings. Only code is scanned, never comments.
import type { SourceText } from '../source-text';
import type { ScriptModel } from './model';

export type SqlClient = 'snac' | 'oledb';

export interface VersionLiteral {
  text: string;
  parts: number[];
  start: number;
  end: number;
  client: SqlClient;
  /** A comparison that orders the values as text ("11.0.700" > "11.0.6999" is false), with where to add [version]. */
  stringComparison?: { leftOperandStart: number; literalQuoteStart: number };
}

const versionPattern = /(?<![\d.])(1[189])\.(\d{1,2})\.(\d{1,5})(?:\.(\d{1,5}))?(?!\d|\.\d)/g;
const snacWords = /sqlncli|native\s*client|\bsnac/i;
const oledbWords = /msoledbsql|ole\s*db\s*driver|\boledb/i;
/** `<left> -lt '11.0.7001.0'` where left is a registry string such as $x.InstalledVersion, without a [version] cast. */
const psStringCompare = /(\[(?:system\.)?version\]\s*)?(\$[\w]+(?:\.[\w]+)*\.(?:InstalledVersion|Version|DisplayVersion|ProductVersion))\s*-[ic]?(?:lt|le|gt|ge)\s*(\[(?:system\.)?version\]\s*)?(['"]?)$/i;
const cmdStringCompare = /\s(?:lss|leq|gtr|geq)\s+"?$/i;

export function versionLiterals(source: SourceText, model: ScriptModel): VersionLiteral[] {
  const found: VersionLiteral[] = [];
  for (const range of model.code) {
    const code = source.text.slice(range.start, range.end);
    for (const match of code.matchAll(versionPattern)) {
      const start = range.start + match.index!;
      const line = source.positionAt(start).line;
      const context = [line - 3, line - 2, line - 1, line].filter((l) => l >= 0).map((l) => source.lineText(l)).join('\n');
      const major = Number(match[1]);
      const client: SqlClient | undefined =
        major === 11 && snacWords.test(context) ? 'snac' : major >= 18 && oledbWords.test(context) ? 'oledb' : undefined;
      if (!client) continue;
      const before = source.text.slice(source.lineStarts[line], start);
      found.push({
        text: match[0],
        parts: match.slice(1).filter((p) => p !== undefined).map(Number),
        start,
        end: start + match[0].length,
        client,
        stringComparison: stringComparison(model.language, before, source.lineStarts[line]),
      });
    }
  }
  return found;
}

function stringComparison(language: ScriptModel['language'], before: string, lineStart: number): VersionLiteral['stringComparison'] {
  if (language === 'cmd') return cmdStringCompare.test(before) ? { leftOperandStart: -1, literalQuoteStart: -1 } : undefined;
  const match = psStringCompare.exec(before);
  if (!match || match[1]) return undefined;
  const leftOperandStart = lineStart + match.index + match[0].indexOf(match[2]);
  const literalQuoteStart = match[3] ? -1 : lineStart + before.length - match[4].length;
  return { leftOperandStart, literalQuoteStart };
}

/** SNAC 11 "11.0.7001.0" (file version) and "11.4.7001.0" (registry, MSI) are the same build: compare the build. */
export function snacTooOld(parts: readonly number[]): boolean {
  return parts[0] === 11 && parts[2] < 7001;
}

/** OLE DB Driver 18 below 18.2.1 (there is no 18.2.0). */
export function oledbTooOld(parts: readonly number[]): boolean {
  if (parts[0] !== 18) return false;
  return parts[1] < 2 || (parts[1] === 2 && parts[2] < 1);
}

/** The minimum in the literal's own form: same number of components, 11.0.x or 11.4.x as written. */
export function minimumLike(literal: VersionLiteral): string {
  const components = literal.parts.length;
  const minimum = literal.client === 'snac' ? [11, literal.parts[1] === 0 ? 0 : 4, 7001, 0] : [18, 2, 1, 0];
  return minimum.slice(0, components).join('.');
}
