import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EV_DELIVER, EventQueue } from '../../src/engine/queue';

describe('EventQueue', () => {
  it('pops in (key, seq) order whatever the push order, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const q = new EventQueue(4);
        keys.forEach((k, seq) => q.push(k, seq, EV_DELIVER, 0, 0, 0, 0, { k, seq }));
        const expected = keys.map((k, seq) => ({ k, seq })).sort((a, b) => a.k - b.k || a.seq - b.seq);
        const got: unknown[] = [];
        while (q.size > 0) {
          const slot = q.pop();
          got.push(q.payload[slot]);
          q.release(slot);
        }
        expect(got).toEqual(expected);
      }),
    );
  });

  it('snapshot/restore keeps every queued event', () => {
    const q = new EventQueue(2);
    for (let i = 0; i < 10; i++) q.push(10 - i, i, EV_DELIVER, i, i + 1, i, i, `m${i}`);
    const snap = q.snapshot();
    const q2 = new EventQueue();
    q2.restore(snap);
    const order: unknown[] = [];
    while (q2.size) {
      const s = q2.pop();
      order.push(q2.payload[s]);
      q2.release(s);
    }
    expect(order).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('interleaved pushes, pops and snapshot/restore agree with a sorted reference (heap + FIFO lane)', () => {
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
              const order: unknown[] = [];
              while (fresh.size) {
                const s = fresh.pop();
                order.push(fresh.payload[s]);
                fresh.release(s);
              }
              expect(order).toEqual(ref);
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
