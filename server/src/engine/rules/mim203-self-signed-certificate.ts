import { installsMimService, property } from '../script/msiexec';
import { selfSignedCertificateName } from '../script/mim-packages';
import { shown } from '../message';
import type { Rule } from './rule';

const why = 'unusable by MIM Service on a TLS 1.2-only host';

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
          ? `CERTIFICATE_NAME=${shown(certificate.value, 24)} is the self-signed default, ${why}.`
          : `No CERTIFICATE_NAME: this install makes a self-signed certificate, ${why}.`,
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
        message: `This creates a self-signed certificate for MIM, ${why}.`,
        related: profile.tls12Only.evidence,
      });
    }
  },
};
