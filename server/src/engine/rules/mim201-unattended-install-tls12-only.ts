import { afterErrorChecks, insertLinesAt, insertLinesBefore, removeArgument, tls11Statements } from '../script/edits';
import { installsMimService } from '../script/msiexec';
import { setByScript, tls11SetterLocations } from '../script/flow/evidence';
import type { Rule } from './rule';

export const mim201: Rule = {
  meta: {
    id: 'MIM201',
    name: 'unattended-install-tls12-only',
    defaultSeverity: 'error',
    fileKinds: ['cmd', 'powershell'],
    summary: 'An unattended install of MIM Service (Service and Portal.msi) runs while TLS 1.1 is disabled; it fails.',
    fixable: true,
    usesProfile: 'tls12Only',
  },
  checkScript({ source, script, report }) {
    for (const step of script.steps) {
      // Only when TLS 1.1 is off on every path that reaches the install: where paths disagree (a branch
      // that hardens first), which path runs is not known, and a false error costs more than a miss.
      if (step.kind !== 'install' || !step.reached || step.tls11Before !== 'off') continue;
      const { invocation, command } = step;
      if (!installsMimService(invocation) || !invocation.unattended || !invocation.uiSwitch) continue;
      const quiet = invocation.uiSwitch;
      const why = setByScript(step) ? 'after this script disabled TLS 1.1' : 'on this TLS 1.2-only host';
      report({
        start: quiet.start,
        end: quiet.end,
        message: `Unattended MIM Service install ${why}: it fails unless TLS 1.1 is enabled while it runs.`,
        related: tls11SetterLocations(source, script, step, 'TLS 1.1 left disabled here on the path to the install'),
        // A DSC Package resource: statements cannot go into a configuration's Node block.
        fixes: command.via === 'dsc' ? undefined : [
          {
            title: 'Enable TLS 1.1 around the install (documented workaround)',
            edits: [
              insertLinesBefore(source, command, tls11Statements(script.model.language, true)),
              insertLinesAt(source, afterErrorChecks(source, script.model, command), command.indent, tls11Statements(script.model.language, false)),
            ],
            preferred: true,
          },
          { title: `Install interactively (remove ${quiet.text})`, edits: [removeArgument(source, quiet)] },
        ],
      });
    }
  },
};
