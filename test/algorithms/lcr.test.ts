import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcr } from '../../src/algorithms/lcr';
import { permutations, simulate, summary } from '../util/run';

/** Σ over processes of the cw distance to the next larger id (n for the max): docs/algorithms.md §1.1. */
function lcrElectionCount(ids: number[]): number {
  const n = ids.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let d = 1;
    while (d < n && ids[(i + d) % n]! < ids[i]!) d++;
    total += d;
  }
  return total;
}

const desc = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const asc = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('LCR', () => {
  it('worst case (ids decreasing cw): n(n+1)/2 + n messages, 2n rounds, for n = 1..60', () => {
    for (let n = 1; n <= 60; n++) {
      const s = summary({ alg: 'lcr', ids: desc(n).join(','), mode: 'sync' });
      expect(s.leader).toBe(n);
      expect(s.messagesByKind.election).toBe((n * (n + 1)) / 2);
      expect(s.messagesByKind.elected).toBe(n);
      expect(s.messages).toBe((n * (n + 1)) / 2 + n);
      expect(s.rounds).toBe(2 * n);
    }
  });

  it('best case (ids increasing cw): 2n − 1 election + n elected = 3n − 1; n rounds without the announcement', () => {
    for (let n = 1; n <= 60; n++) {
      const s = summary({ alg: 'lcr', ids: asc(n).join(','), mode: 'sync' });
      expect(s.messages).toBe(3 * n - 1);
      const quiet = summary({ alg: 'lcr', ids: asc(n).join(','), mode: 'sync', announce: '0' });
      expect(quiet.messages).toBe(2 * n - 1);
      expect(quiet.messagesByKind.elected).toBeUndefined();
      expect(quiet.rounds).toBe(n);
    }
  });

  it('the election count equals the per-ring formula on random rings, sync and async, for every seed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('sync', 'async'),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 20 }),
        (ids, mode, seed, maxDelay) => {
          const sim = simulate({
            alg: 'lcr',
            ids: ids.join(','),
            mode,
            seed: String(seed),
            maxDelay: String(maxDelay),
          });
          const c = sim.getCounters();
          expect(c.sentByKind.election).toBe(lcrElectionCount(ids));
          expect(c.sentByKind.elected).toBe(ids.length);
          expect(sim.result().leader).toBe(Math.max(...ids));
          expect(sim.violations).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('n = 1: one election and one elected message, to itself (C13)', () => {
    const s = summary({ alg: 'lcr', ids: '7', mode: 'async' });
    expect(s.messagesByKind).toEqual({ election: 1, elected: 1 });
    expect(s.leader).toBe(7);
  });

  it('pins the hand-worked trace of ring 3,1,2 (sync)', () => {
    // Round 1: 3→1 carries 3, 1→2 carries 1, 2→3 carries 2. 1 forwards 3; 2 discards 1; 3 discards 2.
    // Round 2: 2 receives 3 and forwards it. Round 3: 3 receives its own uid: leader, sends elected.
    // Rounds 4–6: elected(3) goes 3→1→2→3.
    const sim = simulate({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    const steps = sim.trace.map(
      (e) => `${e.time} ${e.kind} ${e.node}${e.msg ? ` ${lcr.label!(e.msg as never)}` : ''}`,
    );
    expect(steps).toEqual([
      '0 init 3',
      '0 init 1',
      '0 init 2',
      '1 deliver 1 election(3)',
      '1 deliver 2 election(1)',
      '1 deliver 3 election(2)',
      '2 deliver 2 election(3)',
      '3 deliver 3 election(3)',
      '4 deliver 1 elected(3)',
      '5 deliver 2 elected(3)',
      '6 deliver 3 elected(3)',
    ]);
    expect(sim.trace[3]!.note).toBe('3 > 1: 1 forwards 3');
    expect(sim.trace[4]!.note).toBe('1 < 2: 2 discards 1');
    expect(sim.trace[7]!.roleAfter).toBe('leader');
  });
});

describe('Chang–Roberts', () => {
  it('with every process initiating, sends exactly the LCR messages (random rings, both modes)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('sync', 'async'),
        fc.nat(),
        (ids, mode, seed) => {
          const flat = { ids: ids.join(','), mode, seed: String(seed) };
          const cr = summary({ alg: 'chang-roberts', ...flat });
          expect(cr.messagesByKind.election).toBe(lcrElectionCount(ids));
          expect(cr.messages).toBe(lcrElectionCount(ids) + ids.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a single initiator s sends n + d(s → max) election messages (+ n elected)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.constantFrom('sync', 'async'),
        (ids, pick, mode) => {
          const n = ids.length;
          const s = pick % n;
          const max = ids.indexOf(Math.max(...ids));
          const d = (max - s + n) % n;
          const out = summary({ alg: 'chang-roberts', ids: ids.join(','), initiators: String(ids[s]), mode });
          expect(out.messagesByKind.election).toBe(n + d);
          expect(out.messagesByKind.elected).toBe(n);
          expect(out.leader).toBe(Math.max(...ids));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any set of initiators: n ≤ election messages ≤ n(n+1)/2, and the max is elected', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 2, maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        fc.nat(),
        (ids, mask, seed) => {
          const chosen = ids.filter((_, i) => mask[i]);
          const initiators = chosen.length ? chosen : [ids[0]!];
          const s = summary({
            alg: 'chang-roberts',
            ids: ids.join(','),
            initiators: initiators.join(','),
            mode: 'async',
            seed: String(seed),
          });
          const n = ids.length;
          expect(s.messagesByKind.election).toBeGreaterThanOrEqual(n);
          expect(s.messagesByKind.election).toBeLessThanOrEqual((n * (n + 1)) / 2);
          expect(s.leader).toBe(Math.max(...ids));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the mean over all n! rings (all initiate) is exactly n·H_n, n = 1..7', () => {
    for (let n = 1; n <= 7; n++) {
      let total = 0;
      let count = 0;
      for (const ids of permutations(asc(n))) {
        total += simulate(
          { alg: 'chang-roberts', ids: ids.join(','), mode: 'sync', announce: '0' },
          { record: false, checkInvariants: false },
        ).getCounters().sent;
        count++;
      }
      // total / n! = n·H_n  ⇔  total = n · Σ_k n!/k (an integer identity, no rounding).
      const fact = count;
      let nHnTimesFact = 0;
      for (let k = 1; k <= n; k++) nHnTimesFact += (n * fact) / k;
      expect(total).toBe(nHnTimesFact);
    }
  });
});
