import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ghs } from '../../src/algorithms/ghs';
import type { GhsMsg, GhsParams, GhsState } from '../../src/algorithms/ghs-types';
import { tree, type DecideTimer } from '../../src/algorithms/tree';
import { buildContexts } from '../../src/engine/context';
import { Simulation, type SimulationConfig } from '../../src/engine/simulation';
import type { AnyAlgorithm, Graph, NodeCtx, Reaction, TraceEntry } from '../../src/engine/types';
import { buildRun } from '../../src/scenario/build';
import { json } from '../../src/scenario/json';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { naiveGhs } from './ghs-reference/naive-ghs';
import { naiveTree } from './ghs-reference/naive-tree';

/**
 * GHS's deferred messages are indexed by what they wait for and its tables are persistent; the
 * naive implementation it replaced (test/algorithms/ghs-reference/) retries the whole queue after
 * every step. Both must produce the same run, step for step — what the log, the inspector, the
 * trace export and the hash read — and the same counts.
 */
function config(flat: Flat): SimulationConfig {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const run = buildRun(parsed.value);
  if (!run.ok) throw new Error(run.errors.map((e) => e.message).join('; '));
  return run.value;
}

/** Everything a step shows: the log line, the sends, the pseudo-code, the inspector and the raw state. */
function shown(alg: AnyAlgorithm, e: TraceEntry) {
  return {
    step: e.step,
    time: e.time,
    kind: e.kind,
    node: e.node,
    from: e.from,
    msg: e.msg,
    msgSeq: e.msgSeq,
    timer: e.timer,
    sends: e.sends,
    roles: [e.roleBefore, e.roleAfter],
    lines: [...e.lines],
    note: e.note,
    inspector: e.after === null || e.after === undefined ? null : alg.describe(e.after),
    state: json(e.after),
  };
}

/** Runs the scenario with the real algorithm and with the naive one; compares every step. */
function sameRun(flat: Flat, real: AnyAlgorithm, naive: AnyAlgorithm, record = true): Simulation {
  const cfg = config(flat);
  const a = new Simulation({ ...cfg, algorithm: real, record, checkInvariants: true }).runToEnd();
  const b = new Simulation({ ...cfg, algorithm: naive, record }).runToEnd();
  expect(a.terminated).toBe(true);
  expect(a.violations).toEqual([]);
  if (record) {
    expect(a.trace.length).toBe(b.trace.length);
    for (let k = 0; k < a.trace.length; k++) {
      const x = shown(real, a.trace[k]!);
      const y = shown(naive, b.trace[k]!);
      if (JSON.stringify(x) !== JSON.stringify(y)) expect(x).toEqual(y); // the diff of the first mismatch
    }
  }
  expect(a.step).toBe(b.step);
  expect(a.getCounters()).toEqual(b.getCounters());
  expect(a.result()).toEqual(b.result());
  expect(a.traceHash()).toBe(b.traceHash());
  return a;
}

const deferrals = (sim: Simulation) => sim.trace.filter((e) => e.note.includes(' defers ')).length;

const modeArb = fc.record({
  mode: fc.constantFrom('sync', 'async'),
  maxDelay: fc.integer({ min: 1, max: 12 }),
  seed: fc.nat({ max: 2 ** 31 }),
});

/** null: every node wakes (C4); otherwise a non-empty subset of ids 1..n. */
const wakeArb = (n: number) =>
  fc.option(fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: Math.min(n, 4) }), {
    nil: null,
  });

function flatOf(
  topo: string,
  n: number,
  m: { mode: string; maxDelay: number; seed: number },
  wake: number[] | null,
) {
  const flat: Flat = { alg: 'ghs', topo, n: String(n), ids: 'random', mode: m.mode, seed: String(m.seed) };
  if (m.mode === 'async') flat.maxDelay = String(m.maxDelay);
  if (wake) flat.wake = wake.join(',');
  return flat;
}

describe('GHS deferred messages: the indexed queue runs exactly as the naive one', () => {
  it('random connected graphs, sync and async, any seed and wake set', () => {
    let deferred = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 36 }).chain((n) => fc.tuple(fc.constant(n), modeArb, wakeArb(n))),
        ([n, m, wake]) => {
          deferred += deferrals(sameRun(flatOf('random', n, m, wake), ghs, naiveGhs));
        },
      ),
      { numRuns: 120 },
    );
    expect(deferred).toBeGreaterThan(100); // the property exercised the queue
  });

  it('stars: the centre defers a connect from nearly every leaf and takes them out in one step', () => {
    let deferred = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 70 }).chain((n) => fc.tuple(fc.constant(n), modeArb, wakeArb(n))),
        ([n, m, wake]) => {
          deferred += deferrals(sameRun(flatOf('star', n, m, wake), ghs, naiveGhs));
        },
      ),
      { numRuns: 60 },
    );
    expect(deferred).toBeGreaterThan(500);
  });

  it('complete graphs: every node tests and rejects most of its edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 14 }).chain((n) => fc.tuple(fc.constant(n), modeArb, wakeArb(n))),
        ([n, m, wake]) => {
          sameRun(flatOf('complete', n, m, wake), ghs, naiveGhs);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('grids and hypercubes, and bigger graphs by hash and counts (recording off)', () => {
    for (const mode of ['sync', 'async'])
      for (const seed of [1, 2]) {
        const m = { mode, maxDelay: 10, seed };
        sameRun(flatOf('grid', 30, m, null), ghs, naiveGhs);
        sameRun(flatOf('hypercube', 16, m, [3]), ghs, naiveGhs);
        sameRun(flatOf('star', 600, m, null), ghs, naiveGhs, false);
        sameRun(flatOf('star', 400, m, [1, 7]), ghs, naiveGhs, false);
        sameRun(flatOf('complete', 40, m, null), ghs, naiveGhs, false);
        sameRun(flatOf('random', 500, m, null), ghs, naiveGhs, false);
      }
  });

  it('the tree convergecast with a persistent heard list runs as the naive one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('star', 'tree', 'path'),
        fc.integer({ min: 1, max: 60 }),
        modeArb,
        (topo, n, m) => {
          const flat: Flat = {
            alg: 'tree',
            topo,
            n: String(n),
            ids: 'random',
            mode: m.mode,
            seed: String(m.seed),
          };
          if (m.mode === 'async') flat.maxDelay = String(m.maxDelay);
          sameRun(flat, tree, naiveTree);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('handlers stay pure on a hub: deep-frozen states give the same run', () => {
    const freeze = <T>(v: T): T => {
      if (v && typeof v === 'object' && !Object.isFrozen(v)) {
        Object.freeze(v);
        for (const x of Object.values(v)) freeze(x);
      }
      return v;
    };
    const frozen: AnyAlgorithm = {
      ...ghs,
      onMessage: (s, from, msg, node, p) => ghs.onMessage(freeze(s), from, freeze(msg), node, p),
      onTimer: (s, name, node, p) => ghs.onTimer!(freeze(s), name, node, p),
      onBarrier: (s, node, p) => ghs.onBarrier!(freeze(s), node, p),
    };
    for (const [topo, n] of [
      ['star', 80],
      ['complete', 12],
    ] as const)
      for (const mode of ['sync', 'async'])
        sameRun({ alg: 'ghs', topo, n: String(n), mode, seed: '4' }, frozen, naiveGhs);
  });
});

describe('GHS deferred messages are taken out in the paper’s order', () => {
  // Node 1 with edges 1–2 (w=1) and 1–3 (w=5). Hand-worked: 1 wakes and connects over 1–2; 2's
  // connect(0) makes 1–2 the core of a level-1 fragment; initiate(1, 1, find) from 2 starts 1's search
  // (test over 1–3). Then three messages must wait, in this order:
  //   k0 report(9) from 2 — 2 is in-branch and 1 is still in Find (procedure (10));
  //   k1 test(2, 4) from 3 — level 2 > LN = 1 (procedure (6));
  //   k2 test(2, 6) from 2 — level 2 > LN = 1.
  // initiate(2, 4, find) from 2 raises LN to 2: k1 and k2 can go, k0 still waits (SN = Find). The
  // oldest that can go, k1, goes first: fragment 4 is 1's own, 1 was testing 1–3 itself, so it marks
  // 1–3 Rejected, has no Basic edge left and reports ∞ — SN := Found. That frees k0, which is older
  // than k2, so a full rescan takes k0 next (report(9) across the core, lighter than ∞: nothing), and
  // k2 last (fragment 6 is not 1's: accept).
  const graph: Graph = {
    kind: 'custom',
    ids: [1, 2, 3],
    directed: false,
    edges: [
      { a: 0, b: 1, w: 1 },
      { a: 0, b: 2, w: 5 },
    ],
    weighted: true,
    ring: false,
  };
  const node: NodeCtx = buildContexts(graph, { mode: 'sync', maxDelay: 1 }, { crashed: [], crashes: [] })[0]!;
  const params: GhsParams = { announce: true, wake: null };
  const key = (w: number, lo: number, hi: number) => [w, lo, hi] as const;

  function play(alg: AnyAlgorithm, msgs: [number, GhsMsg][]): Reaction<GhsState, GhsMsg, DecideTimer>[] {
    const out: Reaction<GhsState, GhsMsg, DecideTimer>[] = [alg.init(node, params)];
    for (const [from, msg] of msgs)
      out.push(alg.onMessage(out[out.length - 1]!.state, from, msg, node, params));
    return out;
  }
  const msgs: [number, GhsMsg][] = [
    [2, { kind: 'connect', L: 0 }],
    [2, { kind: 'initiate', L: 1, F: key(1, 1, 2), S: 'Find' }],
    [2, { kind: 'report', w: key(9, 2, 7) }],
    [3, { kind: 'test', L: 2, F: key(4, 1, 3) }],
    [2, { kind: 'test', L: 2, F: key(6, 2, 9) }],
    [2, { kind: 'initiate', L: 2, F: key(4, 1, 3), S: 'Find' }],
  ];

  it('oldest first, and a message freed by handling a younger one comes before the others', () => {
    const steps = play(ghs, msgs);
    const sent = (r: Reaction<GhsState, GhsMsg, DecideTimer>) =>
      (r.send ?? []).map((s) => `${ghs.label!(s.msg)}→${s.to}`);
    expect(steps.map(sent)).toEqual([
      ['connect(0)→2'],
      ['initiate(1, 1, find)→2'],
      ['test(1, 1)→3'],
      [],
      [],
      [],
      ['test(2, 4)→3', 'report(∞)→2', 'accept→2'],
    ]);
    expect(ghs.describe(steps[5]!.state).queue).toBe(
      'report(9) from 2, test(2, 4) from 3, test(2, 6) from 2',
    );
    const last = steps[6]!;
    const takenOut = [...last.note!.matchAll(/takes the deferred (.+?) out of its queue/g)].map((m) => m[1]);
    expect(takenOut).toEqual(['test(2, 4) from 3', 'report(9) from 2', 'test(2, 6) from 2']);
    expect(ghs.describe(last.state)).toMatchObject({
      SN: 'Found',
      LN: 2,
      SE: '2: Branch, 3: Rejected',
      queue: 'empty',
    });
  });

  it('the naive reference agrees on every step of it', () => {
    const a = play(ghs, msgs);
    const b = play(naiveGhs as AnyAlgorithm, msgs);
    for (let k = 0; k < a.length; k++) {
      expect(a[k]!.send ?? []).toEqual(b[k]!.send ?? []);
      expect(a[k]!.lines ?? []).toEqual(b[k]!.lines ?? []);
      expect(a[k]!.note).toBe(b[k]!.note);
      expect(ghs.describe(a[k]!.state)).toEqual(naiveGhs.describe(b[k]!.state as never));
    }
  });
});
