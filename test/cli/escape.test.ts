import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, MAX_LINE, oneLine } from '../../src/cli/escape';

/** Characters that must never reach a terminal raw: C0, DEL, C1, line/paragraph separators, bidi controls. */
function unsafe(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}
const rawUnsafe = (s: string) => [...s].some((ch) => unsafe(ch.codePointAt(0)!));
const loneSurrogate = (s: string) =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** Any text, with the hostile characters much more likely than in uniform sampling. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '\n',
        '\r',
        '\t',
        '\x1b',
        '\x07',
        '\0',
        '\x7f',
        '\x85',
        '\x9b',
        '\u2028',
        '\u2029',
        '\u202e',
        '\u2066',
        '\ud800',
        '\udc00',
        '\\',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('escapeControls', () => {
  it('shows the named controls as their escapes', () => {
    expect(escapeControls('lcr\nINJECTED')).toBe('lcr\\nINJECTED');
    expect(escapeControls('a\r\tb')).toBe('a\\r\\tb');
    expect(escapeControls('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
    expect(escapeControls('\0')).toBe('\\x00');
    expect(escapeControls('\x9b31m')).toBe('\\x9b31m');
    expect(escapeControls('abc\u202edef')).toBe('abc\\u202edef');
    expect(escapeControls('x\u2028y')).toBe('x\\u2028y');
  });

  it('keeps printable text, accents and emoji as they are', () => {
    expect(escapeControls('Chang–Roberts ≤ ∞ é 漢字 🙂 \\n')).toBe('Chang–Roberts ≤ ∞ é 漢字 🙂 \\n');
  });

  it('property: the output holds no control, separator, bidi control or lone surrogate', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const e = escapeControls(s);
        expect(rawUnsafe(e)).toBe(false);
        expect(loneSurrogate(e)).toBe(false);
        expect(e.split('\n')).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: escaping twice changes nothing, and safe text is left alone', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const e = escapeControls(s);
        expect(escapeControls(e)).toBe(e);
        if (!rawUnsafe(s) && !loneSurrogate(s) && !/[\u200b-\u200d\u2060-\u2065\ufeff]/.test(s))
          expect(e).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('oneLine', () => {
  it('cuts long text with … and never halves an escape', () => {
    const long = `unknown algorithm "${'x'.repeat(1000)}"`;
    const line = oneLine(long);
    expect(line).toHaveLength(MAX_LINE);
    expect(line.endsWith('…')).toBe(true);
    // 398 characters then an ESC: the cut comes before "\x1b", not inside it.
    expect(oneLine(`${'a'.repeat(MAX_LINE - 2)}\x1b${'b'.repeat(10)}`)).toBe(`${'a'.repeat(MAX_LINE - 2)}…`);
  });

  it('property: at most MAX_LINE characters, one line, safe; short safe text unchanged', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 3 }), (s, times) => {
        const text = s.repeat(times * 30 + 1);
        const line = oneLine(text);
        expect(line.length).toBeLessThanOrEqual(MAX_LINE);
        expect(rawUnsafe(line)).toBe(false);
        expect(loneSurrogate(line)).toBe(false);
        if (
          text.length <= MAX_LINE &&
          !rawUnsafe(text) &&
          !loneSurrogate(text) &&
          !/[\u200b-\u200d\u2060-\u2065\ufeff]/.test(text)
        )
          expect(line).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
