import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BullyMsg, BullyState } from '../../src/algorithms/bully';
import { summarize } from '../../src/scenario/summary';
import { LeadershipIndex } from '../../src/view/spacetime/leadership';
import { simulate } from '../util/run';

/**
 * Bully with recovery (docs/algorithms.md §1.5, "Recovery"): a process back from a crash holds an
 * election, so the highest live id leads again. Expected values are read off the rule: the leader at
 * the end is the highest id alive then, and every live process follows it.
 */

const arb = fc.record({
  n: fc.integer({ min: 2, max: 8 }),
  mode: fc.constantFrom('sync', 'async'),
  seed: fc.integer({ min: 0, max: 10_000 }),
  crashAt: fc.integer({ min: 0, max: 30 }),
  downFor: fc.integer({ min: 1, max: 40 }),
  /** Which process crashes and comes back, from the top (0 = the highest id). */
  fromTop: fc.integer({ min: 0, max: 2 }),
});

describe('Bully with recovery', () => {
  it('the highest live id leads at the end and every live process follows it', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const who = Math.max(1, r.n - r.fromTop);
        const sim = simulate({
          alg: 'bully',
          n: String(r.n),
          ids: 'asc',
          mode: r.mode,
          seed: String(r.seed),
          ...(r.mode === 'async' ? { maxDelay: '3' } : {}),
          crashes: `${who}@${r.crashAt}`,
          recover: `${who}@${r.crashAt + r.downFor}`,
        });
        const out = summarize(sim);
        expect(out.leader).toBe(r.n);
        const states = sim.nodeStates() as (BullyState | null)[];
        for (const s of states) expect(s?.coordinator, `process ${s?.u}`).toBe(r.n);
        // Whatever two leaders at once the monitor saw were a takeover in progress, never at the end.
        for (const v of out.violations) expect(v.message).toMatch(/processes are leader at once/);
      }),
      { numRuns: 120, seed: 4 },
    );
  });

  it('the highest id back after its crash: the leader changes twice, 6 → 5 → 6', () => {
    const sim = simulate(
      { alg: 'bully', n: '6', ids: 'asc', mode: 'sync', crashes: '6@3', recover: '6@12' },
      { record: true },
    );
    const ix = new LeadershipIndex(sim.trace);
    ix.update();
    expect(ix.reigns.map((r) => r.node)).toEqual([6, 5, 6]);
    // 6 declares on recovering (time 12); 5 hears COORDINATOR(6) one round later.
    const back = ix.reigns[2]!;
    expect(back.from).toBe(12);
    expect(ix.reigns[1]!.to).toBe(13);
    expect(ix.overlaps).toEqual([{ from: 12, to: 13 }]);
    expect(summarize(sim).leader).toBe(6);
  });

  it('a process down from the start that recovers holds an election too', () => {
    const sim = simulate({ alg: 'bully', n: '5', ids: 'asc', mode: 'sync', crashed: '5', recover: '5@20' });
    expect(summarize(sim).leader).toBe(5);
    for (const s of sim.nodeStates() as BullyState[]) expect(s.coordinator).toBe(5);
  });

  it('no message is marked back in a run without a recovery', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const sim = simulate(
          {
            alg: 'bully',
            n: String(r.n),
            ids: 'asc',
            mode: r.mode,
            seed: String(r.seed),
            crashes: `${Math.max(1, r.n - r.fromTop)}@${r.crashAt}`,
          },
          { record: true },
        );
        for (const e of sim.trace) for (const m of e.sends) expect((m.msg as BullyMsg).back).toBeUndefined();
      }),
      { numRuns: 40, seed: 5 },
    );
  });
});
