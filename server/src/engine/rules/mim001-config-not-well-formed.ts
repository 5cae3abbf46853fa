import type { ConfigRule } from './rule';

export const mim001: ConfigRule = {
  meta: {
    id: 'MIM001',
    name: 'config-not-well-formed',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'The .config file is not well-formed XML, so the process it configures will not start.',
    fixable: false,
  },
  checkConfig({ config, report }) {
    const error = config.xml.error;
    if (!error) return;
    report({
      start: error.start,
      end: error.end,
      message:
        `Not well-formed XML: ${error.message}. Windows and the .NET runtime refuse to start a process whose ` +
        'config is not well-formed ("side-by-side configuration is incorrect"; MIM Service writes ' +
        'Microsoft.ResourceManagement.Service.exe_Emergency.log). Correct the XML here before deploying the file.',
    });
  },
};
