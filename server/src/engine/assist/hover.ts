// Hover text for what an admin reads in MIM deployment files: msiexec properties, features and
// values; the FIPS and runtime elements and AppContext switches of configs; SCHANNEL and .NET TLS
// registry keys and values in .reg/.inf files and scripts, with the state they leave.
import type { FileKind } from '../types';
import { readScript } from '../script/read-script';
import { configHover } from './config-hover';
import { msiHover } from './msi-hover';
import { registryFileHover, scriptRegistryHover } from './registry-hover';
import { scriptWindow } from './script-window';

export interface AssistHover {
  /** Markdown. */
  contents: string;
  /** The range the text is about. */
  start: number;
  end: number;
}

export function hoverAt(kind: FileKind, text: string, offset: number, fileName = ''): AssistHover | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  if (kind === 'cmd' || kind === 'powershell') {
    const window = scriptWindow(text, offset);
    const slice = text.slice(window.start, window.end);
    const model = readScript(kind, slice, fileName);
    const found = msiHover(model, slice, offset - window.start) ?? scriptRegistryHover(model, offset - window.start);
    return found && { ...found, start: found.start + window.start, end: found.end + window.start };
  }
  if (kind === 'config') return configHover(text, offset);
  // A host snapshot's certutil dump has nothing to explain on hover.
  if (kind === 'evidence') return undefined;
  return registryFileHover(kind, text, offset);
}
