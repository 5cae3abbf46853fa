// Hostile and broken input: the reader never throws, never hangs, and reads a megabyte in well under
// a second; what is unterminated ends at the end of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScriptModel } from '../../../server/src/engine/script/model';
import { only, read, sources, texts } from './powershell-helpers';

/**
 * The time budget for reading `text`: under a second, or on a busy machine a multiple of a plain
 * linear pass that allocates like a tokenizer does (a quadratic reader misses either by far).
 */
function budgetFor(text: string): number {
  let baseline = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const objects: Array<{ start: number; text: string }> = [];
    for (let i = 0; i < text.length; i += 4) objects.push({ start: i, text: text.slice(i, i + 4) });
    baseline = Math.min(baseline, performance.now() - started);
  }
  return Math.max(1000, 40 * baseline);
}

/** The best of three reads, so a busy test machine does not decide the result. */
function timedRead(text: string): { model: ScriptModel; elapsed: number } {
  let elapsed = Infinity;
  let model = read('');
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    model = read(text);
    elapsed = Math.min(elapsed, performance.now() - started);
  }
  return { model, elapsed };
}

test('an unterminated string runs to the end of the file', () => {
  const text = "msiexec /i 'C:\\x.msi\nmsiexec /x y.msi\n";
  const command = only(read(text), 'msiexec');
  assert.deepEqual(texts(command.args), ['/i', 'C:\\x.msi\nmsiexec /x y.msi\n']);
  assert.equal(command.end, text.length);
});

test('unterminated here-string, block comment, subexpression and group end at EOF', () => {
  const hereString = read('$a = @"\n/i x.msi\nStart-Process msiexec -ArgumentList $a\n');
  assert.deepEqual(hereString.commands, []);
  const comment = read('<# msiexec /i x.msi\n');
  assert.deepEqual(comment.commands, []);
  assert.deepEqual(comment.comments, [{ start: 0, end: 20, text: ' msiexec /i x.msi\n' }]);
  assert.deepEqual(comment.code, []);
  const subexpression = read('Write-Host "a $(b "c $(d');
  assert.deepEqual(texts(only(subexpression, 'write-host').args), ['a $(b "c $(d']);
  const group = read('if ($x) {\n  msiexec /i x.msi (\n');
  assert.equal(only(group, 'msiexec').depth, 1);
});

test('stray closers and a lone backtick at the end are kept as text', () => {
  const model = read('msiexec /i x.msi ) } ] `');
  assert.deepEqual(texts(only(model, 'msiexec').args), ['/i', 'x.msi']);
  assert.deepEqual(sources('msiexec /i x.msi ) } ] `', only(model, 'msiexec').args), ['/i', 'x.msi']);
});

test('10,000 nested braces and parentheses', () => {
  const braces = '{'.repeat(10_000) + '\nmsiexec /i deep.msi\n' + '}'.repeat(10_000);
  assert.doesNotThrow(() => read(braces));
  const parens = 'Write-Host ' + '('.repeat(10_000) + "'x'" + ')'.repeat(10_000);
  assert.doesNotThrow(() => read(parens));
  const strings = 'Write-Host ' + '"$('.repeat(10_000);
  assert.doesNotThrow(() => read(strings));
  const assignments = Array.from({ length: 2_000 }, () => '$a = "$a$a"; $b += $b; $b += \'x\'').join('\n');
  assert.doesNotThrow(() => read("$a = 'seed'; $b = @('x')\n" + assignments + '\nmsiexec $a $b'));
});

test('a megabyte of random printable text reads in well under a second', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const alphabet = ' \t\n\r\n' + Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '$@(){}"\'`#<>|;,=';
  const chars: string[] = [];
  for (let i = 0; i < 1_000_000; i++) chars.push(alphabet[Math.floor(random() * alphabet.length)]);
  const text = chars.join('');
  const { model, elapsed } = timedRead(text);
  const budget = budgetFor(text);
  assert.ok(elapsed < budget, `took ${elapsed.toFixed(0)} ms, budget ${budget.toFixed(0)} ms`);
  const covered = model.code.reduce((n, r) => n + r.end - r.start, 0) + model.comments.reduce((n, c) => n + c.end - c.start, 0);
  assert.equal(covered, text.length);
});

test('a megabyte of realistic script reads in well under a second', () => {
  const block = [
    "$msiArgs = @('/i', \"`\"$Media\\Service and Portal.msi`\"\", '/qn', 'ACCEPT_EULA=1')",
    '$msiArgs += "SQLSERVER_SERVER=$Sql"',
    'foreach ($v in 1, 2) { New-ItemProperty -Path "HKLM:\\SOFTWARE\\X\\$v" -Name Enabled -Value 0 -PropertyType DWord -Force | Out-Null }',
    'Start-Process msiexec.exe -ArgumentList $msiArgs -Wait -PassThru # install',
    '',
  ].join('\n');
  const text = block.repeat(Math.ceil(1_000_000 / block.length));
  const { model, elapsed } = timedRead(text);
  const budget = budgetFor(text);
  assert.ok(elapsed < budget, `took ${elapsed.toFixed(0)} ms, budget ${budget.toFixed(0)} ms`);
  const blocks = Math.ceil(1_000_000 / block.length);
  assert.equal(model.commands.filter((c) => c.name === 'msiexec').length, blocks);
  // `foreach ($v in 1, 2)` over a literal list is read once per item.
  assert.equal(model.commands.filter((c) => c.name === 'new-itemproperty').length, 2 * blocks);
});
