import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSystem, runSystem, type SystemRow } from '../../src/experiments/system-runner';
import { aggregate, systemColumns, systemCsv } from '../../src/experiments/system-table';
import {
  defaultSystemSpec,
  findSystemExperiment,
  SYSTEM_EXPERIMENTS,
  type SystemSpec,
} from '../../src/experiments/systems';
import { createExperimentServer } from '../../src/experiments/serve';
import type { WorkerReply } from '../../src/experiments/protocol';

/** Every row of the experiment, as the CLI and the worker run them. */
function rowsOf(spec: SystemSpec): SystemRow[] {
  const plan = planSystem(spec);
  if (!plan.ok) throw new Error(plan.error);
  return [...runSystem(plan.runs, findSystemExperiment(spec.preset)!)];
}

const spec = (preset: string, over: Partial<SystemSpec>): SystemSpec => ({
  ...defaultSystemSpec(findSystemExperiment(preset)!),
  ...over,
});

/**
 * Leases, fencing off, synchronous (C28): holder 1 checks its lease at tick t = 100 and pauses from 101
 * for D. Its last renewal reached the store at t + 1, so the key is free from t + 1 + L; the others' ticks
 * are multiples of R, and the first whose CAS arrives (1 later) after that takes it: tick
 * R·(⌊(t + L)/R⌋ + 1), and its leader starts at that tick + 2 (CAS there, casok back). Holder 1 believes
 * it leads until it resumes at 101 + D and its renew deadline (t + 100 < 101 + D for D ≥ 100) makes it
 * give up: split brain max(0, 101 + D − newLeader).
 */
function leaseSplitBrain(d: number, lease = 150, retry = 20, until = 1000): number {
  const t = 100;
  const newLeader = retry * (Math.floor((t + lease) / retry) + 1) + 2;
  // The paused holder believes it leads until it resumes at 101 + D, or the run's horizon (the
  // preset's until = 1000) ends it first: a pause past 899 is cut there.
  return Math.max(0, Math.min(101 + d, until) - newLeader);
}

describe('systems experiments (C27, C28)', () => {
  it('each preset plans its default values and its variants, and names its figures in the header', () => {
    for (const exp of SYSTEM_EXPERIMENTS) {
      const s = defaultSystemSpec(exp);
      const plan = planSystem(s);
      expect(plan.ok).toBe(true);
      if (!plan.ok) continue;
      const seeds = exp.mode === 'async' || exp.algorithm === 'raft' ? s.seeds : 1;
      expect(plan.runs).toHaveLength(s.values.length * exp.variants.length * seeds);
      expect(systemColumns(s)[0]).toBe(exp.vary.name);
    }
  });

  it('lease: split brain is 0 up to the threshold and grows one for one beyond it (exact, chosen and random pauses)', () => {
    const values = [1, 50, 99, 100, 150, 159, 160, 161, 162, 163, 200, 250, 300, 400, 777, 899, 900, 1100];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1200 }), { minLength: 1, maxLength: 25 }),
        (extra) => {
          const all = [...new Set([...values, ...extra])].sort((a, b) => a - b);
          const rows = rowsOf(spec('lease-split-brain', { values: all }));
          for (const r of rows)
            expect([r.value, r.figures.splitBrainTime]).toEqual([r.value, leaseSplitBrain(r.value)]);
        },
      ),
      { numRuns: 2 },
    );
  });

  it('lease: the same law with other lease durations (the threshold moves with the lease)', () => {
    for (const lease of [110, 170, 230]) {
      const rows = rowsOf(spec('lease-split-brain', { vary: 'lease', values: [lease] }));
      // The preset's pause is 300 long.
      expect(rows[0]!.figures.splitBrainTime).toBe(leaseSplitBrain(300, lease));
    }
  });

  it('ZooKeeper: one leader crash sends 1 notification with the recipe and n − 1 with the herd (n = 2…16)', () => {
    const points = aggregate(rowsOf(spec('zookeeper-notifications', { values: [2, 3, 4, 5, 8, 11, 16] })));
    for (const p of points) {
      const expected = p.variant === 'herd' ? p.value - 1 : 1;
      expect([p.value, p.variant, p.stats.watchNotifications!.mean]).toEqual([p.value, p.variant, expected]);
      // The first election and the one after the crash.
      expect(p.stats.leaderChanges!.mean).toBe(2);
    }
  });

  it('Raft: with no spread (150-150) no term is ever won, for every seed: unavailable for the whole run', () => {
    const rows = rowsOf(spec('raft-unavailability', { values: [150], seeds: 8 }));
    for (const r of rows) {
      expect(r.figures.leaderChanges).toBe(0);
      expect(r.figures.unavailableTime).toBe(3000);
    }
  });

  // No exact value and no trend holds for every seed (150-151 elects within 3000 in some seeds, not in
  // others); what holds for each is the bound: nobody stands before min, and a leader is in charge only
  // once its RequestVote, a vote and its first heartbeat have each taken at least one time unit.
  it('Raft: every seed and range is unavailable at least min + 3 (timeout, vote request, vote, heartbeat)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 151, max: 600 }), fc.integer({ min: 1, max: 1000 }), (max, seed) => {
        const plan = planSystem(spec('raft-unavailability', { values: [max], seeds: 1 }));
        if (!plan.ok) throw new Error(plan.error);
        const run = { ...plan.runs[0]!, scenario: { ...plan.runs[0]!.scenario, seed } };
        const [row] = [...runSystem([run], findSystemExperiment('raft-unavailability')!)];
        expect(row!.figures.unavailableTime).toBeGreaterThanOrEqual(150 + 3);
        expect(row!.figures.unavailableTime).toBeLessThanOrEqual(3000);
        // Nobody ever led: without a leader for the whole run.
        if (row!.figures.leaderChanges === 0) expect(row!.figures.unavailableTime).toBe(3000);
      }),
      { numRuns: 30 },
    );
  });

  it('aggregates: mean, least and most over the seeds, as a naive second computation gives them', () => {
    const rows = rowsOf(spec('raft-unavailability', { values: [160, 200], seeds: 5 }));
    const points = aggregate(rows);
    expect(points.map((p) => [p.value, p.runs])).toEqual([
      [160, 5],
      [200, 5],
    ]);
    for (const p of points) {
      const xs = rows.filter((r) => r.value === p.value).map((r) => r.figures.unavailableTime!);
      let sum = 0;
      for (const x of xs) sum += x;
      expect(p.stats.unavailableTime).toEqual({
        mean: Math.round((sum / xs.length) * 1000) / 1000,
        min: xs.reduce((a, b) => (b < a ? b : a)),
        max: xs.reduce((a, b) => (b > a ? b : a)),
      });
    }
    const csv = systemCsv(spec('raft-unavailability', { values: [160, 200], seeds: 5 }), points);
    expect(csv.split('\n')[1]!.split(',')[0]).toBe('160');
  });

  it('the worker’s service plans, then answers each run asked for with its row (or one error)', () => {
    const replies: WorkerReply[] = [];
    const serve = createExperimentServer((r) => replies.push(r));
    const good = spec('lease-split-brain', { values: [100, 200] });
    serve({ type: 'start-system', spec: good });
    serve({ type: 'run', index: 1 });
    serve({ type: 'run', index: 0 });
    const plan = planSystem(good);
    if (!plan.ok) throw new Error(plan.error);
    const serial = [...runSystem(plan.runs, findSystemExperiment('lease-split-brain')!)];
    expect(replies).toEqual([
      { type: 'planned', total: 2 },
      { type: 'system-row', row: serial[1], index: 1 },
      { type: 'system-row', row: serial[0], index: 0 },
    ]);
    const bad: WorkerReply[] = [];
    createExperimentServer((r) => bad.push(r))({
      type: 'start-system',
      spec: spec('lease-split-brain', { vary: 'renew', values: [200] }),
    });
    expect(bad).toEqual([
      { type: 'error', message: expect.stringMatching(/^renew = 200: renew deadline 200 must be shorter/) },
    ]);
  });
});
