// AppContext switches that weaken TLS when set to true (Microsoft, "Transport Layer Security (TLS)
// best practices with the .NET Framework"): MIM110 flags them, hover explains them.
export const appContextSwitches: Readonly<Record<string, string>> = {
  'switch.system.net.dontenableschusestrongcrypto': 'turns off strong cryptography, so .NET may offer only older protocols',
  'switch.system.net.dontenablesystemdefaulttlsversions': 'makes .NET choose TLS versions itself instead of using the operating system defaults',
};
