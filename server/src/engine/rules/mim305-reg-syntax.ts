import type { Rule } from './rule';

export const mim305: Rule = {
  meta: {
    id: 'MIM305',
    name: 'reg-syntax',
    defaultSeverity: 'error',
    fileKinds: ['reg', 'inf'],
    summary: 'A malformed .reg line (header, key brackets, root key, data) or a malformed [Registry Values] line in a security template.',
    fixable: false,
  },
  checkRegistry({ registry, report }) {
    const consequence =
      registry.kind === 'reg'
        ? ' A setting regedit cannot read is not applied, so the TLS or FIPS hardening this file is meant to do is incomplete.'
        : ' A setting secedit cannot read is not applied, so the hardening this template is meant to do is incomplete.';
    for (const error of registry.syntaxErrors) {
      report({ start: error.start, end: error.end, message: error.fileRefused ? error.message : error.message + consequence });
    }
  },
};
