import { describe, expect, it } from 'vitest';
import { findAlgorithm } from '../../src/algorithms/registry';
import { bitReversalRing } from '../../src/algorithms/hs';
import { petersonWorstRing } from '../../src/algorithms/peterson';
import { planExperiment, runExperiment, runPlanned, type RunPlan } from '../../src/experiments/runner';
import { SPEC_DEFAULTS, type ExperimentSpec } from '../../src/experiments/spec';
import { summary } from '../util/run';

const spec = (s: Partial<ExperimentSpec>): ExperimentSpec => ({
  ...SPEC_DEFAULTS,
  algorithms: ['lcr'],
  ns: [4],
  orders: ['worst'],
  ...s,
});
const plan = (s: Partial<ExperimentSpec>): RunPlan[] => {
  const p = planExperiment(spec(s));
  if (!p.ok) throw new Error(p.error);
  return p.runs;
};
const rows = (s: Partial<ExperimentSpec>) => [...runExperiment(plan(s))];
const refusal = (s: Partial<ExperimentSpec>) => {
  const p = planExperiment(spec(s));
  if (p.ok) throw new Error('accepted');
  return p.error;
};
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const ceilLog2 = (n: number) => Math.ceil(Math.log2(n) - 1e-12);
const floorLog2 = (n: number) => Math.floor(Math.log2(n) + 1e-12);

describe('experiment runner', () => {
  it('LCR, ids desc, sync: n(n+1)/2 + n messages and 2n rounds for every n in 4..64 (docs/algorithms.md §1.1)', () => {
    const out = rows({ algorithms: ['lcr'], ns: range(4, 64), orders: ['desc'] });
    expect(out.map((r) => r.n)).toEqual(range(4, 64));
    for (const r of out) {
      expect(r).toMatchObject({ algorithm: 'lcr', order: 'desc', seed: 1, terminated: true });
      expect(r.messages).toBe((r.n * (r.n + 1)) / 2 + r.n);
      expect(r.rounds).toBe(2 * r.n);
    }
  });

  it('LCR worst is ids desc, best is ids asc (C1): n(n+1)/2 + n and 2n−1 + n', () => {
    for (const r of rows({ ns: [5, 9, 20], orders: ['worst', 'best'] })) {
      const election = r.order === 'worst' ? (r.n * (r.n + 1)) / 2 : 2 * r.n - 1;
      expect(r.messages).toBe(election + r.n);
    }
  });

  it('HS stays under 8n(1+⌈log n⌉) + n on every order and seed, n = 4..64', () => {
    const out = rows({ algorithms: ['hs'], ns: range(4, 64), orders: ['worst', 'best', 'random'], seeds: 2 });
    expect(out).toHaveLength(61 * 4); // worst and best once each (sync, fixed ids), random twice
    for (const r of out) expect(r.messages).toBeLessThanOrEqual(8 * r.n * (1 + ceilLog2(r.n)) + r.n);
  });

  it('HS: the sorted ring matches the golden table (28, 49, 64, 116, 136, 280, 568 + n) and the worst ring costs more', () => {
    const golden: Record<number, number> = { 4: 28, 5: 49, 8: 64, 12: 116, 16: 136, 32: 280, 64: 568 };
    const ns = Object.keys(golden).map(Number);
    const out = rows({ algorithms: ['hs'], ns, orders: ['best', 'worst'] });
    for (const r of out.filter((x) => x.order === 'best')) expect(r.messages).toBe(golden[r.n]! + r.n);
    for (const r of out.filter((x) => x.order === 'worst'))
      expect(r.messages).toBeGreaterThan(golden[r.n]! + r.n);
  });

  it('HS worst reaches the maximum over all rings for n = 4, 5, 6 (docs/algorithms.md: 32, 55, 68)', () => {
    const out = rows({ algorithms: ['hs'], ns: [4, 5, 6], orders: ['worst'], announce: false });
    expect(out.map((r) => r.messages)).toEqual([32, 55, 68]);
  });

  it('Peterson: the built worst ring costs exactly 2n⌊log n⌋ + n (+ n), sorted rings 3n (+ n), n = 1..64', () => {
    for (const r of rows({ algorithms: ['peterson'], ns: range(1, 64), orders: ['worst'] }))
      expect(r.messages).toBe(2 * r.n * floorLog2(r.n) + r.n + r.n);
    for (const r of rows({ algorithms: ['peterson'], ns: range(2, 40), orders: ['best', 'desc'] }))
      expect(r.messages).toBe(3 * r.n + r.n);
  });

  it('builds the rings it documents', () => {
    expect(petersonWorstRing(5)).toEqual([5, 3, 4, 2, 1]); // local maxima 5 and 4, then 5
    expect(petersonWorstRing(8)).toEqual([8, 4, 6, 3, 7, 2, 5, 1]);
    for (const n of range(1, 70)) {
      expect([...petersonWorstRing(n)].sort((a, b) => a - b)).toEqual(range(1, n));
      expect([...bitReversalRing(n)].sort((a, b) => a - b)).toEqual(range(1, n));
    }
    expect(bitReversalRing(8)).toEqual([8, 4, 6, 2, 7, 3, 5, 1]);
  });

  it('a row holds exactly what the single-run CLI reports (messages with the announcement, rounds or time)', () => {
    const [sync] = rows({ ns: [7], orders: ['random'], seeds: 1 });
    const ref = summary({ alg: 'lcr', n: '7', ids: 'random', seed: '1', mode: 'sync' });
    expect(sync).toMatchObject({ messages: ref.messages, rounds: ref.rounds });
    const [async] = rows({ ns: [7], orders: ['asc'], mode: 'async', maxDelay: 5 });
    const refA = summary({ alg: 'lcr', n: '7', ids: 'asc', seed: '1', mode: 'async', maxDelay: '5' });
    expect(async).toMatchObject({ messages: refA.messages, rounds: refA.time });
    const [quiet] = rows({ ns: [7], orders: ['desc'], announce: false });
    expect(quiet!.messages).toBe(28);
  });

  it('repeats only the runs a seed can change: random ids, async delays', () => {
    const s = { ns: [4, 6], orders: ['desc', 'random'] as ExperimentSpec['orders'], seeds: 3 };
    const sync = plan(s);
    expect(sync.map((p) => `${p.order}${p.n}/${p.seed}`)).toEqual([
      'desc4/1',
      'desc6/1',
      'random4/1',
      'random4/2',
      'random4/3',
      'random6/1',
      'random6/2',
      'random6/3',
    ]);
    expect(plan({ ...s, mode: 'async' })).toHaveLength(12);
  });

  it('Bully (when registered): n² − 1 when the lowest id detects, n − 1 when the highest does', () => {
    if (!findAlgorithm('bully')) return;
    for (const r of rows({ algorithms: ['bully'], ns: range(2, 20), orders: ['worst', 'best'] }))
      expect(r.messages).toBe(r.order === 'worst' ? r.n * r.n - 1 : r.n - 1);
  });

  it('tree and GHS (when registered): within their textbook bounds, on seeded random graphs', () => {
    if (findAlgorithm('tree')) {
      const out = rows({ algorithms: ['tree'], ns: range(2, 30), orders: ['random'], seeds: 2 });
      expect(out).toHaveLength(29 * 2);
      // §1.7: n−1 or n `up` messages plus n−1 for the announcement
      for (const r of out) expect([2 * r.n - 2, 2 * r.n - 1]).toContain(r.messages);
    }
    if (findAlgorithm('ghs')) {
      const out = rows({
        algorithms: ['ghs'],
        ns: [4, 8, 16, 32],
        orders: ['asc', 'random'],
        seeds: 2,
        mode: 'async',
      });
      // §1.8: ≤ 5n log n + 2|E|, then at most n `up` and n−1 `elected`
      for (const r of out)
        expect(r.messages).toBeLessThanOrEqual(5 * r.n * Math.log2(r.n) + 2 * r.edges + 2 * r.n - 1);
    }
  });

  it('refuses a bad experiment before running anything, in one sentence', () => {
    expect(refusal({ algorithms: [] })).toMatch(/no algorithm chosen/);
    expect(refusal({ algorithms: ['paxos'] })).toMatch(/unknown algorithm "paxos"/);
    expect(refusal({ algorithms: ['lcr', 'lcr'] })).toMatch(/listed twice/);
    expect(refusal({ ns: [] })).toMatch(/no size n/);
    expect(refusal({ ns: [0] })).toMatch(/n = 0 is not a size/);
    expect(refusal({ orders: [] })).toMatch(/no id order/);
    expect(refusal({ seeds: 0 })).toMatch(/seeds must be/);
    expect(refusal({ mode: 'async', maxDelay: 0 })).toMatch(/max delay/);
    expect(refusal({ ns: range(1, 2000), orders: ['random'], seeds: 11 })).toMatch(/more than 20000 runs/);
    for (const m of [refusal({ algorithms: [] }), refusal({ ns: [0] })]) expect(m).not.toContain('\n');
  });

  it('an algorithm with no known worst order is refused for worst, not run on a guess', () => {
    const unordered = ['tree', 'ghs'].find((id) => findAlgorithm(id));
    if (!unordered) return;
    expect(refusal({ algorithms: [unordered], orders: ['worst'] })).toMatch(
      new RegExp(`${unordered} has no known worst-case id order`),
    );
  });

  it('cancellation: a consumer that stops asking runs nothing more', () => {
    const runs = plan({ ns: [4, 5, 6, 7, 8] });
    // The fourth plan would throw if it ran: the generator must be lazy for the worker to stop between runs.
    const poisoned = runs.map((p, i) =>
      i === 3 ? { ...p, scenario: { ...p.scenario, algorithm: 'nope' } } : p,
    );
    expect(() => runPlanned(poisoned[3]!)).toThrow(/unknown algorithm/);
    const gen = runExperiment(poisoned);
    const seen: number[] = [];
    for (const row of gen) {
      seen.push(row.n);
      if (seen.length === 3) break; // cancel between runs
    }
    expect(seen).toEqual([4, 5, 6]);
    expect(gen.next().done).toBe(true);
  });
});
