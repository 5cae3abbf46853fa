// DSC resources inside `Configuration … { Node … { … } }`: `Registry Name { Key = '…'; ValueName = '…' }`
// is reported as the command `dsc-registry` whose named parameters are the resource's properties, so
// registry-write extraction reads it like New-ItemProperty. Other resources follow the same pattern
// (`dsc-package`, `dsc-windowsfeature`).
import type { ScriptCommand, Token } from '../model';
import type { StatementContext } from './commands';
import type { Evaluator } from './evaluate';
import { isResourceHeader } from './statements';
import { isGroup, isToken, type Node } from './tree';
import { knownScalar, tokenOf, valueToken, valueTokens } from './values';
import { splitCommandLine } from './command-line';

export function dscResourceOf(nodes: readonly Node[], context: StatementContext, evaluator: Evaluator): ScriptCommand | undefined {
  if (nodes.length !== 3 || !isResourceHeader(nodes.slice(0, 2))) return undefined;
  const [type, name, block] = nodes;
  if (!isToken(type, 'word') || !isGroup(block, '{')) return undefined;
  const entries = evaluator.entries(block.nodes);
  if (!entries || entries.length === 0) return undefined;
  const source = (start: number, end: number) => evaluator.source(start, end);
  const named: Record<string, Token> = {};
  const args: Token[] = [];
  for (const entry of entries) {
    if (!Object.hasOwn(named, entry.key) && entry.key !== '__proto__') named[entry.key] = valueToken(entry.value, source);
    args.push(...valueTokens(entry.value, source));
  }
  const nameValue = evaluator.argument([name]);
  return {
    name: 'dsc-' + type.text.toLowerCase(),
    nameToken: { text: type.text, start: type.start, end: type.end, resolved: true, quoted: false },
    args,
    named,
    positional: nameValue.kind === 'scalar' ? [tokenOf(nameValue)] : [],
    start: type.start,
    end: block.end,
    statementStart: context.start,
    statementEnd: context.end,
    indent: context.indent,
    depth: context.depth,
  };
}

/**
 * A DSC `Package` resource installs its `Path` with its `Arguments`, always without the wizard
 * (facts §9.1): read as the msiexec command it runs, with a quiet switch at the resource's name (the
 * resource has none of its own) and `via: 'dsc'` (a fix cannot insert statements into a configuration).
 */
export function dscPackageInstall(resource: ScriptCommand): ScriptCommand | undefined {
  const path = resource.named['path'];
  if (!path || !/\.msi$/i.test(path.text.trim())) return undefined;
  const at = { start: resource.nameToken.start, end: resource.nameToken.end };
  const argumentsToken = resource.named['arguments'];
  const args = argumentsToken ? splitCommandLine(knownScalar(argumentsToken.text, argumentsToken.start, argumentsToken.end, false)) : [];
  return {
    ...resource,
    name: 'msiexec',
    via: 'dsc',
    args: [{ text: '/i', ...at, resolved: true, quoted: false }, path, { text: '/qn', ...at, resolved: true, quoted: false }, ...args],
    named: {},
    positional: [],
  };
}
