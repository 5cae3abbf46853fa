// A small glob matcher for `files.exclude` and `.mimlintrc.json` `ignore` patterns (`**/node_modules`,
// `**/*.tmp`, `{a,b}`), matched against relative paths with forward slashes. Pure: the CLI, the
// language server and the engine's project config all use it.
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of directories, including none.
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else if (c === '{') {
      pattern += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      pattern += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) pattern += '|';
    else pattern += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // A pattern that matches a folder excludes everything below it.
  return new RegExp(`^${pattern}(?:/.*)?$`, 'i');
}

export function excludedBy(patterns: readonly RegExp[], relativePath: string): boolean {
  return patterns.some((pattern) => pattern.test(relativePath));
}
