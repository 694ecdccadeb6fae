import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summary } from '../util/run';

/**
 * A second, naive Chang–Roberts (docs/algorithms.md §1.2, participant form): one inbox per process,
 * served round-robin. Each process has a single incoming channel and the initiators all start before
 * any delivery, so what a process sends is a function of the sequence it receives — any service order
 * gives the same counts, this one included (C6).
 */
function naiveElectionCount(ids: number[], initiators: Set<number>): { election: number; leader: number } {
  const n = ids.length;
  const inbox: number[][] = ids.map(() => []);
  const participant = ids.map(() => false);
  let election = 0;
  let leader = -1;
  const send = (from: number, v: number) => {
    inbox[(from + 1) % n]!.push(v);
    election++;
  };
  ids.forEach((u, i) => {
    if (initiators.has(u)) {
      participant[i] = true;
      send(i, u);
    }
  });
  for (let moved = true; moved;) {
    moved = false;
    for (let i = 0; i < n; i++) {
      const v = inbox[i]!.shift();
      if (v === undefined) continue;
      moved = true;
      const u = ids[i]!;
      if (v > u) {
        participant[i] = true;
        send(i, v);
      } else if (v < u && !participant[i]) {
        participant[i] = true;
        send(i, u);
      } else if (v === u) leader = u;
    }
  }
  return { election, leader };
}

describe('Chang–Roberts with a subset of initiators', () => {
  it('sends the same count under every schedule: seeds, named schedulers and sync all equal the naive run', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 3, maxLength: 3 }),
        (ids, pick, seeds) => {
          let chosen = ids.filter((_, i) => pick[i]);
          if (chosen.length === 0) chosen = [ids[0]!];
          const expected = naiveElectionCount(ids, new Set(chosen));
          const base = { alg: 'chang-roberts', ids: ids.join(','), initiators: chosen.join(',') };
          const runs = [
            summary({ ...base, mode: 'sync' }),
            ...seeds.map((seed) => summary({ ...base, mode: 'async', seed: String(seed), maxDelay: '7' })),
            ...['oldest', 'newest', 'largest'].map((scheduler) =>
              summary({ ...base, mode: 'async', seed: '1', scheduler }),
            ),
          ];
          for (const s of runs) {
            expect(s.leader).toBe(Math.max(...ids));
            expect(expected.leader).toBe(Math.max(...ids));
            expect(s.messagesByKind.election).toBe(expected.election);
            expect(s.messagesByKind.elected).toBe(ids.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
