import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peterson, type PetersonState } from '../../src/algorithms/peterson';
import { Simulation } from '../../src/engine/simulation';
import type { AnyAlgorithm, TimingMode } from '../../src/engine/types';
import { ring } from '../../src/topology/ring';
import { permutations, simulate, summary } from '../util/run';

const asc = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const desc = (n: number) => Array.from({ length: n }, (_, i) => n - i);

function flog(n: number): number {
  let k = 0;
  while (2 ** (k + 1) <= n) k++;
  return k;
}

/**
 * The rule of docs/algorithms.md §1.4 applied phase by phase, without messages: every active process
 * (in cw order) learns uid2 = t of the nearest active upstream and uid3 = t of the one before it,
 * and keeps t := uid2 only if uid2 > max(t, uid3). Returns the phases with ≥ 2 active processes,
 * the position of the last active one (the chosen process) and the value it holds.
 */
function petersonModel(ids: readonly number[]): { busyPhases: number; chosenPos: number; value: number } {
  let active = ids.map((t, pos) => ({ pos, t }));
  let busyPhases = 0;
  while (active.length >= 2) {
    busyPhases++;
    const a = active.length;
    active = active
      .map((p, k) => {
        const uid2 = active[(k - 1 + a) % a]!.t;
        const uid3 = active[(k - 2 + a + a) % a]!.t;
        return uid2 > Math.max(p.t, uid3) ? { pos: p.pos, t: uid2 } : null;
      })
      .filter((p): p is { pos: number; t: number } => p !== null);
  }
  return { busyPhases, chosenPos: active[0]!.pos, value: active[0]!.t };
}

function run(
  ids: number[],
  mode: TimingMode,
  announce: boolean,
  seed = 1,
  maxDelay = 10,
  alg: AnyAlgorithm = peterson,
) {
  return new Simulation({
    algorithm: alg,
    params: { announce },
    graph: ring(ids, false),
    timing: { mode, maxDelay },
    seed,
    faults: { crashed: [], crashes: [] },
    record: false,
    hash: false,
  }).runToEnd();
}

const electionCount = (sim: Simulation) => {
  const c = sim.getCounters();
  return (c.sentByKind.p1 ?? 0) + (c.sentByKind.p2 ?? 0);
};

describe('Peterson / Dolev–Klawe–Rodeh', () => {
  it('golden cases (sync, with the announcement): sorted n = 3, 4, 8', () => {
    const golden = [
      { n: 3, rounds: 8 },
      { n: 4, rounds: 10 },
      { n: 8, rounds: 18 },
    ];
    for (const { n, rounds } of golden) {
      const s = summary({ alg: 'peterson', ids: asc(n).join(','), mode: 'sync' });
      expect(s.messagesByKind).toEqual({ p1: 2 * n, p2: n, elected: n });
      expect(s.messages).toBe(4 * n);
      expect(s.rounds).toBe(rounds);
      expect(s.leader).toBe(n);
      expect(s.chosenProcess).toBe(1);
      expect(s.terminated).toBe(true);
    }
  });

  it('sorted rings (either direction) cost 3n, n = 2..64; n = 1 costs 1; bound() is the table column', () => {
    const boundTable: Record<number, number> = {
      1: 1,
      2: 6,
      3: 9,
      4: 20,
      5: 25,
      8: 56,
      12: 84,
      16: 144,
      32: 352,
      64: 832,
    };
    for (let n = 2; n <= 64; n++) {
      for (const ids of [asc(n), desc(n)]) {
        const s = summary({ alg: 'peterson', ids: ids.join(','), mode: 'sync', announce: '0' });
        expect(s.messages, `n=${n}`).toBe(3 * n);
        expect(s.messagesByKind.elected).toBeUndefined();
        expect(s.leader).toBe(n);
      }
    }
    expect(summary({ alg: 'peterson', ids: '5', mode: 'sync', announce: '0' }).messagesByKind).toEqual({
      p1: 1,
    });
    for (const [key, value] of Object.entries(boundTable)) {
      const n = Number(key);
      const g = ring(asc(n), false);
      expect(peterson.bound!(n, g, { announce: false })!.value, `n=${n}`).toBe(value);
      expect(peterson.bound!(n, g, { announce: true })!.value).toBe(value + n);
      expect(value).toBe(2 * n * flog(n) + n);
    }
  });

  it('all rings n = 4..8 (max at position 0): extremes as in docs/algorithms.md; count = 2n·(busy phases) + n', () => {
    const extremes: Record<number, [number, number]> = {
      4: [12, 20],
      5: [15, 25],
      6: [18, 30],
      7: [21, 35],
      8: [24, 56],
    };
    for (let n = 4; n <= 8; n++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const rest of permutations(asc(n - 1))) {
        const ids = [n, ...rest];
        const c = electionCount(run(ids, 'sync', false));
        expect(c).toBe(2 * n * petersonModel(ids).busyPhases + n);
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
      expect([lo, hi], `n=${n}`).toEqual(extremes[n]);
      // the bound 2n⌊log n⌋ + n is tight for every n ≤ 9 (docs/algorithms.md §1.4)
      expect(hi).toBe(2 * n * flog(n) + n);
    }
  });

  it('on random rings: 2n·(#phases with ≥ 2 active) + n ≤ 2n⌊log n⌋ + n; leader = max; chosenProcess as the model says', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 80 }),
        fc.constantFrom<TimingMode>('sync', 'async'),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (ids, mode, seed) => {
          const n = ids.length;
          const model = petersonModel(ids);
          const sim = run(ids, mode, true, seed);
          const c = sim.getCounters();
          expect((c.sentByKind.p1 ?? 0) + (c.sentByKind.p2 ?? 0)).toBe(2 * n * model.busyPhases + n);
          expect(2 * n * model.busyPhases + n).toBeLessThanOrEqual(2 * n * flog(n) + n);
          expect(c.sentByKind.elected).toBe(n);
          const result = sim.result();
          expect(result.leader).toBe(Math.max(...ids));
          expect(model.value).toBe(Math.max(...ids));
          expect(result.extra).toEqual({ chosenProcess: ids[model.chosenPos] });
          const states = sim.nodeStates() as PetersonState[];
          expect(states.filter((s) => s.status === 'chosen').map((s) => s.u)).toEqual([ids[model.chosenPos]]);
          expect(states.every((s) => s.leader === Math.max(...ids))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the chosen process is generally not the max (C9): ring 2,3,1 chooses 1, which announces 3', () => {
    const s = summary({ alg: 'peterson', ids: '2,3,1', mode: 'sync' });
    expect(s.leader).toBe(3);
    expect(s.chosenProcess).toBe(1);
  });

  it('sync and async give the same counts for any seed and maxDelay, with no invariant violated', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (ids, seed, maxDelay, announce) => {
          const flat = { alg: 'peterson', ids: ids.join(','), announce: announce ? '1' : '0' };
          const sync = simulate({ ...flat, mode: 'sync' });
          const async = simulate({ ...flat, mode: 'async', seed: String(seed), maxDelay: String(maxDelay) });
          expect(async.getCounters().sentByKind).toEqual(sync.getCounters().sentByKind);
          expect(async.result()).toEqual(sync.result());
          expect(sync.violations).toEqual([]);
          expect(async.violations).toEqual([]);
          expect(async.terminated).toBe(true);
          const roles = ids.map((_, i) => async.roleOf(i));
          expect(roles.filter((r) => r === 'leader')).toHaveLength(1);
          expect(roles.filter((r) => r === (announce ? 'nonLeader' : 'relay'))).toHaveLength(ids.length - 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handlers never mutate the state they are given (states are frozen)', () => {
    const frozen: AnyAlgorithm = {
      ...peterson,
      onMessage: (s, from, msg, node, params) =>
        peterson.onMessage(Object.freeze(s), from, msg, node, params),
    };
    for (const mode of ['sync', 'async'] as const) {
      expect(run([4, 9, 1, 7, 3, 8, 2, 6, 5], mode, true, 5, 9, frozen).result().leader).toBe(9);
    }
  });

  it('pins the hand-worked sync trace of ring 2,3,1 with the announcement', () => {
    // cw: 2→3→1→2. Round 1: every process learns uid2 (its ccw neighbour's t) and sends p2(uid2).
    // Round 2: uid3 arrives. 1: uid2 = 3 > max(1, 2), stays active with t = 3 and sends p1(3).
    // 2: uid2 = 1 is not > max(2, 3): relay. 3: uid2 = 2 is not > max(3, 1): relay.
    // Rounds 3–5: p1(3) goes 1→2→3→1 through the relays; uid2 = t = 3 at 1: chosen, announces 3.
    // Rounds 6–8: elected(3) goes once round.
    const sim = simulate({ alg: 'peterson', ids: '2,3,1', mode: 'sync' });
    const steps = sim.trace.map(
      (e) =>
        `${e.time} ${e.kind} ${e.node}${e.msg ? ` ${peterson.label!(e.msg as never)}` : ''} → ${e.roleAfter}`,
    );
    expect(steps).toEqual([
      '0 init 2 → candidate',
      '0 init 3 → candidate',
      '0 init 1 → candidate',
      '1 deliver 3 p1(2) → candidate',
      '1 deliver 1 p1(3) → candidate',
      '1 deliver 2 p1(1) → candidate',
      '2 deliver 1 p2(2) → candidate',
      '2 deliver 2 p2(3) → relay',
      '2 deliver 3 p2(1) → relay',
      '3 deliver 2 p1(3) → relay',
      '4 deliver 3 p1(3) → relay',
      '5 deliver 1 p1(3) → leader',
      '6 deliver 2 elected(3) → nonLeader',
      '7 deliver 3 elected(3) → nonLeader',
      '8 deliver 1 elected(3) → leader',
    ]);
    for (const e of sim.trace) for (const l of e.lines) expect(peterson.pseudocode[l]).toBeDefined();
    expect(sim.trace[6]!.after).toMatchObject({ t: 3, uid2: 3, uid3: 2, phase: 2, mode: 'active' });
    expect(sim.trace[6]!.note).toBe('3 > max(1, 2): 1 stays active with t = 3 and sends p1(3)');
    expect(sim.trace[8]!.after).toMatchObject({ t: 3, uid2: 2, uid3: 1, mode: 'relay' });
    expect(sim.getCounters().sentByKind).toEqual({ p1: 6, p2: 3, elected: 3 });
    expect(sim.result()).toEqual({ leader: 3, extra: { chosenProcess: 1 } });
  });

  it('labels messages as p1(v), p2(v), elected(v)', () => {
    expect(peterson.label!({ kind: 'p1', uid: 9 })).toBe('p1(9)');
    expect(peterson.label!({ kind: 'p2', uid: 4 })).toBe('p2(4)');
    expect(peterson.label!({ kind: 'elected', leader: 9 })).toBe('elected(9)');
  });
});
