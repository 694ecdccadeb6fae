import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EV_DELIVER, EventQueue } from '../../src/engine/queue';

/** Pops every event: the payloads in pop order. */
function drain(q: EventQueue): unknown[] {
  const got: unknown[] = [];
  while (q.size > 0) {
    const slot = q.pop();
    got.push(q.payload[slot]);
    q.release(slot);
  }
  return got;
}

describe('EventQueue', () => {
  it('pops in (key, seq) order whatever the push order, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const q = new EventQueue(4);
        keys.forEach((k, seq) => q.push(k, seq, EV_DELIVER, 0, 0, 0, 0, { k, seq }));
        const expected = keys.map((k, seq) => ({ k, seq })).sort((a, b) => a.k - b.k || a.seq - b.seq);
        expect(drain(q)).toEqual(expected);
      }),
    );
  });

  it('pops in (key, seq) order when seqs come out of order and keys are fractional or huge', () => {
    // A run pushes with a growing seq; a caller need not: a bucket then takes the event in its place.
    const key = fc.oneof(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom(0.5, 2.25, 2 ** 40, 2 ** 52 + 2, Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 300 }), fc.integer(), (keys, shuffleSeed) => {
        const seqs = keys.map((_, i) => i);
        // a seeded shuffle of the seqs (Fisher–Yates on an LCG), so pushes are out of seq order
        let x = shuffleSeed >>> 0;
        for (let i = seqs.length - 1; i > 0; i--) {
          x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
          const j = x % (i + 1);
          [seqs[i], seqs[j]] = [seqs[j]!, seqs[i]!];
        }
        const q = new EventQueue(2);
        keys.forEach((k, i) => q.push(k, seqs[i]!, EV_DELIVER, 0, 0, 0, 0, { k, seq: seqs[i] }));
        const expected = keys
          .map((k, i) => ({ k, seq: seqs[i] }))
          .sort((a, b) => a.k - b.k || a.seq! - b.seq!);
        expect(drain(q)).toEqual(expected);
      }),
    );
  });

  it('snapshot/restore keeps every queued event', () => {
    const q = new EventQueue(2);
    for (let i = 0; i < 10; i++) q.push(10 - i, i, EV_DELIVER, i, i + 1, i, i, `m${i}`);
    const snap = q.snapshot();
    const q2 = new EventQueue();
    q2.restore(snap);
    expect(drain(q2)).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('interleaved pushes, pops and snapshot/restore agree with a sorted reference (buckets + key heap)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(-1), fc.constant(-2), fc.integer({ min: 0, max: 40 })), {
          maxLength: 400,
        }),
        (ops) => {
          const q = new EventQueue(2);
          let ref: { key: number; seq: number }[] = [];
          let seq = 0;
          let now = 0;
          for (const op of ops) {
            if (op === -1) {
              if (q.size === 0) continue;
              const slot = q.pop();
              const got = q.payload[slot] as { key: number; seq: number };
              q.release(slot);
              const want = ref.shift()!;
              expect(got).toEqual(want);
              now = got.key;
            } else if (op === -2) {
              const fresh = new EventQueue(1);
              fresh.restore(q.snapshot());
              // the copy pops in the same order without disturbing the original
              expect(drain(fresh)).toEqual(ref);
            } else {
              // mostly "now + small delay" (monotone runs), sometimes earlier than the tail
              const key = now + op;
              const e = { key, seq: seq++ };
              q.push(key, e.seq, EV_DELIVER, 0, 0, 0, 0, e);
              ref.push(e);
              ref = ref.sort((a, b) => a.key - b.key || a.seq - b.seq);
            }
            expect(q.size).toBe(ref.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
