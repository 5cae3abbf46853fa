import { afterErrorChecks, insertLinesAt, tls11Statements } from '../script/edits';
import { isTls11ProtocolKey, schannelTarget } from '../tls/schannel';
import type { RegistryWrite } from '../registry/model';
import type { Rule } from './rule';

/** A TLS 1.1 write that can turn it on: a non-zero Enabled, or removing a value or the key (§9.2: the default is on). */
function turnsTls11On(write: RegistryWrite): boolean {
  if (schannelTarget(write)?.protocol !== 'TLS 1.1' && !isTls11ProtocolKey(write)) return false;
  const name = write.valueName?.toLowerCase();
  if (write.operation === 'delete-key') return true;
  if (write.operation === 'delete-value') return name === 'enabled' || name === 'disabledbydefault';
  return write.operation === 'set-value' && name === 'enabled' && write.data !== 0;
}

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
    const enabling = byRun.find((step) => step.kind === 'registry' && step.tls11Before !== 'on' && turnsTls11On(step.write));
    if (!enabling) return;
    // The disabling writes go after the last MIM Service install (or script call) that follows. A script
    // that only turns TLS 1.1 on (a runbook's first step, a rollback for another product) is not judged:
    // the install it prepares, if any, is elsewhere, and so may be the revert.
    const later = byRun.filter(
      (step) => step.runOrder > enabling.runOrder &&
        ((step.kind === 'install' && step.invocation.packageKind === 'mim-service') || step.kind === 'call'),
    );
    const anchor = later.at(-1)?.command;
    if (!anchor) return;
    report({
      start: enabling.command.start,
      end: enabling.command.end,
      message: 'TLS 1.1 is enabled for the install and never disabled again: this TLS 1.2-only host is left accepting TLS 1.1.',
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
