import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/algorithms/registry';
import type { Simulation } from '../../src/engine/simulation';
import type { Flat } from '../../src/scenario/parse';
import { simulate } from '../util/run';

/**
 * What each algorithm's `underDuplicates` says (C26), checked on runs with duplicates: those that
 * tolerate them elect as without (no monitor fires), those that do not fail in some run, and the
 * monitors say so.
 */
const SEEDS = [1, 2, 3, 4, 5, 6];
const MODES = ['sync', 'async'] as const;

function run(alg: string, mode: string, seed: number): Simulation {
  const flat: Flat = { alg, n: '8', mode, seed: String(seed), dup: '0.3' };
  return simulate(flat);
}

/** Every finding of the monitors, the engine's checks and the algorithm's own monitor. */
const findings = (sim: Simulation) => [
  ...(sim.monitors?.violations ?? []),
  ...sim.violations,
  ...sim.runViolations(),
];

describe('duplicates: each algorithm as its description says (C26)', () => {
  it('every algorithm says whether it tolerates duplicates', () => {
    for (const a of ALGORITHMS) expect(a.underDuplicates.length).toBeGreaterThan(40);
  });

  // The largest uid is still the one leader and every monitor holds (agreement, termination).
  for (const alg of ['lcr', 'chang-roberts', 'hs', 'franklin', 'floodmax', 'bully'])
    it(`${alg} tolerates duplicates: the largest uid is elected, no monitor fires`, () => {
      for (const mode of MODES)
        for (const seed of SEEDS) {
          const sim = run(alg, mode, seed);
          expect(sim.terminated).toBe(true);
          expect(findings(sim)).toEqual([]);
          expect(sim.result().leader).toBe(Math.max(...sim.graph.ids));
          expect(sim.getCounters().duplicated).toBeGreaterThan(0);
        }
    });

  for (const alg of ['raft', 'lease', 'itai-rodeh'])
    it(`${alg}: a leader, and no monitor fires in runs with duplicates`, () => {
      for (const mode of MODES)
        for (const seed of SEEDS) {
          const sim = run(alg, mode, seed);
          expect(findings(sim)).toEqual([]);
          expect(sim.result().leader).not.toBeNull();
        }
    });

  it('floodmax: the messages sent are those of the run without duplicates', () => {
    const plain = simulate({ alg: 'floodmax', n: '8', mode: 'sync', seed: '2' });
    expect(run('floodmax', 'sync', 2).getCounters().sent).toBe(plain.getCounters().sent);
  });

  it('peterson does not: a copy arrives where the next phase’s message should and is refused', () => {
    const refused = SEEDS.flatMap((seed) => findings(run('peterson', 'sync', seed))).filter((v) =>
      v.message.includes('the algorithm assumes reliable channels'),
    );
    expect(refused.length).toBeGreaterThan(0);
  });

  for (const alg of ['tree', 'ghs'])
    it(`${alg} does not: some run with duplicates ends with a monitor’s finding`, () => {
      const broken = MODES.flatMap((mode) => SEEDS.map((seed) => findings(run(alg, mode, seed))));
      expect(broken.some((f) => f.length > 0)).toBe(true);
    });

  it('tree: a copied up message makes two leaders at once in some run', () => {
    const two = SEEDS.flatMap((seed) => findings(run('tree', 'sync', seed))).filter((v) =>
      v.message.startsWith('2 processes are leader at once'),
    );
    expect(two.length).toBeGreaterThan(0);
  });

  it('zookeeper does not: a copied create leaves some run without a leader for good', () => {
    const leaders = SEEDS.map((seed) => run('zookeeper', 'sync', seed).result().leader);
    const plain = SEEDS.map(
      (seed) => simulate({ alg: 'zookeeper', n: '8', mode: 'sync', seed: String(seed) }).result().leader,
    );
    expect(plain.every((l) => l !== null)).toBe(true);
    expect(leaders.some((l) => l === null)).toBe(true);
  });
});
