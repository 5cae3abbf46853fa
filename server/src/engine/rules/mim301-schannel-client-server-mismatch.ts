import type { RegistryBlock } from '../registry/facts';
import { historyOf, type RegistryHistory, type SideState } from '../registry/history';
import { insertBlocks, insertLines, rewriteData, siblingKeyLine } from '../registry/edits';
import type { SourceText } from '../source-text';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './rule';

const names = ['Enabled', 'DisabledByDefault'] as const;
const lineOf = (entry: SideState, name: (typeof names)[number]) => (name === 'Enabled' ? entry.enabled : entry.disabledByDefault);
const isSet = (entry: SideState) => entry.enabled !== undefined || entry.disabledByDefault !== undefined;
/** The side's state in few words (the values are on the lines the range points at). */
function stateOf({ state }: Pick<SideState, 'state'>): string {
  if (state.enabled === false) return 'disabled';
  if (state.disabledByDefault === true) return 'disabled by default';
  if (state.enabled === true) return 'enabled';
  if (state.disabledByDefault === false) return 'not disabled by default';
  return 'set';
}

export const mim301: Rule = {
  meta: {
    id: 'MIM301',
    name: 'schannel-client-server-mismatch',
    defaultSeverity: 'warning',
    fileKinds: ['reg', 'inf'],
    summary: 'A SCHANNEL protocol is set in the Client subkey but not in Server (or the other way round), or differently in the two.',
    fixable: true,
  },
  checkRegistry({ source, profile, registry, report }) {
    // A host snapshot records the server (Windows itself writes SSL 2.0\Client alone): the host's
    // readiness report shows both subkeys instead.
    if (profile.host) return;
    const history = historyOf(registry);
    for (const protocol of history.protocols()) {
      const client = history.side(protocol, 'Client');
      const server = history.side(protocol, 'Server');
      if (isSet(client) !== isSet(server)) {
        const [present, missing] = isSet(client) ? [client, server] : [server, client];
        // Deleting the other side's key is a deliberate reset to the Windows defaults.
        if (missing.deleted) continue;
        const block = keyBlock(present);
        report({
          start: block.pathStart ?? block.start,
          end: block.pathEnd ?? block.end,
          message:
            `${protocol} is ${stateOf(present)} in ${present.side}, not set in ${missing.side}: ` +
            `${missing.side === 'Client' ? 'connections it opens' : 'connections it accepts'} keep the Windows default.`,
          fixes: registry.kind === 'reg' ? [addSide(source, history, present, missing)] : undefined,
        });
      } else if (isSet(client) && differ(client, server)) {
        const [first, later] = keyBlock(client).start <= keyBlock(server).start ? [client, server] : [server, client];
        const block = keyBlock(later);
        const fixes = [matchSide(source, history, later, first), matchSide(source, history, first, later)].filter((fix): fix is Fix => !!fix);
        report({
          start: block.pathStart ?? block.start,
          end: block.pathEnd ?? block.end,
          message:
            `${protocol} is ${stateOf(later)} in ${later.side} but ${stateOf(first)} in ${first.side}: ` +
            'connections in and out of this host differ.',
          fixes: fixes.length > 0 ? fixes : undefined,
        });
      }
    }
  },
};

/** The block that holds the side's values in effect (the Enabled line's first). */
function keyBlock(entry: SideState): RegistryBlock {
  return (entry.enabled ?? entry.disabledByDefault)!.block;
}

function differ(a: SideState, b: SideState): boolean {
  const both = (x: boolean | undefined, y: boolean | undefined) => x !== undefined && y !== undefined && x !== y;
  return a.usable !== b.usable || both(a.state.enabled, b.state.enabled) || both(a.state.disabledByDefault, b.state.disabledByDefault);
}

/** The present side's value lines, as written, for the missing side. */
function copiedLines(source: SourceText, present: SideState): string[] {
  return names.flatMap((name) => {
    const line = lineOf(present, name);
    return line ? [source.text.slice(line.nameStart, line.nameEnd) + '=' + source.text.slice(line.dataStart, line.dataEnd)] : [];
  });
}

function addSide(source: SourceText, history: RegistryHistory, present: SideState, missing: SideState): Fix {
  const lines = copiedLines(source, present);
  const title = `Set ${present.protocol}\\${missing.side} like ${present.side}`;
  const existing = missing.blocks.at(-1);
  if (existing) return { title, edits: [{ start: existing.end, end: existing.end, newText: insertLines(source, existing.end, lines) }], preferred: true };
  const after = present.blocks.at(-1) ?? keyBlock(present);
  const newText = insertBlocks(source, history.facts, after.end, [[siblingKeyLine(source, keyBlock(present), missing.side), ...lines]]);
  return { title, edits: [{ start: after.end, end: after.end, newText }], preferred: true };
}

/** Rewrites (or adds) the target side's values to the reference side's; undefined when an .inf would need a new line. */
function matchSide(source: SourceText, history: RegistryHistory, target: SideState, reference: SideState): Fix | undefined {
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const name of names) {
    const wanted = lineOf(reference, name);
    if (!wanted) continue;
    const data = source.text.slice(wanted.dataStart, wanted.dataEnd);
    const line = lineOf(target, name);
    if (line) {
      if (source.text.slice(line.dataStart, line.dataEnd) !== data) edits.push(rewriteData(line, data));
    } else {
      added.push(source.text.slice(wanted.nameStart, wanted.nameEnd) + '=' + data);
    }
  }
  if (added.length > 0) {
    if (history.facts.kind !== 'reg') return undefined;
    const block = target.blocks.at(-1) ?? keyBlock(target);
    edits.push({ start: block.end, end: block.end, newText: insertLines(source, block.end, added) });
  }
  if (edits.length === 0) return undefined;
  return { title: `Set ${target.protocol}\\${target.side} like ${reference.side}`, edits };
}
