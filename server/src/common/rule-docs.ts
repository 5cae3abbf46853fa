// The rule pages (docs/rules/MIMxxx.md) as text, for SARIF `help` and `fullDescription`: esbuild bundles
// every page the template below can name (a glob import, loader ".md": "text"), so the installed CLI
// needs no docs folder beside it.

/** The page's markdown, or undefined for an ID without one. */
export function rulePage(ruleId: string): string | undefined {
  if (!/^MIM\d{3}$/.test(ruleId)) return undefined;
  try {
    // A template require is what esbuild turns into a bundle of every matching page; import() would be async.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`../../../docs/rules/${ruleId}.md`) as string;
  } catch {
    return undefined;
  }
}

/** The first paragraph of the page's "What it finds" section, as plain text. */
export function whatItFinds(page: string): string | undefined {
  const section = /^## What it finds[ \t]*\r?\n(?:[ \t]*\r?\n)*([\s\S]*?)(?:\r?\n[ \t]*\r?\n|(?![\s\S]))/m.exec(page);
  return section ? plainText(section[1]) : undefined;
}

/** Markdown without its emphasis, code ticks and link targets, for SARIF's plain `text` fields. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/[ \t]*\r?\n[ \t]*(?!\n|[-*] |\d+\. )/g, ' ')
    .trim();
}

/**
 * The page for a hover on a finding: its title, "Why it matters" and "How to fix", so the message's
 * reasons and fix are one mouse move away, offline. The generated header, the examples and the long
 * reference sections stay on the page itself. Links to sibling pages point at `docsUrl`.
 */
export function hoverPage(page: string, docsUrl: (ruleId: string) => string): string {
  const text = page.replace(/\r\n?/g, '\n');
  const title = /^# .*$/m.exec(text)?.[0];
  const kept = [...text.matchAll(/^## (?:Why it matters|How to fix)\b[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/gm)].map((m) => m[0].trim());
  return [title, ...kept]
    .filter((part): part is string => part !== undefined)
    .join('\n\n')
    .replace(/\]\((MIM\d{3}|README)\.md(#[^)]*)?\)/g, (_, id: string, anchor = '') => `](${docsUrl(id)}${anchor})`);
}
