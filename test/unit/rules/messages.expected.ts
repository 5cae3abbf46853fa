// The exact messages of messages.test.ts, reviewed by hand: a change of wording shows here.
export const expectedMessages: Record<string, string[]> = {
  "example service config": [
    'MIM108 useLegacyV2RuntimeActivationPolicy="true" makes MIM Service load .NET 4, reported to break SSPR workflows.',
    'MIM103 <EnforceFIPSPolicy> inside <configuration>, where .NET ignores it: FIPS enforcement stays on.',
    'MIM104 <EnforceFIPSPolicy> must be spelled <enforceFIPSPolicy>: .NET ignores it and FIPS enforcement stays on.',
    'MIM105 enabled="False" is not exactly true or false, so FIPS enforcement may stay on; write "false".',
    'MIM101 No <enforceFIPSPolicy enabled="false"/> in <runtime>: MIM Service workflows fail on this FIPS host.',
    'MIM103 <enforceFIPSPolicy> inside <assemblyBinding>, where .NET ignores it: FIPS enforcement stays on.',
  ],
  "example sync config": [
    'MIM110 DontEnableSchUseStrongCrypto=true weakens TLS: Sync Service connections fail on this TLS 1.2-only host.',
  ],
  "example install script": [
    'MIM201 Unattended MIM Service install after this script disabled TLS 1.1: it fails unless TLS 1.1 is enabled while it runs.',
    '  related: TLS 1.1 left disabled here on the path to the install',
    'MIM203 CERTIFICATE_NAME=ForefrontIdentityManager is the self-signed default, unusable by MIM Service on a TLS 1.2-only host.',
    'MIM208 REBOOT=ReallySupress is misspelled; Windows Installer reads only the first letter: it acts as ReallySuppress.',
  ],
  "example prerequisites": [
    'MIM204 11.0.6020.0 is older than SQL Server Native Client 11.0.7001.0: older builds cannot reach SQL Server over TLS 1.2.',
    'MIM205 OLE DB Driver versions compared as text ("18.10.0.0" < "18.2.1.0"): the check can pass too-old builds.',
    'MIM206 The SQLOLEDB provider is not fit for TLS 1.2: on this TLS 1.2-only host the connection fails ("no common algorithm").',
  ],
  "never closed": [
    'MIM001 Not well-formed XML (</configuration> does not close the open <runtime>): the process will not start.',
  ],
  "bare ampersand": [
    'MIM001 Not well-formed XML (Invalid character in entity name; write & as &amp;): the process will not start.',
  ],
  "broken transform": [
    'MIM001 Not well-formed XML (</runtime> does not close the open <enforceFIPSPolicy>): the deployment that applies it fails.',
  ],
  "directive with dashes": [
    'MIM900 Unused suppression: no MIM106 finding on the next line to suppress.',
    "MIM001 \"--\" in a comment is not well-formed XML, so the process will not start; write the directive's reason after \":\".",
  ],
  "namespaced root": [
    'MIM002 xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0" on <configuration>: the process will not start.',
  ],
  "wrong root": [
    'MIM002 The root element is <settings>, not <configuration>: the process will not start.',
  ],
  "policy missing": [
    'MIM101 No <enforceFIPSPolicy enabled="false"/> in <runtime>: MIM Service workflows fail on this FIPS host.',
  ],
  "policy enforced": [
    'MIM102 enabled="true" enforces the FIPS policy: MIM Service workflows fail on this FIPS host.',
  ],
  "policy misplaced": [
    'MIM101 No <enforceFIPSPolicy enabled="false"/> in <runtime>: MIM Service workflows fail on this FIPS host.',
    'MIM103 <enforceFIPSPolicy> inside <assemblyBinding>, where .NET ignores it: FIPS enforcement stays on.',
  ],
  "policy wrong case": [
    'MIM104 <EnforceFipsPolicy> must be spelled <enforceFIPSPolicy>: .NET ignores it and FIPS enforcement stays on.',
    'MIM104 The attribute Enabled must be spelled enabled: .NET ignores it and FIPS enforcement stays on.',
  ],
  "policy value 0": [
    'MIM105 enabled="0" is not exactly true or false, so FIPS enforcement may stay on; write "false".',
  ],
  "policy without value": [
    'MIM105 <enforceFIPSPolicy> has no enabled attribute, so it does not switch FIPS enforcement off.',
  ],
  "policy after binding, twice": [
    "MIM106 <enforceFIPSPolicy> after <assemblyBinding> works, but Microsoft's MIM guidance places it before <assemblyBinding>.",
    'MIM107 A second enforceFIPSPolicy in <runtime> (the first is on line 8): which one .NET honours is undocumented.',
  ],
  "transform removes policy": [
    'MIM101 This RemoveAll transform drops <enforceFIPSPolicy>: MIM Service workflows fail on this FIPS host.',
  ],
  "transform removes runtime": [
    'MIM101 This Remove transform drops <runtime> with its <enforceFIPSPolicy>: MIM Service workflows fail on this FIPS host.',
  ],
  "transform replaces runtime": [
    'MIM101 The replacing <runtime> lacks <enforceFIPSPolicy enabled="false"/>: MIM Service workflows fail on this FIPS host.',
  ],
  "transform enforces policy": [
    'MIM102 This transform sets <enforceFIPSPolicy enabled="true"/>: MIM Service workflows fail on this FIPS host.',
  ],
  "transform inserts misplaced policy": [
    'MIM103 This transform puts <enforceFIPSPolicy> inside <configuration>, where .NET ignores it: FIPS enforcement stays on.',
  ],
  "service on CLR 4": [
    'MIM108 supportedRuntime v4.0.30319 listed first makes MIM Service load .NET 4, reported to break SSPR workflows.',
  ],
  "switches in the service config": [
    'MIM109 AppContextSwitchOverrides does nothing here: MIM Service runs on .NET 3.5, and the switches need .NET 4.6 or later.',
  ],
  "install after hardening": [
    'MIM201 Unattended MIM Service install after this script disabled TLS 1.1: it fails unless TLS 1.1 is enabled while it runs.',
    '  related: TLS 1.1 left disabled here on the path to the install',
    'MIM208 SQMOPTINSETTING takes 0 or 1, not "yes": the installer may read it otherwise; write 1.',
  ],
  "TLS 1.1 left on": [
    'MIM202 TLS 1.1 is enabled for the install and never disabled again: this TLS 1.2-only host is left accepting TLS 1.1.',
  ],
  "msiexec properties": [
    'MIM203 No CERTIFICATE_NAME: this install makes a self-signed certificate, unusable by MIM Service on a TLS 1.2-only host.',
    'MIM201 Unattended MIM Service install on this TLS 1.2-only host: it fails unless TLS 1.1 is enabled while it runs.',
    'MIM208 ADDLOCAL feature registrationportal must be spelled RegistrationPortal, or it is not installed.',
    'MIM207 SERVICE_ACOUNT_DOMAIN is unknown to Service and Portal.msi (did you mean SERVICE_ACCOUNT_DOMAIN?): msiexec ignores it.',
    'MIM208 REBOOT=ReallySupress is misspelled; Windows Installer reads only the first letter: it acts as ReallySuppress.',
  ],
  "self-signed certificate": [
    'MIM203 This creates a self-signed certificate for MIM, unusable by MIM Service on a TLS 1.2-only host.',
  ],
  "SQL client checks": [
    'MIM205 This checks only for MSOLEDBSQL19, but the MIM Service installer needs MSOLEDBSQL (OLE DB Driver 18.2 or later).',
  ],
  "hardening, client only": [
    'MIM301 TLS 1.0 is disabled in Client, not set in Server: connections it accepts keep the Windows default.',
    'MIM301 TLS 1.2 is enabled in Client, not set in Server: connections it accepts keep the Windows default.',
  ],
  "hardening that disables TLS 1.2": [
    'MIM302 TLS 1.2 is also disabled (Enabled=0) in Server: no protocol left for connections it accepts.',
    'MIM301 TLS 1.2 is enabled in Client but disabled in Server: connections in and out of this host differ.',
  ],
  "hardening without .NET 3.5 keys": [
    "MIM303 No SystemDefaultTlsVersions=1 under the 64-bit v2.0.50727 key: MIM Service's TLS connections fail.",
    'MIM304 SchUseStrongCrypto=0 turns strong crypto off for .NET 4.x (Sync Service): it fails on a TLS 1.2-only host.',
    'MIM304 SystemDefaultTlsVersions=0 ignores the OS TLS versions for .NET 3.5 (MIM Service): it fails on a TLS 1.2-only host.',
  ],
  "malformed .reg": [
    'MIM305 regedit does not accept the abbreviation HKLM (write HKEY_LOCAL_MACHINE): this setting is not applied.',
    'MIM305 dword data needs 1 to 8 hexadecimal digits (dword:00000001): this setting is not applied.',
    'MIM305 Unknown data type (use "text", dword:, hex:, hex(N): or -): this setting is not applied.',
  ],
  ".reg without header": [
    'MIM305 No "Windows Registry Editor Version 5.00" header on the first line: regedit refuses to import the file.',
  ],
  "malformed security template": [
    'MIM305 The data is written type,data (4,1 for a REG_DWORD of 1, 1,"text" for a string): this setting is not applied.',
  ],
  "snapshot: Native Client 11": [
    'MIM401 Native Client 11 11.3.6020.0 is older than 11.4.7001.0: MIM Sync cannot reach SQL Server over TLS 1.2.',
  ],
  "snapshot: OLE DB Driver": [
    'MIM402 OLE DB Driver 18.1.0.0 is older than 18.2.1, which the MIM Service installer needs on this TLS 1.2-only host.',
  ],
  "snapshot: MIM build": [
    'MIM403 MIM Service and Portal 4.5.286.0 is older than SP2 (4.6.34.0), the first build that works on TLS 1.2-only hosts.',
  ],
  "snapshot: certificate store": [
    'MIM404 Subject equals Issuer: likely the self-signed ForefrontIdentityManager certificate, unusable by MIM Service on TLS 1.2.',
  ],
  "conflicting FIPS evidence": [
    'MIM306 This conflicts with mimsvc2/harden.cmd:5 and 1 more on FIPS mode: it stays unknown, so its rules stay silent.',
    '  related: FIPS mode is disabled here',
    '  related: FIPS mode is disabled here',
  ],
  "unused directives": [
    'MIM900 Unused suppression: no MIM201 finding on the next line to suppress.',
    'MIM900 Unused suppression: no MIM206 finding on the next line to suppress.',
    "MIM900 \"reviewed with the MIM team\" are not rule IDs: did you mean to write a reason after ':'?",
    'MIM900 Unknown rule "MIM999" in this directive: there is no such mim-lint rule, so it suppresses nothing.',
    'MIM900 Unknown directive "mim-lint-disabel-file" suppresses nothing (use mim-lint-disable-next-line, -line or -file).',
  ],
  "unknown rule, bad value": [
    'MIM901 Invalid .mimlintrc.json: MIM106 must be "off", "hint", "info", "warning" or "error" (ignored).',
    'MIM901 Invalid .mimlintrc.json: unknown rule "mim108": rule IDs are written MIM108 (ignored).',
    'MIM901 Invalid .mimlintrc.json: unknown rule "MIM999": no such rule (MIM001…MIM900) (ignored).',
    'MIM901 Invalid .mimlintrc.json: "archive/{old" is not a usable glob: the "{" at character 9 is never closed (ignored).',
  ],
  "unknown key": [
    'MIM901 Invalid .mimlintrc.json: unknown key "hosts": expected "host", "rules", "ignore" (ignored).',
  ],
  "not JSON": [
    'MIM901 Invalid .mimlintrc.json: not valid JSON, so none of it applies: expected , or } after the value.',
  ],
};
