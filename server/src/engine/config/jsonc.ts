// A small JSON-with-comments reader for .mimlintrc.json: `//` and `/* */` comments and trailing commas
// are allowed, as in VS Code's own settings files. It keeps the offsets of every key and value, so a
// wrong value is reported exactly where it is. It never throws: hostile input yields an error value.

import { shown } from '../message';

export type JsonNode =
  | { type: 'object'; start: number; end: number; properties: JsonProperty[] }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'number'; start: number; end: number; value: number }
  | { type: 'boolean'; start: number; end: number; value: boolean }
  | { type: 'null'; start: number; end: number; value: null };

export interface JsonProperty {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonSyntaxError {
  start: number;
  end: number;
  message: string;
}

export type JsoncResult = { root: JsonNode; error?: undefined } | { root?: undefined; error: JsonSyntaxError };

/** Deeper nesting than any config needs; the limit keeps a hostile file from overflowing the stack. */
const maxDepth = 64;

class SyntaxFailure {
  constructor(readonly error: JsonSyntaxError) {}
}

export function parseJsonc(text: string): JsoncResult {
  const reader = new Reader(text);
  try {
    reader.skipBlank();
    if (reader.pos >= text.length) reader.fail('the file is empty: expected an object such as { "rules": {} }');
    const root = reader.value(0);
    reader.skipBlank();
    if (reader.pos < text.length) reader.fail('unexpected text after the end of the JSON value');
    return { root };
  } catch (failure) {
    if (failure instanceof SyntaxFailure) return { error: failure.error };
    return { error: { start: 0, end: 0, message: `cannot read the file: ${String(failure)}` } };
  }
}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string, start = this.pos, end = Math.min(start + 1, this.text.length)): never {
    throw new SyntaxFailure({ start, end, message });
  }

  /** Whitespace and comments, which carry no meaning but keep their place in the offsets. */
  skipBlank(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') this.pos++;
      else if (c === '/' && text[this.pos + 1] === '/') {
        while (this.pos < text.length && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos++;
      } else if (c === '/' && text[this.pos + 1] === '*') {
        const close = text.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail('unterminated /* comment', this.pos, this.pos + 2);
        this.pos = close + 2;
      } else return;
    }
  }

  value(depth: number): JsonNode {
    if (depth > maxDepth) this.fail(`nested more than ${maxDepth} levels deep`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const start = this.pos;
      const value = this.string();
      return { type: 'string', start, end: this.pos, value };
    }
    return this.literal();
  }

  private object(depth: number): JsonNode {
    const start = this.pos++;
    const properties: JsonProperty[] = [];
    for (;;) {
      this.skipBlank();
      if (this.text[this.pos] === '}') break;
      if (this.text[this.pos] !== '"') this.fail(this.pos >= this.text.length ? 'unterminated object: expected }' : 'expected a property name in double quotes or }');
      const keyStart = this.pos;
      const key = this.string();
      const keyEnd = this.pos;
      this.skipBlank();
      if (this.text[this.pos] !== ':') this.fail('expected : after the property name');
      this.pos++;
      this.skipBlank();
      properties.push({ key, keyStart, keyEnd, value: this.value(depth + 1) });
      this.skipBlank();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') this.fail('expected , or } after the value');
    }
    this.pos++;
    return { type: 'object', start, end: this.pos, properties };
  }

  private array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    for (;;) {
      this.skipBlank();
      if (this.text[this.pos] === ']') break;
      if (this.pos >= this.text.length) this.fail('unterminated array: expected ]');
      items.push(this.value(depth + 1));
      this.skipBlank();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') this.fail('expected , or ] after the value');
    }
    this.pos++;
    return { type: 'array', start, end: this.pos, items };
  }

  private string(): string {
    const start = this.pos++;
    let value = '';
    const text = this.text;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '"') {
        this.pos++;
        return value;
      }
      if (c === '\n' || c === '\r') break;
      if (c === '\\') {
        value += this.escape();
        continue;
      }
      value += c;
      this.pos++;
    }
    return this.fail('unterminated string', start, this.pos);
  }

  private escape(): string {
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    const c = this.text[this.pos + 1];
    if (c !== undefined && simple[c] !== undefined) {
      this.pos += 2;
      return simple[c];
    }
    const hex = this.text.slice(this.pos + 2, this.pos + 6);
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail('invalid escape in string', this.pos, this.pos + 2);
  }

  private literal(): JsonNode {
    const start = this.pos;
    const match = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(start, start + 64));
    if (!match) {
      const word = /^[^\s,:{}[\]"/]+/.exec(this.text.slice(start, start + 64));
      if (this.pos >= this.text.length) this.fail('unexpected end of file: expected a value');
      this.fail(word ? `unexpected ${JSON.stringify(shown(word[0], 16))} (strings need double quotes)` : 'expected a value', start, start + (word?.[0].length ?? 1));
    }
    const raw = match[0];
    this.pos += raw.length;
    const end = this.pos;
    if (raw === 'true' || raw === 'false') return { type: 'boolean', start, end, value: raw === 'true' };
    if (raw === 'null') return { type: 'null', start, end, value: null };
    return { type: 'number', start, end, value: Number(raw) };
  }
}
