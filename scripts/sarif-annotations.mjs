// Prints one GitHub workflow annotation per result of a mim-lint SARIF log (action.yml runs it), so
// findings show on the run and the pull request without a second lint and without code scanning.
// Usage: node scripts/sarif-annotations.mjs <file.sarif>
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const commandByLevel = { error: 'error', warning: 'warning', note: 'notice' };

// Workflow command escaping (as @actions/core): data escapes % CR LF; properties also : and ,.
const data = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const log = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// Annotations name files relative to the repository root, which may not be where mim-lint ran.
const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
for (const run of log.runs ?? []) {
  const bases = run.originalUriBaseIds ?? {};
  for (const result of run.results ?? []) {
    const location = result.locations?.[0]?.physicalLocation;
    const artifact = location?.artifactLocation;
    const region = location?.region ?? {};
    const base = artifact?.uriBaseId ? bases[artifact.uriBaseId]?.uri : undefined;
    const file = artifact ? relative(workspace, fileURLToPath(new URL(artifact.uri, base ?? `file://${process.cwd()}/`))).split(sep).join('/') : undefined;
    const properties = [
      file === undefined ? undefined : `file=${property(file)}`,
      region.startLine === undefined ? undefined : `line=${region.startLine}`,
      region.endLine === undefined ? undefined : `endLine=${region.endLine}`,
      region.startColumn === undefined ? undefined : `col=${region.startColumn}`,
      region.endColumn === undefined ? undefined : `endColumn=${region.endColumn}`,
      `title=${property(result.ruleId ?? 'mim-lint')}`,
    ].filter((part) => part !== undefined);
    console.log(`::${commandByLevel[result.level ?? 'warning'] ?? 'notice'} ${properties.join(',')}::${data(result.message?.text ?? '')}`);
  }
}
