// The manifest collect-host-evidence.cmd writes beside the exports (evidence-manifest.txt): `Host:`,
// `Date:` (in the server's own date format), `Wrote:` and `Missing:` lines. It only adds the host name,
// the date and which keys the server does not have; a snapshot without it is still a snapshot.
import { scanLines } from '../../registry/lines';

export interface ManifestLine {
  value: string;
  start: number;
  end: number;
}

export interface EvidenceManifest {
  host?: ManifestLine;
  date?: ManifestLine;
  /** Keys the collector asked for that the server does not have (`HKLM\…`, as written). */
  missing: ManifestLine[];
}

export function isManifest(text: string): boolean {
  return /^\s*Host\s*:/im.test(text) && /mim-lint host evidence/i.test(text);
}

export function readManifest(text: string): EvidenceManifest {
  const manifest: EvidenceManifest = { missing: [] };
  for (const line of scanLines(text)) {
    const match = /^(Host|Date|Missing)\s*:\s*(.*)$/i.exec(text.slice(line.start, line.end));
    if (!match || match[2].trim() === '') continue;
    const entry = { value: match[2].trim(), start: line.start, end: line.end };
    const name = match[1].toLowerCase();
    if (name === 'host') manifest.host ??= entry;
    else if (name === 'date') manifest.date ??= entry;
    else manifest.missing.push(entry);
  }
  return manifest;
}
