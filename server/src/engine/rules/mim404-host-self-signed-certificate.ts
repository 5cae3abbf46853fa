import { commonName, isSelfSigned } from '../host/snapshot/certutil';
import { syncOnly } from '../host/snapshot/inventory';
import { selfSignedCertificateName } from '../script/mim-packages';
import type { Rule } from './rule';

export const mim404: Rule = {
  meta: {
    id: 'MIM404',
    name: 'host-self-signed-certificate',
    defaultSeverity: 'warning',
    fileKinds: ['evidence'],
    summary: 'A TLS 1.2-only host snapshot holds a self-signed ForefrontIdentityManager certificate (Subject = Issuer) in the LocalMachine My store.',
    fixable: false,
    usesProfile: 'tls12Only',
  },
  checkEvidence({ profile, dump, report }) {
    // A Sync-only server runs no MIM Service, so no MIM Service binding uses a certificate there.
    if (!profile.host || profile.tls12Only.value !== 'on' || syncOnly(profile.host)) return;
    for (const certificate of dump.certificates) {
      const subject = certificate.subject;
      if (!subject || !isSelfSigned(certificate)) continue;
      if (commonName(subject.value)?.toLowerCase() !== selfSignedCertificateName.toLowerCase()) continue;
      report({
        start: subject.start,
        end: subject.end,
        message: `Subject equals Issuer: likely the self-signed ${selfSignedCertificateName} certificate, unusable by MIM Service on TLS 1.2.`,
      });
    }
  },
};
