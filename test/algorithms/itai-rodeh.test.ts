import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IR_EXPECTED, IR_ROUNDS, itaiRodeh, type ItaiRodehState } from '../../src/algorithms/itai-rodeh';
import { drawAt } from '../../src/engine/draw';
import { Simulation } from '../../src/engine/simulation';
import type { AnyAlgorithm, NodeCtx, TraceEntry } from '../../src/engine/types';
import { buildRun } from '../../src/scenario/build';
import { legacyTraceHash } from '../../src/scenario/legacyHash';
import { parseFlat } from '../../src/scenario/parse';
import { planExperiment, runPlanned } from '../../src/experiments/runner';
import { plotData } from '../../src/experiments/series';
import { SPEC_DEFAULTS } from '../../src/experiments/spec';
import { simulate } from '../util/run';

/**
 * Itai–Rodeh (docs/algorithms.md §1.10, C16). Expected values come from a second, naive model of the
 * rounds written from the rules (not from the module), from murmur3 values printed by a Python
 * implementation, and from an exhaustive enumeration of the draws for small n.
 */

const ids = (n: number, order: 'asc' | 'desc') =>
  Array.from({ length: n }, (_, i) => (order === 'asc' ? i + 1 : n - i)).join(',');

/**
 * The naive model: round by round, from the draws alone. Each active process's message travels to the
 * first active process clockwise with a strictly larger identity, or all n hops if none (§1.10); the
 * holders of the round's largest identity go on; one holder alone is the leader.
 */
function naive(n: number, seed: number): { election: number; rounds: number; leader: number } {
  let active = Array.from({ length: n }, (_, p) => p);
  let election = 0;
  for (let round = 1; ; round++) {
    const draw = new Map(active.map((p) => [p, drawAt(seed, p, round, 1, n)]));
    for (const p of active) {
      let hops = n;
      for (let d = 1; d < n; d++) {
        const q = (p + d) % n;
        if (draw.has(q) && draw.get(q)! > draw.get(p)!) {
          hops = d;
          break;
        }
      }
      election += hops;
    }
    const top = Math.max(...draw.values());
    active = active.filter((p) => draw.get(p) === top);
    if (active.length === 1) return { election, rounds: round, leader: active[0]! };
  }
}

/**
 * The exact expected election messages by enumerating every draw of every round, with the actives'
 * positions (a Markov chain on sets of positions, the self-loop of an all-equal draw solved).
 */
function enumerated(n: number): number {
  const memo = new Map<number, number>();
  const solve = (set: number): number => {
    const known = memo.get(set);
    if (known !== undefined) return known;
    const active = Array.from({ length: n }, (_, p) => p).filter((p) => set & (1 << p));
    let cost = 0;
    let stay = 0;
    let rest = 0;
    const total = n ** active.length;
    const draw = new Array<number>(n).fill(0);
    for (let code = 0; code < total; code++) {
      let c = code;
      for (const p of active) {
        draw[p] = (c % n) + 1;
        c = Math.floor(c / n);
      }
      for (const p of active) {
        let hops = n;
        for (let d = 1; d < n; d++) {
          const q = (p + d) % n;
          if (set & (1 << q) && draw[q]! > draw[p]!) {
            hops = d;
            break;
          }
        }
        cost += hops / total;
      }
      const top = Math.max(...active.map((p) => draw[p]!));
      const next = active.filter((p) => draw[p] === top).reduce((s, p) => s | (1 << p), 0);
      if (next === set) stay += 1 / total;
      else if (active.filter((p) => draw[p] === top).length > 1) rest += solve(next) / total;
    }
    const e = (cost + rest) / (1 - stay);
    memo.set(set, e);
    return e;
  };
  return n === 1 ? 1 : solve((1 << n) - 1);
}

describe('the draws (C16)', () => {
  it('are murmur3_32 of (seed, position, k, attempt), as printed by a Python implementation', () => {
    const full = 2 ** 32 - 1;
    expect(drawAt(0, 0, 0, 0, full)).toBe(2167721464);
    expect(drawAt(1, 2, 3, 0, full)).toBe(3660472503);
    expect(drawAt(4294967295, 7, 99, 0, full)).toBe(4101937131);
    // 2124031397 % 6 = 5 is below the largest multiple of 6 under 2^32: accepted at the first attempt
    expect(drawAt(42, 5, 1, 1, 6)).toBe(1 + (2124031397 % 6));
  });

  it('are uniform over [lo, hi]: 60,000 draws of 1..6 within a chi-square of 25 (p ≈ 10⁻⁴)', () => {
    const counts = new Array<number>(7).fill(0);
    for (let seed = 0; seed < 100; seed++)
      for (let p = 0; p < 60; p++) for (let k = 0; k < 10; k++) counts[drawAt(seed, p, k, 1, 6)]!++;
    const e = 60_000 / 6;
    const chi = counts.slice(1).reduce((s, c) => s + (c - e) ** 2 / e, 0);
    expect(counts[0]).toBe(0);
    expect(chi).toBeLessThan(25);
  });

  it('leave every other run as it was: trace hashes printed by main before the draws existed', () => {
    // `npm run sim -- … --json` at commit 3079a74 (no NodeCtx.draw yet); async runs draw delays (C6).
    // Those are hashes of version 1 (text): recomputed here from each recorded trace (legacyHash.ts).
    const pinned: [Record<string, string>, string][] = [
      [{ alg: 'lcr', ids: '3,1,4,5,2', mode: 'async', seed: '7' }, 'd4029bc17025043a'],
      [{ alg: 'hs', n: '9', ids: 'random', mode: 'async', seed: '11' }, '4c5e7b35e008ee6e'],
      [{ alg: 'bully', n: '6', mode: 'async', seed: '5', crashes: '6@3' }, '7aa959d848ce14d5'],
      [{ alg: 'ghs', n: '8', topo: 'random', mode: 'async', seed: '3' }, '4f65a0c604588d29'],
      [{ alg: 'peterson', n: '10', ids: 'random', mode: 'async', seed: '2' }, 'e69fd49f3f96fa93'],
    ];
    for (const [flat, hash] of pinned)
      expect(legacyTraceHash(simulate(flat).trace), JSON.stringify(flat)).toBe(hash);
  });
});

describe('Itai–Rodeh', () => {
  it('matches the naive model: election messages, rounds n·R (+n), leader position, n = 1..12, seeds 0..39', () => {
    for (let n = 1; n <= 12; n++) {
      for (let seed = 0; seed < 40; seed++) {
        const m = naive(n, seed);
        const sync = simulate({ alg: 'itai-rodeh', n: String(n), mode: 'sync', seed: String(seed) });
        const c = sync.getCounters();
        expect(c.sentByKind.election).toBe(m.election);
        expect(c.sentByKind.elected).toBe(n);
        expect(sync.lastDeliveryTime).toBe(n * m.rounds + n);
        expect(sync.positionOf(sync.result().leader!)).toBe(m.leader);
        // async: the same draws, and the count does not depend on the schedule (§1.10)
        const a = simulate({
          alg: 'itai-rodeh',
          n: String(n),
          mode: 'async',
          seed: String(seed),
          maxDelay: '5',
        });
        expect(a.getCounters().sentByKind.election).toBe(m.election);
        expect(a.positionOf(a.result().leader!)).toBe(m.leader);
      }
    }
  });

  it('runs the preset as worked by hand: a round-1 tie of two 6s, then 5 beats 2 (n = 6, seed 5)', () => {
    // The draws, by ring position: round 1 and round 2 (only positions 4 and 5 are still active).
    expect([0, 1, 2, 3, 4, 5].map((p) => drawAt(5, p, 1, 1, 6))).toEqual([4, 3, 3, 3, 6, 6]);
    expect([4, 5].map((p) => drawAt(5, p, 2, 1, 6))).toEqual([2, 5]);
    // Round 1: 4 → the first 6 is 4 hops on, each 3 stops at that 6 (3, 2, 1 hops; a 3 is not larger
    // than a 3), both 6s go all 6 hops: 22. Round 2: 2 → 5 in 1 hop, 5 all 6 hops: 7.
    const sim = simulate({ alg: 'itai-rodeh', n: '6', mode: 'sync', seed: '5' });
    expect(sim.getCounters().sentByKind).toEqual({ election: 29, elected: 6 });
    expect(sim.lastDeliveryTime).toBe(2 * 6 + 6);
    expect(sim.positionOf(sim.result().leader!)).toBe(5);
    const ties = sim.trace.filter(
      (e) => e.msg?.kind === 'election' && (e.msg as unknown as { bit: boolean }).bit,
    );
    expect(ties.length).toBeGreaterThan(0);
  });

  it('elects exactly one leader that every process learns, sync and async (random n, seeds, delays)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom('sync', 'async'),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (n, seed, mode, maxDelay, announce) => {
          const sim = simulate({
            alg: 'itai-rodeh',
            n: String(n),
            mode,
            seed: String(seed),
            maxDelay: String(maxDelay),
            announce: announce ? '1' : '0',
          });
          expect(sim.violations).toEqual([]);
          expect(sim.terminated).toBe(true);
          const roles = sim.nodeStates().map((_, i) => sim.roleOf(i));
          expect(roles.filter((r) => r === 'leader')).toHaveLength(1);
          if (announce) {
            expect(roles.filter((r) => r === 'nonLeader')).toHaveLength(n - 1);
            expect((sim.nodeStates() as ItaiRodehState[]).every((s) => s.halted)).toBe(true);
          }
        },
      ),
      { numRuns: 150, seed: 10 },
    );
  });

  it('never reads an id: other ids give the same messages, times and leader position (C16)', () => {
    const positional = (sim: Simulation) =>
      (sim.trace as TraceEntry[]).map((e) => ({
        kind: e.kind,
        time: e.time,
        at: sim.positionOf(e.node),
        msg: e.msg,
        sends: e.sends.map((s) => [sim.positionOf(s.to), s.deliverAt, s.msg]),
      }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.shuffledSubarray(
              Array.from({ length: 3 * n }, (_, i) => i + 1),
              { minLength: n, maxLength: n },
            ),
          ),
        ),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('sync', 'async'),
        ([n, other], seed, mode) => {
          const base = { alg: 'itai-rodeh', mode, seed: String(seed), maxDelay: '4' };
          const a = simulate({ ...base, ids: ids(n, 'asc') });
          const b = simulate({ ...base, ids: other.join(',') });
          expect(positional(b)).toEqual(positional(a));
          expect(b.positionOf(b.result().leader!)).toBe(a.positionOf(a.result().leader!));
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('its handlers run on contexts whose id throws when read', () => {
    const guarded: AnyAlgorithm = {
      ...itaiRodeh,
      init: (ctx: NodeCtx, p: unknown) => itaiRodeh.init(hideId(ctx), p as never),
      onMessage: (s: unknown, from: number, m: never, ctx: NodeCtx, p: unknown) =>
        itaiRodeh.onMessage(s as never, from, m, hideId(ctx), p as never),
    };
    for (const mode of ['sync', 'async'] as const) {
      const parsed = parseFlat({ v: '1', alg: 'itai-rodeh', n: '9', mode, seed: '5' });
      if (!parsed.ok) throw new Error('bad scenario');
      const run = buildRun(parsed.value);
      if (!run.ok) throw new Error('bad run');
      const sim = new Simulation({ ...run.value, algorithm: guarded }).runToEnd();
      expect(sim.terminated).toBe(true);
      expect(sim.result().leader).not.toBeNull();
    }
  });

  it('replays exactly: stepping back and seeking reproduce every state, count and hash', () => {
    for (const mode of ['sync', 'async'] as const) {
      const spec = { alg: 'itai-rodeh', n: '7', mode, seed: '5' };
      const full = simulate(spec, { checkpointEvery: 16 });
      const total = full.step;
      const hash = full.traceHash();
      for (const k of [total - 1, 3, Math.floor(total / 2), 0, total - 5, total]) {
        full.seek(k);
        const fresh = simulate(spec, { stepBudget: k });
        expect(full.step).toBe(k);
        expect(JSON.stringify(full.nodeStates())).toBe(JSON.stringify(fresh.nodeStates()));
        expect(full.getCounters()).toEqual(fresh.getCounters());
        expect(full.inFlight()).toEqual(fresh.inFlight());
      }
      full.seek(total);
      expect(full.traceHash()).toBe(hash);
      full.stepBack();
      full.runToEnd();
      expect(full.traceHash()).toBe(hash);
    }
  });

  it('different seeds give different runs', () => {
    const counts = new Set<number>();
    for (let seed = 0; seed < 20; seed++)
      counts.add(
        simulate({ alg: 'itai-rodeh', n: '8', mode: 'sync', seed: String(seed) }).getCounters().sent,
      );
    expect(counts.size).toBeGreaterThan(3);
  });

  it('its expected count E(n) is the exact mean over every draw, n = 1..5 (exhaustive enumeration)', () => {
    for (let n = 1; n <= 5; n++) expect(IR_EXPECTED.value(n, n)).toBeCloseTo(enumerated(n), 9);
    // n = 2 by hand: each round costs 2 + 2 (tie, p = 1/2) or 1 + 2 (no tie): E = 3.5 / (1 − 1/2) = 7
    expect(IR_EXPECTED.value(2, 2)).toBeCloseTo(7, 12);
  });

  it('its expected counts agree with the mean over 600 seeds within 4 standard errors, n = 8 and 20', () => {
    for (const n of [8, 20]) {
      const msgs: number[] = [];
      const rounds: number[] = [];
      for (let seed = 1; seed <= 600; seed++) {
        const m = naive(n, seed);
        msgs.push(m.election);
        rounds.push(n * m.rounds);
      }
      for (const [xs, f] of [
        [msgs, IR_EXPECTED],
        [rounds, IR_ROUNDS],
      ] as const) {
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
        expect(Math.abs(mean - f.value(n, n))).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
      }
    }
  });

  it('E(n) stays finite and grows like n·log n-ish for large n (the tie cut-off is harmless)', () => {
    let prev = 0;
    for (const n of [10, 64, 65, 100, 1000, 20_000]) {
      const e = IR_EXPECTED.value(n, n);
      expect(Number.isFinite(e)).toBe(true);
      expect(e).toBeGreaterThan(prev);
      // at least the first round's n·H_n-like cost, at most 3 rounds of n²: loose, but catches NaN/∞
      expect(e).toBeGreaterThanOrEqual(n);
      expect(e).toBeLessThan(3 * n * n);
      prev = e;
    }
    // n = 64 is the last n enumerated completely; n = 65 drops ties of 65 (probability 65/65! < 10⁻⁸⁵)
    expect(IR_EXPECTED.value(65, 65) / IR_EXPECTED.value(64, 64)).toBeCloseTo(65 / 64, 1);
  });

  it('experiments repeat it per seed even in sync mode, and chart the mean, the min–max spread and E(n) + n', () => {
    const plan = planExperiment({
      ...SPEC_DEFAULTS,
      algorithms: ['itai-rodeh'],
      ns: [4, 8],
      orders: ['asc'],
      seeds: 30,
    });
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.runs).toHaveLength(60);
    const rows = plan.runs.map((r) => runPlanned(r));
    // each row is the naive model's count plus the announcement
    for (const r of rows) expect(r.messages).toBe(naive(r.n, r.seed).election + r.n);
    const p = plotData(rows, { metric: 'messages', mode: 'sync', announce: true });
    const of = (kind: string) => p.series.find((s) => s.kind === kind)!;
    const counts = (n: number) => rows.filter((r) => r.n === n).map((r) => r.messages);
    expect(of('min').values).toEqual([Math.min(...counts(4)), Math.min(...counts(8))]);
    expect(of('max').values).toEqual([Math.max(...counts(4)), Math.max(...counts(8))]);
    expect(of('min').label).toBe('Itai–Rodeh asc: min of 30 seeds');
    const mean = of('mean');
    expect(mean.label).toBe('Itai–Rodeh asc: E(n) + n (mean over the random draws)');
    expect(mean.values[1]).toBeCloseTo(32.1976 + 8, 3); // docs/algorithms.md §1.10, E(8)
    expect(of('lower').values).toEqual([2 * 4 - 1 + 4, 2 * 8 - 1 + 8]);
    for (let i = 0; i < 2; i++) {
      expect(of('min').values[i]!).toBeLessThanOrEqual(of('measured').values[i]!);
      expect(of('measured').values[i]!).toBeLessThanOrEqual(of('max').values[i]!);
    }
  });

  it('refuses a topology other than the ring in one sentence', () => {
    const parsed = parseFlat({ v: '1', alg: 'itai-rodeh', n: '5', topo: 'complete' });
    const built = parsed.ok ? buildRun(parsed.value) : parsed;
    const errors = built.ok ? [] : built.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/does not run on a complete graph.*unidirectional ring/);
  });

  it('labels a node with its identity of the round, never its id', () => {
    const sim = simulate({ alg: 'itai-rodeh', ids: '40,50,60', mode: 'sync', seed: '2' });
    const label = itaiRodeh.nodeLabel!;
    expect(label(null)).toBe('?');
    for (const s of sim.nodeStates() as ItaiRodehState[]) {
      expect(label(s)).toBe(s.passive ? '' : String(s.identity));
      expect(['40', '50', '60']).not.toContain(label(s));
    }
  });
});

/** The context with `id` hidden: reading it throws. */
function hideId(ctx: NodeCtx): NodeCtx {
  const out = Object.create(ctx) as NodeCtx;
  Object.defineProperty(out, 'id', {
    get() {
      throw new Error('Itai–Rodeh read a node id');
    },
  });
  return out;
}
