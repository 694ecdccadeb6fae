import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { int, whole, wholeIn } from '../../src/algorithms/params';

/** A second reader, character by character: ASCII digits only, at most 16, and a safe integer. */
function naive(text: string): number | null {
  if (text.length === 0 || text.length > 16) return null;
  let v = 0n;
  for (const ch of text) {
    const d = '0123456789'.indexOf(ch);
    if (d < 0 || ch.length !== 1) return null;
    v = v * 10n + BigInt(d);
  }
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

describe('whole: the one reader of counts, steps, seeds, delays and times', () => {
  it('refuses every lenient spelling the old readers took', () => {
    for (const t of [
      '0x10',
      '1e3',
      ' 5 ',
      '5 ',
      ' 5',
      '+5',
      '5.0',
      '5.',
      '-1',
      '-0',
      '',
      '1_000',
      'Infinity',
      'NaN',
      '0b1',
      '٣',
      '５',
      '9007199254740993',
      '12345678901234567',
    ])
      expect(whole(t), JSON.stringify(t)).toBeNull();
  });

  it('reads plain digits, leading zeros included', () => {
    expect(whole('0')).toBe(0);
    expect(whole('5')).toBe(5);
    expect(whole('007')).toBe(7);
    expect(whole('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('property: parse(format(n)) = n for every safe whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(whole(String(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: agrees with a character-by-character reader on any text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-+ 0-9.exX_]{0,18}$/),
      fc.integer({ min: 0 }).map((n) => String(n)),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(whole(t)).toBe(naive(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('wholeIn names the option and the range, and echoes what it was given', () => {
    expect(wholeIn('--max-steps', '0x10', 1, 100)).toEqual({
      ok: false,
      message: '--max-steps must be a whole number from 1 to 100, not "0x10"',
    });
    expect(wholeIn('--max-steps', '0', 1, 100).ok).toBe(false);
    expect(wholeIn('--max-steps', '101', 1, 100).ok).toBe(false);
    expect(wholeIn('--max-steps', '100', 1, 100)).toEqual({ ok: true, value: 100 });
  });

  it('ids (int) take a minus but no spaces or other spellings', () => {
    expect(int('-5')).toBe(-5);
    expect(int('-0')).toBe(0);
    for (const t of [' 5', '5 ', '+5', '0x5', '5e0', '5.0']) expect(int(t), t).toBeNull();
  });
});
