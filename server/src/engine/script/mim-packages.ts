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

/** The standard Windows Installer properties, which every package accepts. */
export const standardPropertyNames: ReadonlySet<string> = new Set(standardProperties);

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

const seen = {
  a: 'seen in several public install scripts',
  b: 'seen in xMIMDsc',
  c: 'seen in a public command-line generator',
  d: 'seen in a public blog post that read it from /l*v logs',
  msi: 'standard Windows Installer property',
};

/**
 * What each property does and where it was seen (facts §1.2, §1.3); completion and hover show it.
 * Every property in `knownPackages` has an entry (a unit test checks it).
 */
export const propertyDescriptions: Readonly<Record<string, string>> = {
  ADDLOCAL: `Features to install, comma-separated and case-sensitive, or ALL (${seen.msi}).`,
  REMOVE: `Features to remove, comma-separated and case-sensitive, or ALL (${seen.msi}).`,
  ADDDEFAULT: `Features to install in their default configuration (${seen.msi}).`,
  ADDSOURCE: `Features to run from source (${seen.msi}).`,
  ADVERTISE: `Features to advertise (${seen.msi}).`,
  REINSTALL: `Features to reinstall (${seen.msi}).`,
  REINSTALLMODE: `How a reinstall replaces files, e.g. omus (${seen.msi}).`,
  INSTALLDIR: `Installation folder; MIM's default is C:\\Program Files\\Microsoft Forefront Identity Manager\\2010\\ (${seen.msi}).`,
  TARGETDIR: `Root destination folder (${seen.msi}).`,
  ALLUSERS: `Per-machine (1) or per-user install (${seen.msi}).`,
  REBOOT: `Restart behaviour: Force, Suppress or ReallySuppress (or F, S, R) (${seen.msi}).`,
  REBOOTPROMPT: `S suppresses the restart prompt (${seen.msi}).`,
  TRANSFORMS: `Transforms (.mst) to apply (${seen.msi}).`,
  PATCH: `Patches (.msp) to apply (${seen.msi}).`,
  MSIFASTINSTALL: `Shortens a large install (0–7) (${seen.msi}).`,
  MSIRMSHUTDOWN: `Restart Manager shutdown of applications using files (${seen.msi}).`,
  MSIDISABLERMRESTART: `1 keeps Restart Manager from restarting applications (${seen.msi}).`,
  MSIRESTARTMANAGERCONTROL: `Disable turns Restart Manager off (${seen.msi}).`,
  ARPSYSTEMCOMPONENT: `1 hides the product from Programs and Features (${seen.msi}).`,
  LIMITUI: `1 limits the UI to basic (${seen.msi}).`,
  MSILOGGINGMODE: `Logging mode, as the /l switch (${seen.msi}).`,
  ROOTDRIVE: `Default drive for the destination folder (${seen.msi}).`,
  COMPANYNAME: `Organisation name for the registration (${seen.msi}).`,
  USERNAME: `User name for the registration (${seen.msi}).`,
  ACCEPT_EULA: `1 accepts the licence terms; required unattended (${seen.a}, ${seen.b}, ${seen.c}).`,
  SQMOPTINSETTING: `0 or 1: joins the Customer Experience Improvement Program (${seen.a}).`,
  SQLSERVER_SERVER: `SQL Server, instance, alias or AG listener of the MIM Service database (${seen.a}, ${seen.b}).`,
  SQLSERVER_DATABASE: `MIM Service database name, usually FIMService (${seen.a}, ${seen.b}).`,
  EXISTINGDATABASE: `0 creates a new database, 1 reuses the existing one (${seen.a}, ${seen.b}).`,
  MAIL_SERVER: `Exchange or SMTP host, or outlook.office365.com (${seen.a}, ${seen.b}).`,
  MAIL_SERVER_USE_SSL: `0 or 1: connect to the mail server over SSL/TLS (${seen.a}, ${seen.b}, ${seen.c}).`,
  MAIL_SERVER_IS_EXCHANGE: `0 or 1: the mail server is Exchange (${seen.a}, ${seen.b}, ${seen.c}).`,
  MAIL_SERVER_IS_EXCHANGE_ONLINE: `0 or 1: the mail server is Exchange Online (${seen.b}, ${seen.c}).`,
  POLL_EXCHANGE_ENABLED: `0 or 1: the MIM Service polls Exchange for approval mail (${seen.a}, ${seen.b}, ${seen.c}).`,
  SERVICE_ACCOUNT_NAME: `MIM Service account; a gMSA name ends in $ (${seen.a}, ${seen.b}, ${seen.c}).`,
  SERVICE_ACCOUNT_PASSWORD: `MIM Service account password; empty for a gMSA (${seen.a}, ${seen.b}, ${seen.c}).`,
  SERVICE_ACCOUNT_DOMAIN: `MIM Service account domain (${seen.a}, ${seen.b}, ${seen.c}).`,
  SERVICE_ACCOUNT_EMAIL: `MIM Service account mailbox (${seen.a}, ${seen.b}, ${seen.c}).`,
  SERVICE_ACCOUNT_EMAIL_PASSWORD: `MIM Service mailbox password (${seen.a}, ${seen.b}, ${seen.c}).`,
  USE_MANAGED_ACCOUNT_FOR_SERVICE: `0 or 1: the service account is a gMSA (${seen.b}, ${seen.c}).`,
  SYNCHRONIZATION_SERVER: `MIM Synchronization Service host (${seen.a}, ${seen.b}, ${seen.c}).`,
  SYNCHRONIZATION_SERVER_ACCOUNT: `Account of the MIM management agent, DOMAIN\\name (${seen.a}, ${seen.b}, ${seen.c}).`,
  SERVICEADDRESS: `MIM Service address the Portal uses (${seen.a}, ${seen.b}, ${seen.c}, ${seen.d}).`,
  SERVICE_MANAGER_SERVER: `System Center Service Manager server, for MIM Reporting (${seen.b}, ${seen.c}).`,
  CERTIFICATE_NAME: `Service certificate; ForefrontIdentityManager is the self-signed default, which fails on TLS 1.2-only hosts (${seen.a}, ${seen.d}).`,
  SHAREPOINT_URL: `SharePoint site collection URL of the MIM Portal (${seen.a}, ${seen.c}, ${seen.d}).`,
  SHAREPOINTUSERS_CONF: `0 or 1: grant authenticated users access to the Portal site (${seen.a}, ${seen.c}, ${seen.d}).`,
  SHAREPOINTTIMEOUT: `Timeout for the SharePoint configuration step (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_PORTAL_URL: `URL of the SSPR registration portal (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_ACCOUNT: `Application pool account of the SSPR registration portal (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_ACCOUNT_PASSWORD: `Password of the SSPR registration account (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_HOSTNAME: `Host name of the SSPR registration site (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_PORT: `Port of the SSPR registration site (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_SERVERNAME: `MIM Service server the registration portal talks to (${seen.a}, ${seen.c}, ${seen.d}).`,
  IS_REGISTRATION_EXTRANET: `Extranet or None (sometimes 1): registration portal exposure (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_FIREWALL_CONF: `Opens the registration portal port in the firewall (${seen.a}, ${seen.c}, ${seen.d}).`,
  REGISTRATION_FIREWALL_CONFIG: `Spelling of REGISTRATION_FIREWALL_CONF seen in some scripts (${seen.a}).`,
  RESET_ACCOUNT: `Application pool account of the SSPR reset portal (${seen.a}, ${seen.c}, ${seen.d}).`,
  RESET_ACCOUNT_PASSWORD: `Password of the SSPR reset account (${seen.a}, ${seen.c}, ${seen.d}).`,
  RESET_HOSTNAME: `Host name of the SSPR reset site (${seen.a}, ${seen.c}, ${seen.d}).`,
  RESET_PORT: `Port of the SSPR reset site (${seen.a}, ${seen.c}, ${seen.d}).`,
  RESET_SERVERNAME: `MIM Service server the reset portal talks to (${seen.a}, ${seen.c}, ${seen.d}).`,
  IS_RESET_EXTRANET: `Extranet or None: reset portal exposure (${seen.a}, ${seen.c}, ${seen.d}).`,
  RESET_FIREWALL_CONF: `Opens the reset portal port in the firewall (${seen.a}, ${seen.c}, ${seen.d}).`,
  REQUIRE_REGISTRATION_INFO: `SSPR flag: require registration information (${seen.a}).`,
  REQUIRE_RESET_INFO: `SSPR flag: require reset information (${seen.a}).`,
  PASSWORDUSERS_CONF: `SSPR flag: configure password users (${seen.a}).`,
  PAM_REST_API_APPPOOL_ACCOUNT_NAME: `PAM REST API application pool account (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_REST_API_APPPOOL_ACCOUNT_PASSWORD: `PAM REST API application pool password (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_REST_API_APPPOOL_ACCOUNT_DOMAIN: `PAM REST API application pool domain (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_COMPONENT_SERVICE_ACCOUNT_NAME: `PAM component service account (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_COMPONENT_SERVICE_ACCOUNT_PASSWORD: `PAM component service password (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_COMPONENT_SERVICE_ACCOUNT_DOMAIN: `PAM component service domain (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_MONITORING_SERVICE_ACCOUNT_NAME: `PAM monitoring service account (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_MONITORING_SERVICE_ACCOUNT_PASSWORD: `PAM monitoring service password (${seen.a}, ${seen.b}, ${seen.c}).`,
  PAM_MONITORING_SERVICE_ACCOUNT_DOMAIN: `PAM monitoring service domain (${seen.a}, ${seen.b}, ${seen.c}).`,
  MIMPAM_REST_API_PORT: `PAM REST API port: 8086 in Microsoft's PAM guide, 8089 in xMIMDsc (${seen.a}, ${seen.b}, ${seen.c}).`,
  FIREWALL_CONF: `0 or 1: open the service ports (5725/5726) in the firewall (${seen.a}, ${seen.b}, ${seen.c}, ${seen.d}).`,
  RMS_PORT: `MIM Service resource management port, 5725 (${seen.d}).`,
  STS_PORT: `MIM Service security token service port, 5726 (${seen.d}).`,
  KEEPSQLJOBS: 'Keeps the MIM SQL Agent jobs on upgrade; new in SP2 (Microsoft version history; casing not shown publicly).',
  STORESERVER: `SQL Server host of the Synchronization Service database (${seen.a}).`,
  SQLINSTANCE: `Named SQL instance of the Synchronization Service database (${seen.a}).`,
  SQLDB: `Synchronization Service database name; default FIMSynchronizationService (${seen.a}).`,
  SQLSERVERSTORE: `RemoteMachine or LocalMachine: where the Sync database is; some scripts set it through a transform instead (${seen.a}).`,
  SERVICEACCOUNT: `Synchronization Service account; a gMSA name ends in $ (${seen.a}).`,
  SERVICEPASSWORD: `Synchronization Service account password; empty for a gMSA (${seen.a}).`,
  SERVICEDOMAIN: `Synchronization Service account domain (${seen.a}).`,
  GROUPADMINS: `MIMSyncAdmins group, DOMAIN\\name (${seen.a}).`,
  GROUPOPERATORS: `MIMSyncOperators group (${seen.a}).`,
  GROUPACCOUNTJOINERS: `MIMSyncJoiners group (${seen.a}).`,
  GROUPBROWSE: `MIMSyncBrowse group (${seen.a}).`,
  GROUPPASSWORDSET: `MIMSyncPasswordSet group (${seen.a}).`,
};

/** What each REBOOT value does (learn.microsoft.com/windows/win32/msi/reboot). */
export const rebootValueDescriptions: Readonly<Record<string, string>> = {
  Force: 'Always prompts for a restart at the end (restarts without prompt when unattended).',
  Suppress: 'Suppresses restarts at the end, but not those ForceReboot actions ask for.',
  ReallySuppress: 'Suppresses every restart the installation would start.',
  F: 'Force, by its first letter.',
  S: 'Suppress, by its first letter.',
  R: 'ReallySuppress, by its first letter.',
};
