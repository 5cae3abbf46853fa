// Reads a .cmd/.bat file into the script model: comments, `set` variables expanded in file order,
// blocks, and each command with its tokens. Nothing is executed.
import type { ScriptCommand, ScriptComment, ScriptModel, Token } from '../model';
import { expandDelayed, expandPercent, maxValueLength, type Variables } from './expand';
import { logicalLines } from './logical-lines';
import { CharRun } from './char-run';
import { splitCommands, tokenize } from './split';
import { cmdFlow, type CmdItem, type Prefix } from './flow';
import { ForLoops } from './for-loops';

export function readCmd(text: string, fileName: string): ScriptModel {
  const variables: Variables = new Map();
  const directory = scriptDirectory(fileName);
  const commands: ScriptCommand[] = [];
  const comments: ScriptComment[] = [];
  const items: CmdItem[] = [];
  let depth = 0;
  let delayed = false;
  const scratch = new CharRun(256);
  const delayedScratch = new CharRun(256);
  const loops = new ForLoops();
  for (const line of logicalLines(text)) {
    loops.nextLine();
    const firstWord = /^\s*@?\s*(::|rem(?=$|[\s:.,;=(]))/i.exec(line.chars.text(0, 64));
    if (firstWord) {
      comments.push(commentOf(line.chars, firstWord[0].length, line.end));
      continue;
    }
    const percent = expandPercent(line.chars, variables, directory, scratch);
    const expanded = delayed ? expandDelayed(percent, variables, delayedScratch) : percent;
    const split = splitCommands(expanded, depth);
    depth = split.depthAfter;
    for (const raw of split.commands) {
      const tokens = tokenize(raw.chars, raw.from, raw.to);
      const { words, prefixes } = stripPrefixes(tokens);
      loops.enter(raw.depth);
      if (prefixes.includes('for') && loops.begin(raw.chars.text(raw.from, raw.to), raw.depth)) prefixes[prefixes.indexOf('for')] = 'for-each';
      const item: CmdItem = { prefixes, command: undefined, separator: raw.separator, depth: raw.depth, opens: raw.opens };
      if (words.length === 0) {
        if (raw.opens || prefixes.length > 0) items.push(item);
        continue;
      }
      const head = words[0].text.toLowerCase().replace(/^@/, '');
      if (head === 'rem') {
        comments.push({ start: words[0].start, end: line.end, text: text.slice(words[0].end, line.end).trim() });
        break;
      }
      if (head === 'set') recordSet(raw.chars.slice(raw.from, raw.to), words, variables);
      if (head === 'setlocal') delayed = enablesDelayedExpansion(words, delayed);
      item.command = toCommand(words, line, raw.depth);
      item.variants = loops.variants(item.command);
      commands.push(...(item.variants ?? [item.command]));
      items.push(item);
    }
  }
  return { language: 'cmd', commands, comments, code: codeRanges(text.length, comments), flow: cmdFlow(items) };
}

function enablesDelayedExpansion(words: readonly Token[], before: boolean): boolean {
  for (const word of words.slice(1)) {
    const option = word.text.toLowerCase();
    if (option === 'enabledelayedexpansion') return true;
    if (option === 'disabledelayedexpansion') return false;
  }
  return before;
}

function scriptDirectory(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('\\'), fileName.lastIndexOf('/'));
  return cut >= 0 ? fileName.slice(0, cut + 1) : '';
}

function commentOf(chars: CharRun, markerLength: number, end: number): ScriptComment {
  let first = 0;
  while (first < chars.length && (chars.ch(first).trim() === '' || chars.ch(first) === '@')) first++;
  return { start: first < chars.length ? chars.start(first) : end, end, text: chars.text(markerLength).trim() };
}

/** Drops `if …` conditions, `for … do`, `else` and `@` so the command that runs comes first. */
function stripPrefixes(tokens: Token[]): { words: Token[]; prefixes: Prefix[] } {
  let words = tokens;
  const prefixes: Prefix[] = [];
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const head = words[0].text.toLowerCase().replace(/^@/, '');
    if (head === '') words = words.slice(1);
    else if (head === 'else') {
      prefixes.push('else');
      words = words.slice(1);
    } else if (head === 'if') {
      prefixes.push('if');
      words = words.slice(1 + ifConditionLength(words.slice(1)));
    } else if (head === 'for') {
      prefixes.push('for');
      const doAt = words.findIndex((w) => w.text.toLowerCase() === 'do');
      words = doAt < 0 ? [] : words.slice(doAt + 1);
    } else break;
  }
  return { words, prefixes };
}

function ifConditionLength(words: readonly Token[]): number {
  let n = 0;
  while (n < words.length && /^(\/i|not)$/i.test(words[n].text)) n++;
  const keyword = words[n]?.text.toLowerCase();
  if (keyword === 'errorlevel' || keyword === 'exist' || keyword === 'defined' || keyword === 'cmdextversion') return n + 2;
  if (words[n]?.text.includes('==')) return n + 1;
  if (words[n + 1] && /^(==|equ|neq|lss|leq|gtr|geq)$/i.test(words[n + 1].text)) return n + 3;
  return n + 1;
}

/** `set NAME=value` and `set "NAME=value"`: the value as the rest of the command, as cmd stores it. */
function recordSet(chars: CharRun, words: readonly Token[], variables: Variables): void {
  if (words.length < 2 || /^\/[ap]$/i.test(words[1].text)) {
    const name = /^([^=]+)=/.exec(words[2]?.text ?? '')?.[1];
    if (name) variables.delete(name.toUpperCase());
    return;
  }
  let from = -1;
  for (let i = 0; i < chars.length; i++) {
    if (chars.start(i) >= words[1].start && chars.ch(i).trim() !== '') {
      from = i;
      break;
    }
  }
  if (from < 0) return;
  let to = chars.length;
  if (chars.ch(from) === '"') {
    from++;
    let lastQuote = chars.length - 1;
    while (lastQuote > from && chars.ch(lastQuote) !== '"') lastQuote--;
    to = lastQuote > from ? lastQuote : chars.length;
  }
  const equals = chars.indexOf(61 /* = */, from);
  if (equals <= from || equals >= to) return;
  const name = chars.text(from, equals).toUpperCase();
  if (to - equals - 1 > maxValueLength) variables.delete(name);
  else variables.set(name, chars.slice(equals + 1, to));
}

function toCommand(words: Token[], line: { start: number; end: number; indent: string }, depth: number): ScriptCommand {
  let program = words[0];
  let args = words.slice(1);
  let via: string | undefined;
  const head = programName(program.text);
  if (head === 'start') {
    via = 'start';
    let i = 0;
    // A first quoted argument is the window title; options come before the program.
    if (args[0]?.quoted && args.length > 1) i++;
    while (i < args.length && /^\/\w+$/.test(args[i].text)) i += /^\/d$/i.test(args[i].text) ? 2 : 1;
    if (i < args.length) [program, args] = [args[i], args.slice(i + 1)];
  } else if (head === 'call' && args.length > 0 && programName(args[0].text) === 'msiexec') {
    via = 'call';
    [program, args] = [args[0], args.slice(1)];
  }
  return {
    name: programName(program.text),
    nameToken: program,
    args,
    named: {},
    positional: [],
    via,
    start: words[0].start,
    end: words[words.length - 1].end,
    statementStart: line.start + line.indent.length,
    statementEnd: line.end,
    indent: line.indent,
    depth,
  };
}

/** `"C:\Windows\System32\msiexec.exe"` → `msiexec`. */
export function programName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf('\\'), word.lastIndexOf('/')) + 1).toLowerCase();
  return base.replace(/^@/, '').replace(/\.(exe|com)$/, '');
}

function codeRanges(length: number, comments: readonly ScriptComment[]): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const comment of [...comments].sort((a, b) => a.start - b.start)) {
    if (comment.start > at) ranges.push({ start: at, end: comment.start });
    at = Math.max(at, comment.end);
  }
  if (at < length) ranges.push({ start: at, end: length });
  return ranges;
}
