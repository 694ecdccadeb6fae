import { spawnSync } from 'node:child_process';
import { CLI_NODE, cliArgs } from '../util/cli';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ghs } from '../../src/algorithms/ghs';
import type { GhsState } from '../../src/algorithms/ghs-types';
import { Simulation } from '../../src/engine/simulation';
import type { AnyAlgorithm, Graph } from '../../src/engine/types';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { simulate, summary } from '../util/run';

const GHS_KINDS = ['connect', 'initiate', 'test', 'accept', 'reject', 'report', 'changeroot'];

/** Kruskal's MST with the key (w, min id, max id) (C12), as sorted id pairs: independent of GHS. */
function kruskal(g: Graph): [number, number][] {
  const key = (e: Graph['edges'][number]) => {
    const [x, y] = [g.ids[e.a]!, g.ids[e.b]!];
    return [e.w, Math.min(x, y), Math.max(x, y)] as const;
  };
  const sorted = [...g.edges].sort((p, q) => {
    const [a, b] = [key(p), key(q)];
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  });
  const parent = g.ids.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const out: [number, number][] = [];
  for (const e of sorted) {
    const [ra, rb] = [find(e.a), find(e.b)];
    if (ra === rb) continue;
    parent[ra] = rb;
    const [x, y] = [g.ids[e.a]!, g.ids[e.b]!];
    out.push([Math.min(x, y), Math.max(x, y)]);
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

const ghsMessages = (sim: Simulation) =>
  GHS_KINDS.reduce((t, k) => t + (sim.getCounters().sentByKind[k] ?? 0), 0);

/** Every check that holds for any correct run of GHS + convergecast. */
function checkRun(sim: Simulation, flat: Flat): void {
  expect(sim.terminated).toBe(true);
  expect(sim.violations).toEqual([]);
  const n = sim.n;
  const r = sim.result();
  const mst = r.extra!.mst as [number, number][];
  expect(mst).toEqual(kruskal(sim.graph));
  // 5n log n + 2|E| (Chin & Ting; docs/algorithms.md §1.8), GHS kinds only
  expect(ghsMessages(sim)).toBeLessThanOrEqual(5 * n * Math.log2(n) + 2 * sim.graph.edges.length);
  const states = sim.nodeStates() as GhsState[];
  // everyone awake and done, no deferred message left behind, Branch marked at both ends
  for (const s of states) {
    expect(s.SN).toBe('Found');
    expect(s.queue.size).toBe(0);
    expect(s.queue.list()).toEqual([]);
    for (const [j, e] of s.SE.entries()) {
      const other = states.find((t) => t.id === j)!;
      expect(other.SE.get(s.id) === 'Branch').toBe(e === 'Branch');
    }
  }
  // the two core nodes halt (one node when n = 1), and they are joined by an MST edge
  const halted = states.filter((s) => s.halted).map((s) => s.id);
  expect(halted.length).toBe(n === 1 ? 1 : 2);
  if (n > 1) expect(mst).toContainEqual([Math.min(...halted), Math.max(...halted)]);
  // convergecast: n − 1 or n up (n in async), n − 1 elected, everyone knows the leader
  const c = sim.getCounters().sentByKind;
  const saturated = states.filter((s) => s.conv!.saturated).map((s) => s.id);
  expect(c.up ?? 0).toBe(n === 1 ? 0 : saturated.length === 1 ? n - 1 : n);
  if (flat.mode === 'async' && n > 1) expect(saturated.length).toBe(2);
  expect(c.elected ?? 0).toBe(n - 1);
  expect(r.leader).toBe(Math.max(...saturated));
  expect(states.every((s) => s.conv!.leader === r.leader)).toBe(true);
  // in sync, the leader is the one the tree algorithm elects on the MST (§1.7)
  if (flat.mode === 'sync' && n > 1) {
    const t = summary({
      alg: 'tree',
      ids: sim.graph.ids.join(','),
      edges: mst.map(([a, b]) => `${a}-${b}`).join(','),
      mode: 'sync',
    });
    expect(r.leader).toBe(t.leader);
    expect(saturated.sort((a, b) => a - b)).toEqual(t.saturated);
  }
}

describe('GHS + convergecast (§1.8, C12)', () => {
  it('golden: the 5-node graph of docs/algorithms.md §1.8, sync → leader 3, MST 1-2, 2-3, 3-4, 4-5', () => {
    const s = summary({ alg: 'ghs', ids: '1,2,3,4,5', edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7', mode: 'sync' });
    expect(s.leader).toBe(3);
    expect(s.mst).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  it('pins the hand-worked sync trace of GHS on the 5-node graph', () => {
    // Minimum edges: 1→1–2 (3), 2→2–3 (1), 3→3–2, 4→4–5 (2), 5→5–4. Round 1: 2–3 and 4–5 are chosen
    // from both ends, so {2,3} and {4,5} merge into level-1 fragments with cores 2–3 and 4–5; 1's
    // connect waits at 2 (edge 2–1 still Basic), then 2 (now level 1) absorbs 1 in round 2. Level-1
    // searches: {1,2,3} finds 3–4 (4), {4,5} finds 4–3 (4) (5–1 weighs 7); 4 owns it first and
    // connects in round 5, 3 waits (Basic) until the changeroot path makes it connect too (round 7):
    // the two level-1 fragments merge into level 2 with core 3–4. The last search finds nothing
    // (5–1 is internal: test/test crossing) and report(∞) reaches 3 and 4 in round 14.
    const sim = simulate({
      alg: 'ghs',
      ids: '1,2,3,4,5',
      edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7',
      mode: 'sync',
    });
    const firstBarrier = sim.trace.findIndex((e) => e.kind === 'barrier');
    const steps = sim.trace
      .slice(0, firstBarrier)
      .filter((e) => e.kind === 'deliver')
      .map((e) => `${e.time} ${e.node} ${ghs.label!(e.msg as never)} ←${e.from}`);
    expect(
      sim.trace
        .slice(0, 5)
        .flatMap((e) => e.sends.map((m) => `${m.from}→${m.to} ${ghs.label!(m.msg as never)}`)),
    ).toEqual(['1→2 connect(0)', '2→3 connect(0)', '3→2 connect(0)', '4→5 connect(0)', '5→4 connect(0)']);
    expect(sim.trace[2]!.note).toBe(
      '3 wakes up spontaneously: 3 sends connect(0) over its minimum edge 3–2 (w=1)',
    );
    expect(steps).toEqual([
      '1 2 connect(0) ←1', // deferred: SE(2–1) = Basic
      '1 3 connect(0) ←2', // merge: core 2–3, initiate(1, 1, find)
      '1 2 connect(0) ←3', // merge
      '1 5 connect(0) ←4', // merge: core 4–5
      '1 4 connect(0) ←5',
      '2 2 initiate(1, 1, find) ←3', // 2 tests 2–1, then absorbs 1 (deferred connect, 0 < 1)
      '2 3 initiate(1, 1, find) ←2', // 3 tests 3–4
      '2 4 initiate(1, 2, find) ←5', // 4 tests 4–3
      '2 5 initiate(1, 2, find) ←4', // 5 tests 5–1
      '3 1 test(1, 1) ←2', // deferred: 1 is still at level 0
      '3 1 initiate(1, 1, find) ←2', // 1 tests 1–5; the deferred test is same-fragment: reject
      '3 4 test(1, 1) ←3', // accept
      '3 3 test(1, 2) ←4', // accept
      '3 1 test(1, 2) ←5', // accept
      '4 5 test(1, 1) ←1', // accept
      '4 2 reject ←1', // nothing left to test; waits for 1's report
      '4 3 accept ←4', // report(4)
      '4 4 accept ←3', // report(4)
      '4 5 accept ←1', // report(7)
      '5 1 accept ←5', // report(7)
      '5 2 report(4) ←3', // deferred: in-branch while in Find
      '5 5 report(4) ←4', // lighter: the best is on 4's side
      '5 4 report(7) ←5', // change-root: connect(1) over 4–3
      '6 2 report(7) ←1', // report(7) to 3; the deferred report(4) is lighter: nothing
      '6 3 connect(1) ←4', // deferred: SE(3–4) = Basic
      '7 3 report(7) ←2', // change-root: connect(1) over 3–4; the deferred connect merges
      '8 4 connect(1) ←3', // merge: core 3–4, level 2
      '8 4 initiate(2, 4, find) ←3',
      '9 3 initiate(2, 4, find) ←4',
      '9 5 initiate(2, 4, find) ←4', // tests 5–1
      '10 2 initiate(2, 4, find) ←3',
      '10 1 test(2, 4) ←5', // deferred: 1 is at level 1
      '11 1 initiate(2, 4, find) ←2', // tests 1–5; the deferred test(2, 4) crosses it: internal
      '12 5 test(2, 4) ←1', // internal too: report(∞)
      '12 2 report(∞) ←1',
      '13 4 report(∞) ←5',
      '13 3 report(∞) ←2',
      '14 3 report(∞) ←4', // halt
      '14 4 report(∞) ←3', // halt
    ]);
    expect(sim.getCounters().sentByKind).toMatchObject({
      connect: 7,
      initiate: 10,
      test: 7,
      accept: 4,
      reject: 1,
      report: 10,
      up: 4,
      elected: 4,
    });
    expect(sim.getCounters().sentByKind.changeroot).toBeUndefined();
    // the convergecast runs on the path 1-2-3-4-5: 3 is the middle, alone; rounds 15–16 up, 17–18 elected
    expect(sim.lastDeliveryTime).toBe(18);
    expect(sim.trace[firstBarrier]!.note).toBe(
      'global barrier (GHS is over everywhere): 1 starts the convergecast on its 1 MST branch; 1 is a leaf: it sends up(1, 1) to 2',
    );
    const halt = sim.trace.find((e) => e.time === 14 && e.node === 3)!;
    expect(halt.note).toBe(
      "report(∞) from 4 across the core, and 3's best is ∞ too: no edge leaves the fragment, the MST is complete and 3 halts",
    );
    const defer = sim.trace.find((e) => e.time === 1 && e.node === 2)!;
    expect(defer.note).toBe(
      "2 defers connect(0) from 1 in its queue: 2 has not chosen 2–1 (w=3) itself, so 1's fragment must wait",
    );
  });

  it('builds Kruskal’s MST on random connected graphs, sync and async, all wakers or one, any seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.constantFrom('sync', 'async'),
        fc.option(fc.nat(), { nil: null }),
        fc.integer({ min: 1, max: 15 }),
        (n, seed, mode, waker, maxDelay) => {
          const flat: Flat = {
            alg: 'ghs',
            topo: 'random',
            n: String(n),
            ids: 'random',
            seed: String(seed),
            mode,
          };
          if (mode === 'async') flat.maxDelay = String(maxDelay);
          if (waker !== null) flat.wake = String((waker % n) + 1);
          checkRun(simulate(flat), flat);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('handles equal weights through the key (w, min id, max id): custom graphs with many ties', () => {
    const graphArb = fc.integer({ min: 2, max: 14 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        ids: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: n, maxLength: n }),
        parents: fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 }),
        extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 * n }),
        weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4 * n, maxLength: 4 * n }),
      }),
    );
    fc.assert(
      fc.property(
        graphArb,
        fc.constantFrom('sync', 'async'),
        fc.nat(),
        fc.boolean(),
        (g, mode, seed, single) => {
          const pairs = new Map<string, [number, number]>();
          g.parents.forEach((p, i) => pairs.set(`${p % (i + 1)}-${i + 1}`, [p % (i + 1), i + 1]));
          for (const [a, b] of g.extra) {
            const [x, y] = [a % g.n, b % g.n];
            if (x !== y) pairs.set(`${Math.min(x, y)}-${Math.max(x, y)}`, [Math.min(x, y), Math.max(x, y)]);
          }
          const edges = [...pairs.values()]
            .map(([a, b], k) => `${g.ids[a]}-${g.ids[b]}:${g.weights[k]}`)
            .join(',');
          const flat: Flat = { alg: 'ghs', ids: g.ids.join(','), edges, mode, seed: String(seed) };
          if (single) flat.wake = String(g.ids[seed % g.n]);
          checkRun(simulate(flat), flat);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('runs on every undirected topology it lists (grid, hypercube, complete, tree, path, star)', () => {
    for (const [topo, n] of [
      ['grid', 12],
      ['hypercube', 16],
      ['complete', 9],
      ['tree', 20],
      ['path', 7],
      ['star', 6],
    ] as const)
      for (const mode of ['sync', 'async'] as const) {
        const flat: Flat = { alg: 'ghs', topo, n: String(n), mode, seed: '3' };
        checkRun(simulate(flat), flat);
      }
  });

  it('n = 1: no edge, an empty MST, the node elects itself', () => {
    const s = summary({ alg: 'ghs', topo: 'path', ids: '7', mode: 'sync' });
    expect(s).toMatchObject({ leader: 7, messages: 0, mst: [] });
  });

  it('a sleeping node wakes on its first message (procedure (1)/(3)/(6))', () => {
    const sim = simulate({
      alg: 'ghs',
      ids: '1,2,3,4,5',
      edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7',
      mode: 'sync',
      wake: '1',
    });
    expect(sim.trace.slice(0, 5).map((e) => e.sends.length)).toEqual([1, 0, 0, 0, 0]);
    expect(sim.trace[1]!.note).toBe('2 is asleep until a message wakes it');
    expect(sim.trace[5]!.note).toMatch(
      /^connect\(0\) from 1 wakes 2: 2 sends connect\(0\) over its minimum edge 2–3 \(w=1\); 2 defers/,
    );
    expect(sim.result().extra!.mst).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  it('--no-announce drops the elected broadcast; the bound adds the convergecast', () => {
    const s = summary({
      alg: 'ghs',
      ids: '1,2,3,4,5',
      edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7',
      mode: 'sync',
      announce: '0',
    });
    expect(s.messagesByKind.elected).toBeUndefined();
    expect(s.leader).toBe(3);
    const sim = simulate({ alg: 'ghs', ids: '1,2,3,4,5', edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7' });
    const b = ghs.bound!(5, sim.graph, { announce: true, wake: null })!;
    expect(b.value).toBe(Math.floor(25 * Math.log2(5)) + 10 + 9);
    expect(sim.getCounters().sent).toBeLessThanOrEqual(b.value);
  });

  it('refuses a disconnected graph with a clear reason', () => {
    expect(() => simulate({ alg: 'ghs', ids: '1,2,3,4', edges: '1-2:1,3-4:2' })).toThrow(
      'GHS needs a connected graph, but the graph is disconnected: 2 components among 4 nodes (3 cannot reach 1)',
    );
  });

  it('handlers are pure: a run with deep-frozen states behaves identically', () => {
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
    const parsed = parseFlat({ v: '1', alg: 'ghs', n: '25', ids: 'random', mode: 'async', seed: '9' });
    const run = buildRun((parsed as { ok: true; value: never }).value);
    const cfg = (run as { ok: true; value: ConstructorParameters<typeof Simulation>[0] }).value;
    const a = new Simulation({ ...cfg }).runToEnd();
    const b = new Simulation({ ...cfg, algorithm: frozen }).runToEnd();
    expect(b.traceHash()).toBe(a.traceHash());
  });

  it('the CLI prints mst as id pairs', () => {
    const r = spawnSync(
      CLI_NODE,
      cliArgs(
        '--algorithm',
        'ghs',
        '--ids',
        '1,2,3,4,5',
        '--edges',
        '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7',
        '--json',
      ),
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.mst).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(j.leader).toBe(3);
  });
});

describe('GHS recordings share what does not change', () => {
  it('one Test object per fragment name and level, one Accept and one Reject; an emptied deferred queue keeps nothing', () => {
    for (const topo of ['complete', 'random', 'grid']) {
      const sim = simulate({ alg: 'ghs', topo, n: '36', mode: 'async', seed: '4' }, { record: true });
      // Per fragment name (the array the core computed, passed on by reference) and level: its Test objects.
      const tests = new Map<unknown, Map<number, Set<unknown>>>();
      const others = new Map<string, Set<unknown>>();
      let sent = 0;
      for (const e of sim.trace)
        for (const m of e.sends) {
          const msg = m.msg as { kind: string; L?: number; F?: unknown };
          if (msg.kind === 'test') {
            sent++;
            if (!tests.has(msg.F)) tests.set(msg.F, new Map());
            const byL = tests.get(msg.F)!;
            if (!byL.has(msg.L!)) byL.set(msg.L!, new Set());
            byL.get(msg.L!)!.add(msg);
          } else if (msg.kind === 'accept' || msg.kind === 'reject') {
            if (!others.has(msg.kind)) others.set(msg.kind, new Set());
            others.get(msg.kind)!.add(msg);
          }
        }
      expect(sent).toBeGreaterThan(36);
      for (const byL of tests.values()) for (const objects of byL.values()) expect(objects.size).toBe(1);
      for (const objects of others.values()) expect(objects.size).toBe(1);
      // At the end every queue is empty, and none keeps a slot for a message taken out.
      for (const s of (sim as unknown as { states: GhsState[] }).states) {
        expect(s.queue.size).toBe(0);
        expect(s.queue.item(0)).toBeNull();
        expect((s.queue as unknown as { items: { size: number } }).items.size).toBe(0);
      }
    }
  });
});
