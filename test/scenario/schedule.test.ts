import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelName, formatSchedule, parseSchedule } from '../../src/scenario/schedule';

describe('delivery schedule text form', () => {
  it('reads a hand-written schedule', () => {
    expect(parseSchedule('5-1, 4-5,3-4')).toEqual({
      ok: true,
      value: [
        { from: 5, to: 1 },
        { from: 4, to: 5 },
        { from: 3, to: 4 },
      ],
    });
    expect(parseSchedule('-2--3')).toEqual({ ok: true, value: [{ from: -2, to: -3 }] });
  });

  it('round-trips every schedule', () => {
    const id = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    fc.assert(
      fc.property(fc.array(fc.record({ from: id, to: id }), { minLength: 1, maxLength: 50 }), (s) => {
        expect(parseSchedule(formatSchedule(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('refuses what is not a schedule, naming the step', () => {
    expect(parseSchedule('')).toEqual({
      ok: false,
      message: 'schedule is empty: give deliveries like 5-1,4-5',
    });
    const bad = parseSchedule('1-2,2>3');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^schedule step 2, "2>3", is not a delivery/);
    const far = parseSchedule('1-20000000000');
    expect(far.ok).toBe(false);
    const far2 = parseSchedule('1-2000000000');
    expect(far2.ok).toBe(false);
    if (!far2.ok) expect(far2.message).toContain('beyond ±1000000000');
  });

  it('names a channel with an arrow', () => {
    expect(channelName({ from: 3, to: 1 })).toBe('3→1');
  });
});
