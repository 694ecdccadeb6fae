import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hs, type HsState } from '../../src/algorithms/hs';
import { Simulation } from '../../src/engine/simulation';
import type { AnyAlgorithm, TimingMode } from '../../src/engine/types';
import { ring } from '../../src/topology/ring';
import { permutations, simulate, summary } from '../util/run';

const asc = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** ⌈log2 n⌉ by integers, written here again so the test does not lean on the code under test. */
function clog(n: number): number {
  let k = 0;
  while (1 << k < n) k++;
  return k;
}

/**
 * The exact election count of docs/algorithms.md §1.3, computed without simulating: for every process,
 * every phase it reaches and both directions, either the hops to the first id ≥ its own (the token
 * is discarded there, or it is home) or 2·2^l when the token comes back as `in`. A process reaches
 * phase l + 1 when both its phase-l tokens came back.
 */
function hsExactCount(ids: readonly number[]): { out: number; in: number; phases: number[] } {
  const n = ids.length;
  let out = 0;
  let inn = 0;
  const phases: number[] = [];
  for (let i = 0; i < n; i++) {
    let l = 0;
    for (;;) {
      const budget = 2 ** l;
      let bothBack = true;
      for (const step of [1, -1]) {
        let d = 1;
        while (d < n && ids[(((i + step * d) % n) + n) % n]! < ids[i]!) d++;
        // d = distance to the first id ≥ own going this way (n: around to itself)
        if (d <= budget) {
          out += d;
          bothBack = false;
        } else {
          out += budget;
          inn += budget;
        }
      }
      if (!bothBack) break;
      l++;
    }
    phases.push(l + 1);
  }
  return { out, in: inn, phases };
}

function run(
  ids: number[],
  mode: TimingMode,
  announce: boolean,
  seed = 1,
  maxDelay = 10,
  alg: AnyAlgorithm = hs,
) {
  return new Simulation({
    algorithm: alg,
    params: { announce },
    graph: ring(ids, true),
    timing: { mode, maxDelay },
    seed,
    faults: { crashed: [], crashes: [] },
    record: false,
    hash: false,
  }).runToEnd();
}

const electionCount = (sim: Simulation) => {
  const c = sim.getCounters();
  return (c.sentByKind.out ?? 0) + (c.sentByKind.in ?? 0);
};

describe('Hirschberg–Sinclair', () => {
  it('golden cases (sync, with the announcement): sorted n = 3, 4, 8', () => {
    const golden = [
      { n: 3, out: 16, in: 7, rounds: 12 },
      { n: 4, out: 20, in: 8, rounds: 14 },
      { n: 8, out: 44, in: 20, rounds: 30 },
    ];
    for (const g of golden) {
      const s = summary({ alg: 'hs', ids: asc(g.n).join(','), mode: 'sync' });
      expect(s.messagesByKind).toEqual({ out: g.out, in: g.in, elected: g.n });
      expect(s.messages).toBe(g.out + g.in + g.n);
      expect(s.rounds).toBe(g.rounds);
      expect(s.leader).toBe(g.n);
      expect(s.terminated).toBe(true);
    }
  });

  it('sorted rings match the golden table of docs/algorithms.md (out+in, rounds, bound)', () => {
    // n: [out+in, bound 8n(1+⌈log n⌉), sync rounds without the announcement]
    const table: Record<number, [number, number, number]> = {
      1: [2, 8, 1],
      2: [10, 32, 4],
      3: [23, 72, 9],
      4: [28, 96, 10],
      5: [49, 160, 19],
      8: [64, 256, 22],
      12: [116, 480, 42],
      16: [136, 640, 46],
      32: [280, 1536, 94],
      64: [568, 3584, 190],
    };
    for (const [key, [count, bound, rounds]] of Object.entries(table)) {
      const n = Number(key);
      const s = summary({ alg: 'hs', ids: asc(n).join(','), mode: 'sync', announce: '0' });
      expect(s.messages, `n=${n}`).toBe(count);
      expect(s.messagesByKind.elected).toBeUndefined();
      expect(s.rounds, `n=${n}`).toBe(rounds);
      expect(s.rounds).toBe(2 ** (clog(n) + 1) + n - 2);
      const g = ring(asc(n), true);
      expect(hs.bound!(n, g, { announce: false })!.value).toBe(bound);
      expect(hs.bound!(n, g, { announce: true })!.value).toBe(bound + n);
      expect(hsExactCount(asc(n)).out + hsExactCount(asc(n)).in).toBe(count);
    }
  });

  it('n = 1 sends 2 out tokens to itself and is leader in round 1 (C13); n = 2 uses both directions', () => {
    const one = summary({ alg: 'hs', ids: '7', mode: 'sync', announce: '0' });
    expect(one.messagesByKind).toEqual({ out: 2 });
    expect(one.rounds).toBe(1);
    expect(one.leader).toBe(7);
    const two = summary({ alg: 'hs', ids: '5,9', mode: 'async', seed: '3' });
    expect(two.messagesByKind).toEqual({ out: 8, in: 2, elected: 2 });
    expect(two.leader).toBe(9);
  });

  it('all rings n = 4..8 (max at position 0): extremes of out+in as in docs/algorithms.md; analytic = simulated', () => {
    const extremes: Record<number, [number, number]> = {
      4: [28, 32],
      5: [49, 55],
      6: [54, 68],
      7: [59, 78],
      8: [64, 89],
    };
    for (let n = 4; n <= 8; n++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const rest of permutations(asc(n - 1))) {
        const ids = [n, ...rest];
        const c = electionCount(run(ids, 'sync', false));
        const exact = hsExactCount(ids);
        expect(c).toBe(exact.out + exact.in);
        expect(c).toBeLessThanOrEqual(8 * n * (1 + clog(n)));
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
      expect([lo, hi], `n=${n}`).toEqual(extremes[n]);
    }
  });

  it('on random rings: the count is the §1.3 sum, ≤ 8n(1+⌈log n⌉); 1+⌈log n⌉ phases; sync rounds 2^(⌈log n⌉+1)+n−2', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 70 }),
        (ids) => {
          const n = ids.length;
          const sim = run(ids, 'sync', false);
          const c = sim.getCounters();
          const exact = hsExactCount(ids);
          expect(c.sentByKind.out).toBe(exact.out);
          expect(c.sentByKind.in ?? 0).toBe(exact.in);
          expect(exact.out + exact.in).toBeLessThanOrEqual(8 * n * (1 + clog(n)));
          expect(c.lastDeliveryTime).toBe(2 ** (clog(n) + 1) + n - 2);
          const states = sim.nodeStates() as HsState[];
          const max = Math.max(...ids);
          const leader = states.find((s) => s.u === max)!;
          expect(sim.result().leader).toBe(max);
          expect(leader.status).toBe('chosen');
          // phases are numbered from 0: the leader's last phase is ⌈log n⌉
          expect(leader.phase + 1).toBe(1 + clog(n));
          expect(exact.phases[ids.indexOf(max)]).toBe(1 + clog(n));
          // every other process stopped in the phase the analytic count says
          states.forEach((s, i) => {
            if (s.u !== max) expect(s.phase + 1).toBe(exact.phases[i]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sync and async give the same counts for any seed and maxDelay, with no invariant violated', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (ids, seed, maxDelay, announce) => {
          const flat = { alg: 'hs', ids: ids.join(','), announce: announce ? '1' : '0' };
          const sync = simulate({ ...flat, mode: 'sync' });
          const async = simulate({ ...flat, mode: 'async', seed: String(seed), maxDelay: String(maxDelay) });
          expect(async.getCounters().sentByKind).toEqual(sync.getCounters().sentByKind);
          expect(async.result().leader).toBe(Math.max(...ids));
          expect(sync.violations).toEqual([]);
          expect(async.violations).toEqual([]);
          expect(async.terminated).toBe(true);
          const roles = ids.map((_, i) => async.roleOf(i));
          expect(roles.filter((r) => r === 'leader')).toHaveLength(1);
          if (announce) expect(roles.filter((r) => r === 'nonLeader')).toHaveLength(ids.length - 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handlers never mutate the state they are given (states are frozen)', () => {
    const frozen: AnyAlgorithm = {
      ...hs,
      onMessage: (s, from, msg, node, params) => hs.onMessage(Object.freeze(s), from, msg, node, params),
    };
    for (const mode of ['sync', 'async'] as const) {
      const sim = run([4, 9, 1, 7, 3, 8, 2, 6, 5], mode, true, 11, 7, frozen);
      expect(sim.result().leader).toBe(9);
    }
  });

  it('pins the hand-worked sync trace of ring 3,1,4,2 without the announcement', () => {
    // cw: 3→1→4→2→3. Round 1: phase-0 tokens; 1 and 2 are beaten by both neighbours, 3 and 4 beat
    // theirs and get in(3), in(4) back in round 2. Phase 1 (budget 2): 3's tokens stop at 4 (round 4);
    // 4's tokens pass 1 and 2, turn at 3, and are back in round 6. Phase 2 (budget 4): 4's tokens go
    // all the way round, home in round 10 = 2^3 + 4 − 2.
    const sim = simulate({ alg: 'hs', ids: '3,1,4,2', mode: 'sync', announce: '0' });
    const steps = sim.trace.map(
      (e) => `${e.time} ${e.kind} ${e.node}${e.msg ? ` ${hs.label!(e.msg as never)} from ${e.from}` : ''}`,
    );
    expect(steps).toEqual([
      '0 init 3',
      '0 init 1',
      '0 init 4',
      '0 init 2',
      '1 deliver 1 out(3, 1) from 3',
      '1 deliver 2 out(3, 1) from 3',
      '1 deliver 4 out(1, 1) from 1',
      '1 deliver 3 out(1, 1) from 1',
      '1 deliver 2 out(4, 1) from 4',
      '1 deliver 1 out(4, 1) from 4',
      '1 deliver 3 out(2, 1) from 2',
      '1 deliver 4 out(2, 1) from 2',
      '2 deliver 3 in(3) from 1',
      '2 deliver 3 in(3) from 2',
      '2 deliver 4 in(4) from 2',
      '2 deliver 4 in(4) from 1',
      '3 deliver 1 out(3, 2) from 3',
      '3 deliver 2 out(3, 2) from 3',
      '3 deliver 2 out(4, 2) from 4',
      '3 deliver 1 out(4, 2) from 4',
      '4 deliver 4 out(3, 1) from 1',
      '4 deliver 4 out(3, 1) from 2',
      '4 deliver 3 out(4, 1) from 2',
      '4 deliver 3 out(4, 1) from 1',
      '5 deliver 2 in(4) from 3',
      '5 deliver 1 in(4) from 3',
      '6 deliver 4 in(4) from 2',
      '6 deliver 4 in(4) from 1',
      '7 deliver 2 out(4, 4) from 4',
      '7 deliver 1 out(4, 4) from 4',
      '8 deliver 3 out(4, 3) from 2',
      '8 deliver 3 out(4, 3) from 1',
      '9 deliver 1 out(4, 2) from 3',
      '9 deliver 2 out(4, 2) from 3',
      '10 deliver 4 out(4, 1) from 1',
      '10 deliver 4 out(4, 1) from 2',
    ]);
    // 24 out + 8 in, as the §1.3 sum gives for this ring
    expect(sim.getCounters().sentByKind).toEqual({ out: 24, in: 8 });
    for (const e of sim.trace) for (const l of e.lines) expect(hs.pseudocode[l]).toBeDefined();
    expect(sim.trace[6]!.note).toBe('1 < 4: 4 discards out(1)');
    expect(sim.trace[12]!.after).toMatchObject({ inCount: 1, phase: 0 });
    expect(sim.trace[13]!.after).toMatchObject({ inCount: 0, phase: 1 });
    expect(sim.trace[34]!.roleAfter).toBe('leader');
    expect(sim.trace[35]!.roleAfter).toBe('leader');
    expect(sim.trace[35]!.sends).toEqual([]);
    expect((sim.nodeStates() as HsState[]).map((s) => s.phase)).toEqual([1, 0, 2, 0]);
  });

  it('labels messages as out(uid, hops), in(uid), elected(uid)', () => {
    expect(hs.label!({ kind: 'out', uid: 9, hops: 4, dir: 'cw' })).toBe('out(9, 4)');
    expect(hs.label!({ kind: 'in', uid: 9, dir: 'ccw' })).toBe('in(9)');
    expect(hs.label!({ kind: 'elected', leader: 9 })).toBe('elected(9)');
  });
});

describe('HS recordings share equal tokens', () => {
  it('every out(v, h) one way and every in(v) back is one object, whatever the phase', () => {
    const sim = simulate({ alg: 'hs', n: '64', ids: 'random', mode: 'async', seed: '5' }, { record: true });
    const objects = new Map<string, Set<unknown>>();
    let sent = 0;
    for (const e of sim.trace)
      for (const m of e.sends) {
        const msg = m.msg as { kind: string };
        if (msg.kind !== 'out' && msg.kind !== 'in') continue;
        sent++;
        const key = JSON.stringify(msg);
        if (!objects.has(key)) objects.set(key, new Set());
        objects.get(key)!.add(m.msg);
      }
    for (const [key, set] of objects) expect(set.size, key).toBe(1);
    // Equal tokens recur: far fewer values than sends.
    expect(objects.size).toBeLessThan(sent / 2);
  });
});
