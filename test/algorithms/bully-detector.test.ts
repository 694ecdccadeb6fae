import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BullyState } from '../../src/algorithms/bully';
import { simulate, summary } from '../util/run';

/**
 * Bully's failure detector (docs/algorithms.md, Bully, "Who notices a crash"): the process that
 * notices a crash is chosen when the notice falls due, among the processes alive then, so a
 * detector that crashes before it notices is replaced by the next live one.
 */
describe('Bully: the detector is never lost', () => {
  it('ids 1,2,3, 3 crashes at 5 and the detector 1 at 6, before it notices at 7: 2 notices and is elected', () => {
    // 3 wins the first election; its crash at 5 is due to be noticed at 5 + T_ok = 7, when 1 is dead.
    const sim = simulate({ alg: 'bully', n: '3', crashes: '3@5,1@6', mode: 'sync' });
    const notice = sim.trace.find((e) => e.timer === 'notice-crash:3')!;
    expect(notice.node).toBe(2);
    expect(notice.time).toBe(7);
    expect(sim.result().leader).toBe(2);
    expect(summary({ alg: 'bully', n: '3', crashes: '3@5,1@6', mode: 'sync' }).leader).toBe(2);
  });

  it('the last look: the run goes quiet with 1 knowing no coordinator, so 1 notices T_ok later and is elected', () => {
    // ids 1,2,3, 3 down from the start, detector 2, which crashes at 1 before its ok-timeout (2).
    // Its crash is noticed at 3 by the lowest live id, 1, for which 2 was no coordinator: nothing
    // to do. Nothing is left to happen then, and 1 follows nobody: it notices at 3 + T_ok = 5,
    // sends ELECTION to 2 and 3 (both lost), hears no OK, and declares at 7 with nobody to tell.
    const flat = { alg: 'bully', n: '3', crashed: '3', crashes: '2@1', initiator: '2', mode: 'sync' };
    const sim = simulate(flat);
    const notices = sim.trace.filter((e) => e.kind === 'timer' && e.timer!.startsWith('notice'));
    expect(notices.map((e) => [e.time, e.node, e.timer])).toEqual([
      [3, 1, 'notice-crash:2'],
      [5, 1, 'notice-no-coordinator'],
    ]);
    expect(notices[0]!.sends).toEqual([]);
    expect(notices[1]!.sends.map((m) => m.to)).toEqual([2, 3]);
    const s = summary(flat);
    expect(s.leader).toBe(1);
    expect(s.messagesByKind).toEqual({ election: 3 });
  });

  it('random crash schedules, static and mid-run, sync and async: whenever someone is alive at the end, the highest live id leads and every live process knows it', () => {
    const schedule = fc
      .record({
        n: fc.integer({ min: 1, max: 9 }),
        mode: fc.constantFrom('sync', 'async'),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        maxDelay: fc.integer({ min: 1, max: 10 }),
        // per process: up, crashed from the start, or crashing at a time
        fate: fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant<'up' | 'start' | number>('up') },
            { weight: 1, arbitrary: fc.constant<'up' | 'start' | number>('start') },
            { weight: 3, arbitrary: fc.integer({ min: 0, max: 80 }) },
          ),
          { minLength: 9, maxLength: 9 },
        ),
        initiator: fc.integer({ min: 1, max: 9 }),
        coordinatorTo: fc.constantFrom('lower', 'all'),
        exclude: fc.boolean(),
      })
      // Someone is up at the start: everyone down at time 0 is refused (EVERYONE_CRASHES, faults.ts).
      .filter((r) => r.fate.slice(0, r.n).some((f) => f !== 'start' && f !== 0));
    let midRun = 0;
    fc.assert(
      fc.property(schedule, (r) => {
        const ids = Array.from({ length: r.n }, (_, i) => i + 1);
        const crashed = ids.filter((id) => r.fate[id - 1] === 'start');
        const crashes = ids.filter((id) => typeof r.fate[id - 1] === 'number');
        const flat: Record<string, string> = {
          alg: 'bully',
          n: String(r.n),
          mode: r.mode,
          seed: String(r.seed),
          maxDelay: String(r.maxDelay),
          coordinatorTo: r.coordinatorTo,
        };
        if (crashed.length) flat.crashed = crashed.join(',');
        if (crashes.length) flat.crashes = crashes.map((id) => `${id}@${r.fate[id - 1]}`).join(',');
        if (r.initiator <= r.n && !crashed.includes(r.initiator)) flat.initiator = String(r.initiator);
        if (r.exclude) flat.excludeKnownCrashed = '1';
        if (crashes.length) midRun++;
        const sim = simulate(flat);
        expect(sim.terminated).toBe(true);
        expect(sim.violations).toEqual([]);
        const live = ids.filter((id) => !sim.isCrashed(id));
        if (live.length === 0) return;
        const top = Math.max(...live);
        expect(sim.result().leader, JSON.stringify(flat)).toBe(top);
        const states = sim.nodeStates() as (BullyState | null)[];
        for (const id of live) expect(states[sim.positionOf(id)]!.coordinator, `${id} knows`).toBe(top);
      }),
      { numRuns: 1200, seed: 20_240_601 },
    );
    // most schedules crash some process during the run
    expect(midRun).toBeGreaterThan(600);
  });
});
