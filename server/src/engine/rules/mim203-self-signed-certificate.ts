import { installsMimService, property } from '../script/msiexec';
import { selfSignedCertificateName } from '../script/mim-packages';
import { preparingTls } from './sources';
import type { Rule } from './rule';

const why =
  'On a host that allows only TLS 1.2, MIM Service cannot use a self-signed certificate; Microsoft asks for a ' +
  `certificate with strong cryptography from a trusted certificate authority (${preparingTls}).`;

const howTo =
  'Use a certificate issued by a trusted CA (Microsoft publishes no unattended property for choosing one; CERTIFICATE_NAME ' +
  'is the only certificate property public scripts use), or run this install interactively and select the certificate in the wizard.';

export const mim203: Rule = {
  meta: {
    id: 'MIM203',
    name: 'self-signed-certificate',
    defaultSeverity: 'warning',
    fileKinds: ['cmd', 'powershell'],
    summary: 'On a TLS 1.2-only host MIM Service is installed with the self-signed ForefrontIdentityManager certificate.',
    fixable: false,
    usesProfile: 'tls12Only',
  },
  checkScript({ profile, script, report }) {
    if (profile.tls12Only.value !== 'on') return;
    let installsService = false;
    for (const invocation of script.installs) {
      if (!installsMimService(invocation)) continue;
      installsService = true;
      const certificate = property(invocation, 'CERTIFICATE_NAME');
      if (certificate && certificate.value.trim().toLowerCase() !== selfSignedCertificateName.toLowerCase()) continue;
      // Without the property, an interactive install lets the admin pick a certificate in the wizard.
      if (!certificate && !invocation.unattended) continue;
      const anchor = certificate?.token ?? invocation.packageToken!;
      report({
        start: anchor.start,
        end: anchor.end,
        message: certificate
          ? `CERTIFICATE_NAME=${certificate.value} is the name of the installer's self-signed default certificate. ${why} ${howTo}`
          : `No CERTIFICATE_NAME: the unattended install most likely generates the self-signed ${selfSignedCertificateName} certificate. ${why} ${howTo}`,
        related: profile.tls12Only.evidence,
      });
    }
    for (const command of script.model.commands) {
      if (command.name !== 'new-selfsignedcertificate' && command.name !== 'makecert') continue;
      const forMim = installsService || [command.nameToken, ...command.args, ...command.positional, ...Object.values(command.named)]
        .some((t) => /forefrontidentitymanager|\bmim\b|identity manager/i.test(t.text));
      if (!forMim) continue;
      report({
        start: command.nameToken.start,
        end: command.nameToken.end,
        message: `This creates a self-signed certificate for MIM. ${why} Request a certificate from your CA instead.`,
        related: profile.tls12Only.evidence,
      });
    }
  },
};
