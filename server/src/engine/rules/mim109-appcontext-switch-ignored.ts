import { deploysElement } from '../config/facts';
import type { ConfigRule } from './rule';

export const mim109: ConfigRule = {
  meta: {
    id: 'MIM109',
    name: 'appcontext-switch-ignored',
    defaultSeverity: 'info',
    fileKinds: ['config'],
    summary: 'AppContextSwitchOverrides in the MIM Service config has no effect: MIM Service runs on .NET 3.5.',
    fixable: false,
  },
  checkConfig({ config, report }) {
    // Only when the service surely runs on CLR 2: with <startup> choosing CLR 4 (MIM108) the switches
    // may apply after all, and when the choice is unclear the rule cannot be sure.
    if (config.role !== 'mim-service' || !config.runtime || config.loadedRuntime.clr !== 'CLR 2') return;
    for (const element of config.runtime.children) {
      if (element.name !== 'AppContextSwitchOverrides' || !deploysElement(config, element)) continue;
      report({
        start: element.nameStart,
        end: element.nameEnd,
        message: 'AppContextSwitchOverrides does nothing here: MIM Service runs on .NET 3.5, and the switches need .NET 4.6 or later.',
      });
    }
  },
};
