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
    // The reader says what is wrong; what breaks is the same for every line (a refused file says its own).
    for (const error of registry.syntaxErrors) {
      report({ start: error.start, end: error.end, message: error.fileRefused ? error.message : `${error.message}: this setting is not applied.` });
    }
  },
};
