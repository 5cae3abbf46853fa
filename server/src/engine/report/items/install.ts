// The MIM Service install: unattended it fails with only TLS 1.2 on, unless TLS 1.1 stays enabled for
// the install (Microsoft's workaround, in the script or in a wrapper that calls it) and is disabled
// again afterwards; and with only TLS 1.2 it cannot use the self-signed certificate.
import { installsMimService, property, type MsiInvocation } from '../../script/msiexec';
import { selfSignedCertificateName } from '../../script/mim-packages';
import type { ScriptStep } from '../../script/facts';
import { schannelTarget } from '../../tls/schannel';
import type { ChecklistItem, EvidenceLink } from '../model';
import type { ReportWorkspace, ScriptFile } from '../workspace';

interface ServiceInstall {
  script: ScriptFile;
  step: Extract<ScriptStep, { kind: 'install' }>;
}

function serviceInstalls(workspace: ReportWorkspace): ServiceInstall[] {
  return workspace.scripts.flatMap((script) =>
    script.facts.steps.flatMap((step) => (step.kind === 'install' && installsMimService(step.invocation) ? [{ script, step }] : [])),
  );
}

export function unattendedInstallItem(workspace: ReportWorkspace): ChecklistItem {
  const evidence: EvidenceLink[] = [];
  let failing = false;
  let unknown = false;
  for (const { script, step } of serviceInstalls(workspace)) {
    const at = (message: string) => evidence.push(workspace.at(script.file.fileName, step.command.start, message));
    if (!step.invocation.unattended) {
      at('interactive MIM Service install (the wizard)');
    } else if (!step.reached) {
      // A function the file never calls (a module's exported function): it runs where a caller runs it.
      unknown = true;
      at('unattended MIM Service install in a function this file never calls: judged where it is called');
    } else if (step.tls11Before === 'on') {
      at('unattended MIM Service install with TLS 1.1 enabled: the documented workaround');
      for (const source of tls11Source(workspace, script, step)) evidence.push(source);
    } else if (step.tls11Before === 'off') {
      failing = true;
      at('unattended MIM Service install while TLS 1.1 is disabled');
    } else {
      unknown = true;
      at('unattended MIM Service install; whether TLS 1.1 is enabled at this point is unknown');
    }
  }
  const findings = workspace.findings(['MIM201', 'MIM202']);
  const item = { id: 'unattended-install', title: 'Unattended MIM Service install: TLS 1.1 kept on for the install, TLS 1.2 enforced afterwards', evidence, findings };
  if (failing || findings.length > 0) {
    return { ...item, status: 'not met', detail: 'An unattended MIM Service install runs with TLS 1.1 disabled (Microsoft documents that it fails), or TLS 1.1 is not disabled again after the install.' };
  }
  if (evidence.length === 0) return { ...item, status: 'no evidence', detail: 'No script in the workspace installs the MIM Service (Service and Portal.msi with CommonServices).' };
  if (unknown) {
    const detail = workspace.profile.tls12Only.value === 'unknown'
      ? 'Whether TLS 1.1 is enabled during the unattended install depends on the host, and the host profile does not say whether it is TLS 1.2-only.'
      : 'Whether TLS 1.1 is enabled during an unattended install cannot be told from the scripts: the script computes it, or the install is in a function nothing in the workspace calls.';
    return { ...item, status: 'no evidence', detail };
  }
  return { ...item, status: 'met', detail: 'Every MIM Service install is interactive or runs with TLS 1.1 enabled.' };
}

/** Where TLS 1.1 was turned on before the install: a write earlier in the script, or the wrapper's call. */
function tls11Source(workspace: ReportWorkspace, script: ScriptFile, install: ServiceInstall['step']): EvidenceLink[] {
  const before = script.facts.steps.slice(0, script.facts.steps.indexOf(install));
  const write = before.filter((s) => s.kind === 'registry' && schannelTarget(s.write)?.protocol === 'TLS 1.1').at(-1);
  if (write?.kind === 'registry') return [workspace.at(script.file.fileName, write.write.start, 'TLS 1.1 enabled here before the install')];
  return script.facts.tls11Evidence.map((location) => workspace.link(location));
}

export function certificateItem(workspace: ReportWorkspace): ChecklistItem {
  const evidence: EvidenceLink[] = [];
  let selfSigned = false;
  let unknown = false;
  for (const { script, step } of serviceInstalls(workspace)) {
    const verdict = certificateOf(step.invocation);
    selfSigned ||= verdict.selfSigned === true;
    unknown ||= verdict.selfSigned === undefined;
    evidence.push(workspace.at(script.file.fileName, verdict.offset, verdict.message));
  }
  const findings = workspace.findings(['MIM203']);
  const item = { id: 'ca-certificate', title: 'MIM Service certificate issued by a trusted CA (not the self-signed ForefrontIdentityManager)', evidence, findings };
  if (workspace.profile.tls12Only.value === 'off' && findings.length === 0) {
    return { ...item, status: 'not applicable', detail: 'The host profile says older TLS versions stay enabled; the self-signed certificate is a problem only on a TLS 1.2-only host.' };
  }
  if (selfSigned || findings.length > 0) {
    return { ...item, status: 'not met', detail: 'A MIM Service install uses the self-signed default certificate, which MIM Service cannot use when only TLS 1.2 is enabled.' };
  }
  if (evidence.length === 0) return { ...item, status: 'no evidence', detail: 'No script in the workspace installs the MIM Service.' };
  if (unknown) return { ...item, status: 'no evidence', detail: 'The certificate is chosen in the install wizard or computed by the script: check it on the host.' };
  return {
    ...item,
    status: 'met',
    detail: 'Every MIM Service install names a certificate other than the self-signed default. The workspace cannot show that it is CA-issued with strong cryptography; check the certificate and the install log.',
  };
}

function certificateOf(invocation: MsiInvocation): { selfSigned: boolean | undefined; offset: number; message: string } {
  const certificate = property(invocation, 'CERTIFICATE_NAME');
  if (!certificate) {
    return invocation.unattended
      ? { selfSigned: true, offset: invocation.command.start, message: `no CERTIFICATE_NAME: the unattended install most likely generates the self-signed ${selfSignedCertificateName}` }
      : { selfSigned: undefined, offset: invocation.command.start, message: 'interactive install: the certificate is chosen in the wizard' };
  }
  const offset = certificate.token.start;
  if (!certificate.token.resolved) return { selfSigned: undefined, offset, message: 'CERTIFICATE_NAME is computed by the script' };
  const isDefault = certificate.value.trim().toLowerCase() === selfSignedCertificateName.toLowerCase();
  return { selfSigned: isDefault, offset, message: `CERTIFICATE_NAME=${certificate.value}${isDefault ? ': the self-signed default' : ''}` };
}
