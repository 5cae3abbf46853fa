// The Microsoft guidance that findings cite, named once so every message quotes it the same way.
export const preparingTls = 'Microsoft, "Planning MIM 2016 SP2 in TLS 1.2 or FIPS-mode environments"';
export const fipsElementDocs = 'Microsoft, ".NET Framework <enforceFIPSPolicy> element"';
export const appContextDocs = 'Microsoft, ".NET Framework <AppContextSwitchOverrides> element" (requires .NET Framework 4.6 or later)';
export const netTlsDocs = 'Microsoft, "Transport Layer Security (TLS) best practices with the .NET Framework"';
