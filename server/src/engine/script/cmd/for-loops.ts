// `for %%V in ("TLS 1.0" "TLS 1.1") do …` over a literal set: the commands of the body are read once
// per item with `%%V` / `%%~V` replaced, so `reg add "%P%\%%~V\Client" …` writes the keys it names.
// Sets with wildcards (files), `for /f`, `/l`, `/r` and `/d` loops are left as written.
import type { ScriptCommand, Token } from '../model';

interface Binding {
  letter: string;
  values: string[];
  depth: number;
  line: number;
}

/** At most this many items are unrolled (a longer set stays unknown). */
const maxItems = 8;

export class ForLoops {
  private bindings: Binding[] = [];
  private line = 0;

  nextLine(): void {
    this.line++;
  }

  /** A command at `depth` on the current line: loops whose body it is not in end. */
  enter(depth: number): void {
    this.bindings = this.bindings.filter((b) => b.line === this.line || depth > b.depth);
  }

  /** A `for` header (after `%%` became `%`): true when its set is literal and bound. */
  begin(header: string, depth: number): boolean {
    const match = /^\s*@?for\s+%~?([a-z])\s+in\s*\(([^)]*)\)\s*do\b/i.exec(header);
    if (!match) return false;
    const values = match[2].match(/"[^"]*"|[^\s,;="]+/g) ?? [];
    if (values.length === 0 || values.length > maxItems || values.some((v) => /[*?%!]/.test(v))) return false;
    this.bindings.push({ letter: match[1], values, depth, line: this.line });
    return true;
  }

  /** The command once per combination of the bound items it uses; undefined when it uses none. */
  variants(command: ScriptCommand): ScriptCommand[] | undefined {
    let variants: ScriptCommand[] | undefined;
    for (const binding of this.bindings) {
      const uses = new RegExp(`%~?${binding.letter}`);
      if (![command.nameToken, ...command.args].some((t) => uses.test(t.text))) continue;
      variants = (variants ?? [command]).flatMap((variant) => binding.values.map((value) => substitute(variant, binding.letter, value)));
    }
    return variants;
  }
}

function substitute(command: ScriptCommand, letter: string, value: string): ScriptCommand {
  const bare = value.replace(/^"|"$/g, '');
  const replace = (token: Token): Token => ({ ...token, text: token.text.split(`%~${letter}`).join(bare).split(`%${letter}`).join(bare) });
  return { ...command, nameToken: replace(command.nameToken), args: command.args.map(replace) };
}
