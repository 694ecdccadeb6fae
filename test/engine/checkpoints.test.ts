import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';

/** A recorded run of the scenario, not yet stepped. */
function fresh(flat: Flat, checkpointEvery: number): Simulation {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const run = buildRun(parsed.value);
  if (!run.ok) throw new Error(run.errors[0]!.message);
  return new Simulation({ ...run.value, record: true, checkInvariants: true, checkpointEvery });
}

/** Everything a step back must bring back: states, roles, crashes, the queue, counters and the hash. */
function look(sim: Simulation) {
  return {
    step: sim.step,
    now: sim.now,
    hash: sim.traceHash(),
    states: sim.nodeStates().slice(),
    roles: Array.from({ length: sim.n }, (_, i) => sim.roleOf(i)),
    crashed: sim.graph.ids.map((id) => sim.isCrashed(id)),
    inFlight: sim.inFlight(),
    counters: sim.getCounters(),
  };
}

// Crashes during the run (Bully's detector, drops, crash steps), barrier calls (GHS), async FIFO links.
const SCENARIOS: Flat[] = [
  { alg: 'bully', n: '9', mode: 'async', maxDelay: '3', seed: '4', crashes: '9@2,8@6,5@9' },
  { alg: 'bully', n: '7', crashes: '7@1,6@4' },
  { alg: 'ghs', n: '8', topo: 'random', seed: '2', mode: 'async', maxDelay: '3' },
  { alg: 'hs', n: '9', ids: 'random', seed: '5', mode: 'async', maxDelay: '5' },
  // Many messages in flight per link with long delays: the FIFO horizons matter after a seek.
  { alg: 'lcr', n: '14', ids: 'desc', seed: '1', mode: 'async', maxDelay: '12' },
];

describe('checkpoints: the journal, the state history and the crash steps give back every step', () => {
  for (const flat of SCENARIOS) {
    it(`${flat.alg} ${flat.crashes ?? flat.topo ?? flat.ids ?? ''}: any order of seeks equals stepping forward from 0`, () => {
      // The reference never seeks: a second run stepped forward, its view taken at every step.
      const ref = fresh(flat, 5);
      const at = [look(ref)];
      while (ref.stepForward()) at.push(look(ref));
      const total = ref.step;
      expect(total).toBeGreaterThan(20);
      fc.assert(
        fc.property(fc.array(fc.nat(total), { minLength: 1, maxLength: 12 }), (targets) => {
          const sim = fresh(flat, 5);
          // Half the runs start recorded to the end, half only partly: seeks past the frontier too.
          sim.seek(targets[0]!);
          for (const k of targets) {
            sim.seek(k);
            expect(look(sim)).toEqual(at[k]);
            if (k > 0) {
              sim.stepBack();
              expect(look(sim)).toEqual(at[k - 1]);
            }
          }
          sim.seek(total);
          expect(look(sim)).toEqual(at[total]);
          // nothing left after the last step (barrier or last look included)
          expect(sim.stepForward()).toBe(false);
          expect(sim.done).toBe(true);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('a checkpoint holds no copy of the queue: its cost does not grow with the events waiting', () => {
    // Bully on a complete graph of 60: thousands of messages wait in the queue at most checkpoints.
    const sim = fresh({ alg: 'bully', n: '60' }, 64);
    sim.runToEnd();
    const end = sim.step;
    let queued = 0;
    for (let k = 0; k <= end; k += 64) {
      sim.seek(k);
      queued += sim.inFlight().length;
    }
    const m = sim.memory();
    expect(m.checkpointCount).toBe(Math.floor(end / 64) + 1);
    // Copying the queue at every checkpoint would take ≥ 24 B per waiting event (its typed-array row).
    expect(queued * 24).toBeGreaterThan(1_000_000);
    expect(m.checkpoints).toBeLessThan((queued * 24) / 10);
    // The journal holds each event once: about 37 B per event pushed (= sent messages + start-ups).
    expect(m.journal).toBeLessThan(2 * 48 * (sim.getCounters().sent + sim.n) + 64 * 1024);
  });
});
