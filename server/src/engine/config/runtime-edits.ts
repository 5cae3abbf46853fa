// Where a new <runtime> child goes: as the first child of <runtime>, which puts it before
// <assemblyBinding> as Microsoft's MIM guidance shows; a missing <runtime> is added at the end of
// <configuration>.
import type { SourceText } from '../source-text';
import type { TextEdit } from '../types';
import { insertFirstChild, insertLastChild } from '../xml/edit';
import type { ConfigFacts } from './facts';

export const recommendedFipsMarkup = '<enforceFIPSPolicy enabled="false" />';

export function insertIntoRuntime(source: SourceText, config: ConfigFacts, markup: string): TextEdit | undefined {
  if (config.runtime) return insertFirstChild(source, config.runtime, [[0, markup]]);
  if (!config.configuration) return undefined;
  return insertLastChild(source, config.configuration, [
    [0, '<runtime>'],
    [1, markup],
    [0, '</runtime>'],
  ]);
}
