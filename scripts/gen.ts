// `npm run gen` writes the files whose facts come from the rule list (server/src/engine/rules/index.ts):
// the README rules table, the docs/rules/README.md table, the first lines of each rule page, the JSON
// schema of .mimlintrc.json and the package.json settings text that names rules. `--check` (run by
// `npm test`) writes nothing and fails, naming the files, when one of them is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../server/src/engine/rules/index';
import type { Rule, RuleMeta } from '../server/src/engine/rules/rule';
import { ruleDocsPath } from '../server/src/engine/docs';
import { projectConfigSchema } from '../server/src/engine/config/schema';
import type { FileKind } from '../server/src/engine/types';

const tableStart = '<!-- rules-table:start -->';
const tableEnd = '<!-- rules-table:end -->';

/** XML tags in code spans, or a markdown viewer swallows them as HTML; pipes escaped for the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/((?:<[^<>\s][^<>]*>)+)/g, '`$1`');
}

function rulesTable(rules: readonly Rule[], link: (id: string) => string): string {
  return [
    '| ID | Name | Severity | Fixable | File kinds | Summary |',
    '|---|---|---|---|---|---|',
    ...rules.map(({ meta }) =>
      `| [${meta.id}](${link(meta.id)}) | ${meta.name} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : 'no'} | ${meta.fileKinds.join(', ') || '—'} | ${cell(meta.summary)} |`,
    ),
  ].join('\n');
}

function replaceBetweenMarkers(text: string, file: string, content: string): string {
  const start = text.indexOf(tableStart);
  const end = text.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`${file} has no ${tableStart} … ${tableEnd} markers`);
  return `${text.slice(0, start + tableStart.length)}\n${content}\n${text.slice(end)}`;
}

const fileKindText: Record<FileKind, string> = {
  config: '`.config`',
  cmd: '`.cmd`/`.bat`',
  powershell: '`.ps1`/`.psm1`',
  reg: '`.reg`',
  inf: '`.inf`',
  evidence: '`certutil*.txt` (host snapshot dump)',
};

const hostProfileText: Record<NonNullable<RuleMeta['usesProfile']>, string> = {
  fips: 'FIPS mode on',
  tls12Only: 'TLS 1.2-only on',
  inference: 'reports how it was inferred',
};

/** The heading and the metadata line every rule page starts with. */
function pageHeader(meta: RuleMeta): string {
  // A rule with no file kinds reads the project config itself (MIM901).
  const files = meta.fileKinds.map((kind) => fileKindText[kind]).join(', ') || '`.mimlintrc.json`';
  const profile = meta.usesProfile ? hostProfileText[meta.usesProfile] : 'not used';
  return (
    `# ${meta.id}: ${meta.name}\n\n` +
    `**Default severity:** ${meta.defaultSeverity} · **File kinds:** ${files} · **Host profile:** ${profile} · ` +
    `**Quick fix:** ${meta.fixable ? 'yes' : 'no'}`
  );
}

const newPageSections = ['What it finds', 'Why it matters on a MIM host', 'How to fix', 'Example', 'When not to use it / how to silence it'];

/** Replaces the heading and the paragraph after it; the rest of the page is hand-written. A new rule gets the sections to fill in. */
function withPageHeader(text: string | undefined, file: string, meta: RuleMeta): string {
  if (text === undefined) return `${pageHeader(meta)}\n${newPageSections.map((title) => `\n## ${title}\n`).join('')}`;
  const match = /^# [^\n]*\n\n(?:[^\n]+\n)+/.exec(text);
  if (!match) throw new Error(`${file} does not start with "# ${meta.id}: ${meta.name}", a blank line and a header line`);
  return `${pageHeader(meta)}\n${text.slice(match[0].length)}`;
}

/** "MIM101 (fips-policy-missing) and MIM102 (fips-policy-enforced)" */
function ruleList(profile: RuleMeta['usesProfile']): string {
  const names = allRules.filter(({ meta }) => meta.usesProfile === profile).map(({ meta }) => `${meta.id} (${meta.name})`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

/** The host settings name the checks they turn on; everything else in package.json is hand-written. */
function withSettingsText(text: string): string {
  const packageJson = JSON.parse(text);
  const properties = packageJson.contributes.configuration.properties;
  const setChecks = (key: string, checks: string, profile: RuleMeta['usesProfile']) => {
    const pattern = new RegExp(`(\`on\` turns on the ${checks} checks: )[\\s\\S]*?(\\. \`auto\`)`);
    const description: string = properties[key].markdownDescription;
    if (!pattern.test(description)) throw new Error(`package.json ${key}: no "\`on\` turns on the ${checks} checks: … \`auto\`" sentence`);
    properties[key].markdownDescription = description.replace(pattern, (_, before, after) => `${before}${ruleList(profile)}${after}`);
  };
  setChecks('mimLint.host.fips', 'FIPS-only', 'fips');
  setChecks('mimLint.host.tls12Only', 'TLS 1.2-only', 'tls12Only');
  return `${JSON.stringify(packageJson, null, 2)}\n`;
}

/** Every generated file: its path relative to the root, and the text it must have. */
function generatedFiles(root: string): Map<string, string> {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const readIfThere = (path: string) => (existsSync(join(root, path)) ? read(path) : undefined);
  const files = new Map<string, string>();
  files.set('README.md', replaceBetweenMarkers(read('README.md'), 'README.md', rulesTable(allRules, ruleDocsPath)));
  const index = 'docs/rules/README.md';
  files.set(index, replaceBetweenMarkers(read(index), index, rulesTable(allRules, (id) => `${id}.md`)));
  for (const { meta } of allRules) {
    const page = ruleDocsPath(meta.id);
    files.set(page, withPageHeader(readIfThere(page), page, meta));
  }
  files.set('schemas/mimlintrc.schema.json', `${JSON.stringify(projectConfigSchema(), null, 2)}\n`);
  files.set('package.json', withSettingsText(read('package.json')));
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const root = process.cwd();
  const stale: string[] = [];
  for (const [path, text] of generatedFiles(root)) {
    let current: string | undefined;
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    stale.push(path);
    if (!check) writeFileSync(join(root, path), text);
  }
  if (check && stale.length > 0) {
    console.error(`Out of date (generated from the rule list; run \`npm run gen\`):\n  ${stale.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(stale.length === 0 ? 'Generated files are up to date.' : `Wrote ${stale.join(', ')}`);
  }
}

main();
