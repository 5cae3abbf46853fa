// Hover in .exe.config files: enforceFIPSPolicy, supportedRuntime (which CLR its version means) and
// the switches of AppContextSwitchOverrides. A scan of the tag under the cursor: it need not parse.
import { fipsElementName } from '../config/facts';
import { appContextSwitches } from '../config/appcontext-switches';
import type { AssistHover } from './hover';

const elementDocs: Record<string, string> = {
  [fipsElementName]:
    '**enforceFIPSPolicy** (inside `<runtime>`): `enabled="false"` stops .NET from enforcing the FIPS policy for this program. ' +
    'On a FIPS-mode host MIM Service needs it, or its workflows fail with "Access Denied"; installers and hotfixes may ' +
    'overwrite the config, so re-apply it after each (facts §3).',
  supportedRuntime:
    '**supportedRuntime** (inside `<startup>`): the CLR versions the program may run on. `v2.0.50727` is CLR 2 (.NET 2.0–3.5, ' +
    'MIM Service): its TLS registry values live under `.NETFramework\\v2.0.50727` and AppContext switches do nothing. ' +
    '`v4.0` is CLR 4 (.NET 4.x, the MIM Sync engine): `v4.0.30319` values and AppContext switches apply.',
  AppContextSwitchOverrides:
    '**AppContextSwitchOverrides** (inside `<runtime>`): `name=true|false` pairs separated by semicolons that change .NET 4.6+ ' +
    'behaviour. MIM Service runs on .NET 3.5, where they have no effect; the Sync engine (CLR 4) reads them.',
};

export function configHover(text: string, offset: number): AssistHover | undefined {
  const tagStart = text.lastIndexOf('<', offset - 1);
  if (tagStart < 0 || text.lastIndexOf('>', offset - 1) > tagStart) return undefined;
  const name = /^<\/?([\w:.-]+)/.exec(text.slice(tagStart));
  if (!name) return undefined;
  const nameStart = tagStart + name[0].length - name[1].length;
  const nameEnd = nameStart + name[1].length;
  if (offset >= nameStart && offset <= nameEnd) {
    const docs = elementDocs[name[1]];
    return docs ? { contents: docs, start: nameStart, end: nameEnd } : undefined;
  }
  if (name[1] !== 'AppContextSwitchOverrides') return undefined;
  const value = /\bvalue\s*=\s*(["'])([^"']*)/.exec(text.slice(tagStart, text.indexOf('>', tagStart) + 1 || text.length));
  if (!value) return undefined;
  const valueStart = tagStart + value.index + value[0].length - value[2].length;
  if (offset < valueStart || offset > valueStart + value[2].length) return undefined;
  let at = valueStart;
  for (const pair of value[2].split(';')) {
    const end = at + pair.length;
    if (offset <= end) {
      const [switchName, setting = ''] = pair.split('=').map((part) => part.trim());
      const effect = appContextSwitches[switchName.toLowerCase()];
      if (!switchName) return undefined;
      const contents = effect
        ? `**${switchName}=${setting}**: when true, ${effect}. On a TLS 1.2-only host set it to false.`
        : `**${switchName}**: an AppContext switch; mim-lint knows no TLS effect of it. Read by .NET 4.6 and later only.`;
      return { contents, start: at + pair.indexOf(switchName), end };
    }
    at = end + 1;
  }
  return undefined;
}
