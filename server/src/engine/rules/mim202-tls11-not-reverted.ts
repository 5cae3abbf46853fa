import { afterErrorChecks, insertLinesAt, tls11Statements } from '../script/edits';
import { schannelTarget } from '../tls/schannel';
import { preparingTls } from './sources';
import type { Rule } from './rule';

export const mim202: Rule = {
  meta: {
    id: 'MIM202',
    name: 'tls11-not-reverted',
    defaultSeverity: 'warning',
    fileKinds: ['cmd', 'powershell'],
    summary: 'On a TLS 1.2-only host the script enables TLS 1.1 for the install but never disables it again.',
    fixable: true,
    usesProfile: 'tls12Only',
  },
  checkScript({ source, profile, script, report }) {
    if (profile.tls12Only.value !== 'on' || script.tls11AtEnd !== 'on') return;
    // In run order: the first write that turns TLS 1.1 on, and the last install or script call after it.
    const byRun = script.steps.filter((step) => step.reached).sort((a, b) => a.runOrder - b.runOrder);
    const enabling = byRun.find((step) => {
      if (step.kind !== 'registry' || step.tls11Before === 'on') return false;
      const target = schannelTarget(step.write);
      return target?.protocol === 'TLS 1.1' && step.write.operation === 'set-value' && step.write.data !== 0 &&
        step.write.valueName?.toLowerCase() === 'enabled';
    });
    if (!enabling) return;
    // The disabling writes go after the last MIM Service install (or script call) that follows.
    const later = byRun.filter(
      (step) => step.runOrder > enabling.runOrder &&
        ((step.kind === 'install' && step.invocation.packageKind === 'mim-service') || step.kind === 'call'),
    );
    const anchor = later.at(-1)?.command ?? byRun.filter((s) => s.kind === 'registry').at(-1)!.command;
    report({
      start: enabling.command.start,
      end: enabling.command.end,
      message:
        'The script enables TLS 1.1 for the MIM Service install but never disables it again, so this TLS 1.2-only ' +
        'host is left accepting TLS 1.1. Microsoft\'s workaround keeps TLS 1.1 on only during the install: enforce ' +
        `TLS 1.2 again afterwards (Enabled=0, DisabledByDefault=1 for TLS 1.1 Client and Server) (${preparingTls}).`,
      related: profile.tls12Only.evidence,
      fixes: [
        {
          title: 'Disable TLS 1.1 again after the install',
          edits: [insertLinesAt(source, afterErrorChecks(source, script.model, anchor), anchor.indent, tls11Statements(script.model.language, false))],
          preferred: true,
        },
      ],
    });
  },
};
