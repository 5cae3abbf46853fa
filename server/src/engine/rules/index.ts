// The rule registry: the one list that the engine runs and that docs, SARIF `rules`, the README table
// and the settings are generated from or checked against.
import type { Rule } from './rule';
import { mim001 } from './mim001-config-not-well-formed';
import { mim002 } from './mim002-config-root-invalid';
import { mim101 } from './mim101-fips-policy-missing';
import { mim102 } from './mim102-fips-policy-enforced';
import { mim103 } from './mim103-fips-policy-wrong-parent';
import { mim104 } from './mim104-fips-policy-wrong-case';
import { mim105 } from './mim105-fips-policy-value';
import { mim106 } from './mim106-fips-policy-order';
import { mim107 } from './mim107-fips-policy-duplicate';
import { mim108 } from './mim108-legacy-v2-activation';
import { mim109 } from './mim109-appcontext-switch-ignored';
import { mim110 } from './mim110-tls-weakening-switch';
import { mim201 } from './mim201-unattended-install-tls12-only';
import { mim202 } from './mim202-tls11-not-reverted';
import { mim203 } from './mim203-self-signed-certificate';
import { mim204 } from './mim204-sql-native-client-too-old';
import { mim205 } from './mim205-oledb-driver-too-old';
import { mim206 } from './mim206-legacy-sql-provider';
import { mim207 } from './mim207-unknown-msi-property';
import { mim208 } from './mim208-invalid-msi-property-value';
import { mim301 } from './mim301-schannel-client-server-mismatch';
import { mim302 } from './mim302-tls12-not-enabled';
import { mim303 } from './mim303-netfx35-tls-defaults-missing';
import { mim304 } from './mim304-netfx-strong-crypto-disabled';
import { mim305 } from './mim305-reg-syntax';
import { mim306 } from './mim306-host-evidence-conflict';
import { mim401 } from './mim401-host-sql-native-client-too-old';
import { mim402 } from './mim402-host-oledb-driver-too-old';
import { mim403 } from './mim403-host-mim-build-before-sp2';
import { mim404 } from './mim404-host-self-signed-certificate';
import { mim900 } from './mim900-unused-suppression';
import { mim901 } from './mim901-config-invalid';

export const allRules: readonly Rule[] = [
  mim001, mim002, mim101, mim102, mim103, mim104, mim105, mim106, mim107, mim108, mim109, mim110,
  mim201, mim202, mim203, mim204, mim205, mim206, mim207, mim208,
  mim301, mim302, mim303, mim304, mim305,
  mim306,
  mim401, mim402, mim403, mim404,
  mim900, mim901,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
