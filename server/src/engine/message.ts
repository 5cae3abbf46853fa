// Findings' messages are one short sentence (what is wrong, what breaks): the Problems panel shows one
// line, and the why, the sources and the how are on the rule page (docs/rules/). Text quoted from the
// file is shortened here, so a hostile 5,000-character value cannot make a message long.
// test/unit/rules/messages.test.ts holds every message to the limits below.

/** The first sentence of a message at most. */
export const maxFirstSentence = 120;
/** The whole message at most (a first sentence and, rarely, a short second one). */
export const maxMessage = 140;

/** `text` from the file, cut to `max` characters (the last one an ellipsis) with its line breaks as spaces. */
export function shown(text: string, max = 32): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * The message's first sentence: up to a `.`, `?` or `!` followed by a space and a capital letter (so
 * `v2.0.50727`, `Microsoft.ResourceManagement.Service.exe.config` and `e.g. x` do not end it).
 */
export function firstSentence(message: string): string {
  const end = /[.?!](?=\s+["(]?[A-Z])/.exec(message);
  return (end ? message.slice(0, end.index + 1) : message).replace(/\s+/g, ' ').trim();
}
