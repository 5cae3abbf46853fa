import { appContextSwitches } from '../config/appcontext-switches';
import { attribute } from '../xml/model';
import { deploysAttribute } from '../config/facts';
import type { ConfigRule } from './rule';

export const mim110: ConfigRule = {
  meta: {
    id: 'MIM110',
    name: 'tls-weakening-switch',
    defaultSeverity: 'warning',
    fileKinds: ['config'],
    summary: 'On a TLS 1.2-only host a Sync Service config sets an AppContext switch that weakens TLS.',
    fixable: true,
    usesProfile: 'tls12Only',
  },
  checkConfig({ config, profile, report }) {
    if (profile.tls12Only.value !== 'on' || config.role !== 'mim-sync' || !config.runtime) return;
    for (const element of config.runtime.children) {
      const value = element.name === 'AppContextSwitchOverrides' ? attribute(element, 'value') : undefined;
      // In a transform, only a value it writes (Insert, Replace, SetAttributes) reaches the deployed config.
      if (!value || !deploysAttribute(config, element, value)) continue;
      // Scan the value as written, so ranges stay exact: name=value pairs separated by semicolons.
      for (const pair of value.rawValue.matchAll(/([^;=]+)=([^;]*)/g)) {
        const name = pair[1].trim();
        const effect = appContextSwitches[name.toLowerCase()];
        if (!effect || pair[2].trim().toLowerCase() !== 'true') continue;
        const start = value.valueStart + pair.index! + pair[1].indexOf(name);
        const valueOffset = value.valueStart + pair.index! + pair[1].length + 1;
        report({
          start,
          end: value.valueStart + pair.index! + pair[0].length,
          message: `${name.replace(/^Switch\.System\.Net\./i, '')}=true weakens TLS: Sync Service connections fail on this TLS 1.2-only host.`,
          related: profile.tls12Only.evidence,
          fixes: [
            { title: `Set ${name}=false`, edits: [{ start: valueOffset, end: valueOffset + pair[2].length, newText: 'false' }], preferred: true },
          ],
        });
      }
    }
  },
};
