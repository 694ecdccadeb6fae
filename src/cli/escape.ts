/**
 * Every error echoes what was typed (`unknown algorithm "lcr…"`), and what was typed may come from a
 * link someone else wrote. A terminal obeys control characters — a newline breaks the one-line rule,
 * ESC/OSC sequences retitle or recolour the window, bidi overrides reorder the text on screen — so an
 * echo shows them as text instead (`\n`, `\x1b`, `\u202e`) and says what it was given without acting on
 * it.
 */

/** The longest error line the CLI writes; longer ones end in `…`. */
export const MAX_LINE = 400;

const NAMED: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/**
 * Characters a terminal acts on or a reader cannot see: C0 and C1 controls, DEL, the line and paragraph
 * separators, the bidirectional marks, embeddings, overrides and isolates, zero-width characters and the
 * byte-order mark.
 */
function unsafe(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x061c ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff
  );
}

function code(c: number): string {
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every unsafe character written as an escape; everything else (accents, CJK, emoji) is
 * kept. A lone surrogate (half an emoji cut by a `slice`) is escaped too, so the line stays valid text.
 * Backslashes are kept as they are, so escaping twice changes nothing.
 */
export function escapeControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += code(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) out += code(c);
    else if (unsafe(c)) out += NAMED[c] ?? code(c);
    else out += text[i]!;
  }
  return out;
}

/**
 * A message as one printable line of at most `max` characters: escaped, and cut with `…` where it is
 * longer (an escape is never cut in half).
 */
export function oneLine(text: string, max = MAX_LINE): string {
  // Only the part that can be shown is escaped: a value may be megabytes long.
  const escaped = escapeControls(text.slice(0, max + 1));
  if (escaped.length <= max && text.length <= max) return escaped;
  let out = '';
  for (const piece of escaped.match(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|[\s\S]/gu) ?? []) {
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}
