// Hover text for what an admin reads in MIM deployment files: msiexec properties, features and
// values; the FIPS and runtime elements and AppContext switches of configs; SCHANNEL and .NET TLS
// registry keys and values in .reg/.inf files and scripts, with the state they leave.
import type { FileKind } from '../types';
import { readScript } from '../script/read-script';
import { configHover } from './config-hover';
import { msiHover } from './msi-hover';
import { registryFileHover, scriptRegistryHover } from './registry-hover';

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
    const model = readScript(kind, text, fileName);
    return msiHover(model, text, offset) ?? scriptRegistryHover(model, offset);
  }
  if (kind === 'config') return configHover(text, offset);
  return registryFileHover(kind, text, offset);
}
