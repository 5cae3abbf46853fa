// What the MIM 2016 SP2 installers accept on the command line. Microsoft publishes no official list:
// these come from public install scripts, installer logs and Microsoft's install guides (see
// ../shared/domain/mim-tls-fips-facts.md §1). Where a name is uncertain it is listed, so the
// linter stays silent rather than raise a false alarm.

/** Standard Windows Installer properties any package accepts. */
const standardProperties = [
  'ADDLOCAL', 'REMOVE', 'ADDDEFAULT', 'ADDSOURCE', 'ADVERTISE', 'REINSTALL', 'REINSTALLMODE', 'INSTALLDIR', 'TARGETDIR',
  'ALLUSERS', 'REBOOT', 'REBOOTPROMPT', 'TRANSFORMS', 'PATCH', 'MSIFASTINSTALL', 'MSIRMSHUTDOWN', 'MSIDISABLERMRESTART',
  'MSIRESTARTMANAGERCONTROL', 'ARPSYSTEMCOMPONENT', 'LIMITUI', 'MSILOGGINGMODE', 'ROOTDRIVE', 'COMPANYNAME', 'USERNAME',
];

/** Service and Portal.msi, as seen in public scripts (facts §1.2). */
const serviceAndPortal = [
  'ACCEPT_EULA', 'SQMOPTINSETTING', 'SQLSERVER_SERVER', 'SQLSERVER_DATABASE', 'EXISTINGDATABASE', 'MAIL_SERVER',
  'MAIL_SERVER_USE_SSL', 'MAIL_SERVER_IS_EXCHANGE', 'MAIL_SERVER_IS_EXCHANGE_ONLINE', 'POLL_EXCHANGE_ENABLED',
  'SERVICE_ACCOUNT_NAME', 'SERVICE_ACCOUNT_PASSWORD', 'SERVICE_ACCOUNT_DOMAIN', 'SERVICE_ACCOUNT_EMAIL',
  'SERVICE_ACCOUNT_EMAIL_PASSWORD', 'USE_MANAGED_ACCOUNT_FOR_SERVICE', 'SYNCHRONIZATION_SERVER',
  'SYNCHRONIZATION_SERVER_ACCOUNT', 'SERVICEADDRESS', 'SERVICE_MANAGER_SERVER', 'CERTIFICATE_NAME', 'SHAREPOINT_URL',
  'SHAREPOINTUSERS_CONF', 'SHAREPOINTTIMEOUT', 'REGISTRATION_PORTAL_URL', 'REGISTRATION_ACCOUNT',
  'REGISTRATION_ACCOUNT_PASSWORD', 'REGISTRATION_HOSTNAME', 'REGISTRATION_PORT', 'REGISTRATION_SERVERNAME',
  'IS_REGISTRATION_EXTRANET', 'REGISTRATION_FIREWALL_CONF', 'REGISTRATION_FIREWALL_CONFIG', 'RESET_ACCOUNT',
  'RESET_ACCOUNT_PASSWORD', 'RESET_HOSTNAME', 'RESET_PORT', 'RESET_SERVERNAME', 'IS_RESET_EXTRANET', 'RESET_FIREWALL_CONF',
  'REQUIRE_REGISTRATION_INFO', 'REQUIRE_RESET_INFO', 'PASSWORDUSERS_CONF', 'PAM_REST_API_APPPOOL_ACCOUNT_NAME',
  'PAM_REST_API_APPPOOL_ACCOUNT_PASSWORD', 'PAM_REST_API_APPPOOL_ACCOUNT_DOMAIN', 'PAM_COMPONENT_SERVICE_ACCOUNT_NAME',
  'PAM_COMPONENT_SERVICE_ACCOUNT_PASSWORD', 'PAM_COMPONENT_SERVICE_ACCOUNT_DOMAIN', 'PAM_MONITORING_SERVICE_ACCOUNT_NAME',
  'PAM_MONITORING_SERVICE_ACCOUNT_PASSWORD', 'PAM_MONITORING_SERVICE_ACCOUNT_DOMAIN', 'MIMPAM_REST_API_PORT',
  'FIREWALL_CONF', 'RMS_PORT', 'STS_PORT', 'KEEPSQLJOBS',
];

/** Synchronization Service.msi (facts §1.3). */
const synchronizationService = [
  'ACCEPT_EULA', 'STORESERVER', 'SQLINSTANCE', 'SQLDB', 'SQLSERVERSTORE', 'SERVICEACCOUNT', 'SERVICEPASSWORD',
  'SERVICEDOMAIN', 'GROUPADMINS', 'GROUPOPERATORS', 'GROUPACCOUNTJOINERS', 'GROUPBROWSE', 'GROUPPASSWORDSET',
  'FIREWALL_CONF', 'SQMOPTINSETTING', 'USE_MANAGED_ACCOUNT_FOR_SERVICE',
];

/** A feature of a package: its name exactly as the package spells it, and what it installs. */
export interface PackageFeature {
  name: string;
  installs: string;
}

export interface PackageKnowledge {
  /** Upper-case property names the package is known to accept. */
  properties: ReadonlySet<string>;
  /** The features ADDLOCAL and REMOVE may name (the names are case-sensitive). */
  features?: readonly PackageFeature[];
}

/** Service and Portal.msi features (facts §1.2); the last three appear in a public PAM install script only. */
const serviceAndPortalFeatures: readonly PackageFeature[] = [
  { name: 'CommonServices', installs: 'MIM Service' },
  { name: 'WebPortals', installs: 'MIM Portal (SharePoint)' },
  { name: 'RegistrationPortal', installs: 'SSPR registration portal' },
  { name: 'ResetPortal', installs: 'SSPR reset portal' },
  { name: 'PAMServices', installs: 'Privileged Access Management' },
  { name: 'FIMReporting', installs: 'MIM Reporting (System Center Service Manager)' },
  { name: 'ConfigurationBackup', installs: 'not documented (seen in a public PAM install script)' },
  { name: 'SQMFeatureOptinRegistrySetting', installs: 'not documented (seen in a public PAM install script)' },
  { name: 'ServerComponents', installs: 'not documented (seen in a public PAM install script)' },
];

export const knownPackages: Partial<Record<string, PackageKnowledge>> = {
  'mim-service': { properties: new Set([...standardProperties, ...serviceAndPortal]), features: serviceAndPortalFeatures },
  // Public Sync scripts pass only ADDLOCAL=ALL: its feature names are not known.
  'mim-sync': { properties: new Set([...standardProperties, ...synchronizationService]) },
};

/** The properties whose value is a comma-separated list of feature names (Windows Installer ADDLOCAL, REMOVE). */
export const featureListProperties = ['ADDLOCAL', 'REMOVE'] as const;

/** The value of ADDLOCAL or REMOVE that means every feature, spelled as Windows Installer documents it. */
export const allFeatures = 'ALL';

/** Properties that take 0 or 1 (facts §1.2). */
export const booleanProperties: ReadonlySet<string> = new Set([
  'ACCEPT_EULA', 'SQMOPTINSETTING', 'EXISTINGDATABASE', 'MAIL_SERVER_USE_SSL', 'MAIL_SERVER_IS_EXCHANGE',
  'MAIL_SERVER_IS_EXCHANGE_ONLINE', 'POLL_EXCHANGE_ENABLED', 'USE_MANAGED_ACCOUNT_FOR_SERVICE', 'FIREWALL_CONF',
  'SHAREPOINTUSERS_CONF',
]);

export const rebootValues = ['Force', 'Suppress', 'ReallySuppress', 'F', 'S', 'R'];

/** The MIM Service installer's self-signed default certificate name. */
export const selfSignedCertificateName = 'ForefrontIdentityManager';

/** Optimal string alignment distance, bounded: enough to tell a typo from a different name. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** The known name closest to `name`, if it is close enough to be a typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length > 12 ? 3 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toUpperCase(), candidate.toUpperCase(), limit);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
