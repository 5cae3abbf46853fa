// Shared by the registry tests: files are written with LF and no BOM, and each test runs them in the
// layouts regedit and editors produce (CRLF, BOM). `apply` makes a whole file, `lines` a snippet of one.
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/index';
import { applyPreferredFix, hosts, lintFindings } from '../helpers';

export const eols = [
  { name: 'LF', apply: (t: string) => t, lines: (t: string) => t },
  { name: 'CRLF', apply: (t: string) => t.replace(/\n/g, '\r\n'), lines: (t: string) => t.replace(/\n/g, '\r\n') },
  { name: 'CRLF, BOM', apply: (t: string) => '\uFEFF' + t.replace(/\n/g, '\r\n'), lines: (t: string) => t.replace(/\n/g, '\r\n') },
  { name: 'LF, BOM', apply: (t: string) => '\uFEFF' + t, lines: (t: string) => t },
];

export const header = 'Windows Registry Editor Version 5.00';
export const protocols = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

/** A .reg file: the header, a blank line, then the given lines, each ending in LF. */
export function reg(...lines: string[]): string {
  return [header, '', ...lines].map((line) => line + '\n').join('');
}

/** A `[…\Protocols\<protocol>\<side>]` block with Enabled and DisabledByDefault. */
export function protocolBlock(protocol: string, side: string, enabled: string, disabledByDefault?: string): string[] {
  const lines = [`[${protocols}\\${protocol}\\${side}]`, `"Enabled"=dword:${enabled}`];
  if (disabledByDefault !== undefined) lines.push(`"DisabledByDefault"=dword:${disabledByDefault}`);
  return lines;
}

/** Both sides of SSL 3.0, TLS 1.0 and TLS 1.1 disabled, blocks separated by blank lines. */
export function olderDisabled(): string[] {
  return ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'].flatMap((protocol) =>
    ['Client', 'Server'].flatMap((side) => [...protocolBlock(protocol, side, '00000000', '00000001'), '']),
  );
}

/** Applies the preferred fix of `ruleId`, checks the exact result, that the finding is gone and that the fix adds no syntax error. */
export function fixRoundTrip(text: string, fileName: string, ruleId: string, expected: string): void {
  const fixed = applyPreferredFix(text, fileName, hosts.unknown, ruleId);
  assert.equal(fixed, expected);
  const syntax = (t: string) => lintFindings(t, fileName, hosts.unknown).filter((f) => f.ruleId === 'MIM305').length;
  assert.equal(syntax(fixed), syntax(text), 'the fix adds no syntax error');
}

/** Applies a fix that is not the preferred one (by title prefix). */
export function applyFix(text: string, fileName: string, ruleId: string, title: string): string {
  const finding = lintFindings(text, fileName, hosts.unknown).find((f) => f.ruleId === ruleId);
  const fix = finding?.fixes?.find((f) => f.title.startsWith(title));
  assert.ok(fix, `${ruleId} offers "${title}"`);
  return applyEdits(text, fix.edits);
}
