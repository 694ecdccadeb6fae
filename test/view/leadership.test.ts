import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../src/engine/simulation';
import type { NodeId } from '../../src/engine/types';
import { summarize } from '../../src/scenario/summary';
import { LeadershipIndex } from '../../src/view/spacetime/leadership';
import { simulate } from '../util/run';

/**
 * The leadership timeline's data (src/view/spacetime/leadership.ts) against a naive reading of the
 * same run: after every step, the live nodes whose role is leader are exactly the reigns in progress,
 * and the time two or more of them lead adds up to Raft's split-brain figure.
 */

const indexOf = (sim: Simulation, term = true) => {
  const ix = new LeadershipIndex(
    sim.trace,
    term && sim.algorithm.term ? (s) => sim.algorithm.term!(s) : undefined,
  );
  ix.update();
  return ix;
};

/** After each step, the live leaders by the engine's own states (seek), with their terms. */
function naiveLeaders(sim: Simulation, k: number): string[] {
  sim.seek(k);
  const out: string[] = [];
  for (const id of sim.graph.ids) {
    const i = sim.positionOf(id);
    if (sim.roleOf(i) !== 'leader') continue;
    const s = sim.nodeStates()[i];
    out.push(`${id}:${sim.algorithm.term ? sim.algorithm.term(s) : '-'}`);
  }
  return out.sort();
}

/** The reigns in progress at the time of step k (k the last step of its time unit). */
function openAfter(sim: Simulation, ix: LeadershipIndex, k: number): string[] {
  const t = sim.trace[k - 1]!.time;
  return ix.reigns
    .filter((r) => r.from <= t && (r.to === null || r.to > t))
    .map((r) => `${r.node}:${r.term ?? '-'}`)
    .sort();
}

describe('leadership timeline', () => {
  it('Raft under crashes and partitions: the reigns in progress are the live leaders, at every time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 3, max: 7 }),
        fc.integer({ min: 100, max: 600 }),
        (seed, n, cut) => {
          const sim = simulate(
            {
              alg: 'raft',
              n: String(n),
              mode: 'async',
              seed: String(seed),
              part: `${n}@${cut}:${cut + 500}`,
              crashes: `1@${cut + 700}`,
              until: '2000',
            },
            { record: true },
          );
          const ix = indexOf(sim);
          // At the last step of each time unit (steps within one time unit happen at one instant).
          for (let k = 1; k <= sim.trace.length; k++) {
            const next = sim.trace[k];
            if (next && next.time === sim.trace[k - 1]!.time) continue;
            expect(openAfter(sim, ix, k), `after step ${k}`).toEqual(naiveLeaders(sim, k));
          }
          // Split brain: the overlaps add up to the monitor's figure, the open one to the horizon.
          const total = ix.allOverlaps().reduce((a, o) => a + (o.to ?? sim.until) - o.from, 0);
          expect(total).toBe(summarize(sim).splitBrainTime);
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });

  it('the partition preset: 5 leads term 1 while 3 leads term 2, and the two overlap', () => {
    const sim = simulate(
      { alg: 'raft', n: '5', ids: 'asc', mode: 'async', part: '5@300:900', until: '1500' },
      { record: true },
    );
    const ix = indexOf(sim);
    const old = ix.reigns.find((r) => r.node === 5 && r.term === 1)!;
    const fresh = ix.reigns.find((r) => r.node === 3 && r.term === 2)!;
    expect(old.to).not.toBeNull();
    expect(fresh.from).toBeLessThan(old.to!);
    expect(ix.overlaps).toEqual([{ from: fresh.from, to: old.to }]);
  });

  it('a ring algorithm: one reign from the election to the end, no overlap', () => {
    const sim = simulate({ alg: 'lcr', n: '8', ids: 'random', seed: '5' }, { record: true });
    const ix = indexOf(sim);
    const leader: NodeId = sim.result().leader!;
    const elected = sim.trace.find((e) => e.node === leader && e.roleAfter === 'leader')!;
    expect(ix.reigns).toEqual([{ node: leader, from: elected.time, to: null, term: null }]);
    expect(ix.allOverlaps()).toEqual([]);
  });

  it('Bully with its leader crashed: the reign ends at the crash', () => {
    const sim = simulate({ alg: 'bully', n: '5', ids: 'asc', crashes: '5@3' }, { record: true });
    const ix = indexOf(sim);
    const five = ix.reigns.filter((r) => r.node === 5);
    const crash = sim.trace.find((e) => e.kind === 'crash' && e.node === 5)!;
    expect(five.length).toBeGreaterThan(0);
    for (const r of five) expect(r.to).toBe(crash.time);
  });

  it('reads a run as it grows: the same reigns as reading it whole', () => {
    const sim = simulate(
      { alg: 'raft', n: '5', mode: 'async', seed: '3', crashes: '5@400', until: '1200' },
      { record: true },
    );
    const whole = indexOf(sim);
    const trace: typeof sim.trace = [];
    const grown = new LeadershipIndex(trace, (s) => sim.algorithm.term!(s));
    for (const e of sim.trace) {
      trace.push(e);
      if (e.step % 7 === 0) grown.update();
    }
    grown.update();
    expect(grown.reigns).toEqual(whole.reigns);
    expect(grown.allOverlaps()).toEqual(whole.allOverlaps());
  });
});
