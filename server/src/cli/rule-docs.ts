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
