import type { Side } from '../tls/schannel';
import { historyOf, type RegistryHistory, sides, type SideState } from '../registry/history';
import { dwordData, insertBlocks, rewriteData, siblingKeyLine } from '../registry/edits';
import type { RegistryValueLine } from '../registry/facts';
import type { SourceText } from '../source-text';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './rule';

const connections: Record<Side, string> = { Client: 'connections this host opens', Server: 'connections it accepts' };

export const mim302: Rule = {
  meta: {
    id: 'MIM302',
    name: 'tls12-not-enabled',
    defaultSeverity: 'error',
    fileKinds: ['reg', 'inf'],
    summary: 'The file disables SSL 3.0, TLS 1.0 and TLS 1.1 and also disables TLS 1.2 (or makes it disabled by default) on the same side.',
    fixable: true,
  },
  checkRegistry({ source, registry, report }) {
    const history = historyOf(registry);
    for (const side of sides) {
      if (!history.hardened(side)) continue;
      const tls12 = history.side('TLS 1.2', side);
      // Only an explicit Enabled=0 or DisabledByDefault=1: Windows Server 2012 and later enable TLS 1.2 by default.
      const offending = offendingLines(tls12);
      if (offending.length === 0) continue;
      const first = offending[0];
      report({
        start: first.write.start,
        end: first.write.end,
        message:
          `TLS 1.2 is also ${first.write.valueName?.toLowerCase() === 'enabled' ? 'disabled (Enabled=0)' : 'disabled by default (DisabledByDefault=1)'} ` +
          `in ${side}: no protocol left for ${connections[side]}.`,
        fixes: [enableTls12(source, history, tls12, offending)],
      });
    }
  },
};

function offendingLines(entry: SideState): RegistryValueLine[] {
  const lines: RegistryValueLine[] = [];
  if (entry.enabled && entry.state.enabled === false) lines.push(entry.enabled);
  if (entry.disabledByDefault && entry.state.disabledByDefault === true) lines.push(entry.disabledByDefault);
  return lines.sort((a, b) => a.write.start - b.write.start);
}

function enableTls12(source: SourceText, history: RegistryHistory, tls12: SideState, offending: RegistryValueLine[]): Fix {
  const kind = history.facts.kind;
  const edits: TextEdit[] = offending.map((line) =>
    rewriteData(line, dwordData(kind, line.write.valueName?.toLowerCase() === 'enabled' ? 1 : 0)),
  );
  // The other side needs TLS 1.2 too; when the file does not mention it, add its block (not in an .inf).
  const otherSide = tls12.side === 'Client' ? 'Server' : 'Client';
  const other = history.side('TLS 1.2', otherSide);
  const anchor = tls12.blocks.at(-1) ?? offending[offending.length - 1].block;
  if (kind === 'reg' && !other.enabled && !other.disabledByDefault && other.blocks.length === 0 && !other.deleted) {
    const lines = [siblingKeyLine(source, anchor, otherSide), `"Enabled"=${dwordData(kind, 1)}`, `"DisabledByDefault"=${dwordData(kind, 0)}`];
    edits.push({ start: anchor.end, end: anchor.end, newText: insertBlocks(source, history.facts, anchor.end, [lines]) });
  }
  return { title: `Enable TLS 1.2 (${tls12.side}${edits.length > offending.length ? ' and ' + otherSide : ''})`, edits, preferred: true };
}
