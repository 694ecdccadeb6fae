import { describe, expect, it } from 'vitest';
import { fitted } from '../../src/engine/grown';
import { EventJournal } from '../../src/engine/journal';
import { EventQueue } from '../../src/engine/queue';

describe('fitted', () => {
  it('keeps an Int32Array for 32-bit integers and widens it, contents kept, for anything else', () => {
    const a = Int32Array.of(3, -4);
    for (const v of [0, -(2 ** 31), 2 ** 31 - 1]) expect(fitted(a, v)).toBe(a);
    for (const v of [2 ** 31, -(2 ** 31) - 1, 1.5, NaN, Infinity]) {
      const w = fitted(a, v);
      expect(w).toBeInstanceOf(Float64Array);
      expect([...w]).toEqual([3, -4]);
    }
    const f = Float64Array.of(1);
    expect(fitted(f, 2 ** 40)).toBe(f);
  });
});

describe('EventJournal', () => {
  // Keys and send times past 32 bits, fractions among them, across the journal's first growth (1024).
  const events = Array.from({ length: 3000 }, (_, s) => ({
    key: s === 1500 ? 2 ** 33 + 1 : s % 7 === 0 ? 5000 - s : 2 * s + 1,
    sendTime: s === 2000 ? 0.5 : s === 2500 ? 2 ** 32 : s,
  }));

  // Positions fit 2 B each up to 32,767 nodes; beyond, 4 B. −1 (no sender) reads back as −1 in both.
  it.each([5, 32_767, 40_000])(
    'reads back every field exactly as pushed, before and after a column widens (n = %i)',
    (n) => {
      const j = new EventJournal(n);
      const node = (s: number) => (s * 7919) % n;
      const from = (s: number) => (s % 3 === 0 ? -1 : (s * 104_729) % n);
      events.forEach((e, s) => {
        j.push(e.key, s, 1, node(s), from(s), e.sendTime, s, { s });
        // Each event reads back at once, and every earlier one still does after a widening.
        expect(j.keyOf(s)).toBe(e.key);
        if (s === 1500 || s === 2000 || s === 2500)
          for (let t = 0; t <= s; t++) {
            expect(j.keyOf(t)).toBe(events[t]!.key);
            expect(j.sendTimeOf(t)).toBe(events[t]!.sendTime);
          }
      });
      events.forEach((e, s) =>
        expect([j.keyOf(s), j.sendTimeOf(s), j.nodeOf(s), j.fromOf(s), j.sendStepOf(s)]).toEqual([
          e.key,
          e.sendTime,
          node(s),
          from(s),
          s,
        ]),
      );
    },
  );

  it('refills a queue in (key, seq) order with the widened keys', () => {
    const j = new EventJournal(1);
    events.forEach((e, s) => j.push(e.key, s, 1, 0, 0, e.sendTime, s, null));
    const q = new EventQueue();
    j.refill(q, 0, events.length, 0, () => {});
    const want = events.map((e, s) => ({ key: e.key, s })).sort((a, b) => a.key - b.key || a.s - b.s);
    const got: number[] = [];
    while (q.size > 0) {
      const slot = q.pop();
      got.push(q.poppedSeq);
      expect(q.sendTime[slot]).toBe(events[q.poppedSeq]!.sendTime);
    }
    expect(got).toEqual(want.map((w) => w.s));
  });
});
