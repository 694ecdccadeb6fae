import { spawnSync } from 'node:child_process';
import { CLI_NODE, cliArgs } from '../util/cli';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floodmax, type FloodMaxState, type MaxMsg } from '../../src/algorithms/floodmax';
import type { Graph, TimingMode } from '../../src/engine/types';
import { parseFlat } from '../../src/scenario/parse';
import { buildRun } from '../../src/scenario/build';
import { summarize } from '../../src/scenario/summary';
import { diameter } from '../../src/topology/diameter';
import { buildGraph } from '../../src/topology/build';
import { grid } from '../../src/topology/grid';
import { TOPOLOGIES, TOPOLOGY_KINDS } from '../../src/topology/spec';
import { simulate } from '../util/run';

/**
 * FloodMax (docs/algorithms.md §1.6, C15). Expected values come from a second, naive computation:
 * the diameter by Floyd–Warshall over the edge list, |E| by counting the pairs, the leader as the
 * largest id; and from a hand-worked trace of a path of three.
 */

/** All-pairs shortest hops by Floyd–Warshall: the diameter, Infinity when some pair is apart. */
function floydWarshallDiameter(
  n: number,
  edges: readonly (readonly [number, number])[],
  directed = false,
): number {
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  for (const [a, b] of edges) {
    if (a === b) continue;
    d[a]![b] = 1;
    if (!directed) d[b]![a] = 1;
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
  return Math.max(0, ...d.flat());
}

/** A random connected graph on 2..12 nodes: a random tree (each node joins an earlier one) plus chords. */
const connectedGraph = fc
  .integer({ min: 2, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      parents: fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
      chords: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
      ids: fc.shuffledSubarray(
        Array.from({ length: 40 }, (_, i) => i + 1),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ n, parents, chords, ids }) => {
    const seen = new Set<string>();
    const edges: [number, number][] = [];
    const add = (a: number, b: number) => {
      const k = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a === b || seen.has(k)) return;
      seen.add(k);
      edges.push([a, b]);
    };
    parents.forEach((p, i) => add(i + 1, p));
    for (const [a, b] of chords) add(a, b);
    return { n, ids, edges };
  });

const flatOf = (
  ids: number[],
  edges: [number, number][],
  mode: TimingMode,
  seed: number,
  maxDelay: number,
) => ({
  alg: 'floodmax',
  ids: ids.join(','),
  edges: edges.map(([a, b]) => `${ids[a]}-${ids[b]}`).join(','),
  mode,
  seed: String(seed),
  ...(mode === 'async' ? { maxDelay: String(maxDelay) } : {}),
});

describe('FloodMax: 2|E|·diam messages, leader = max id, on random connected graphs', () => {
  for (const mode of ['sync', 'async'] as const) {
    it(`${mode}: every process decides the largest id; messages and rounds as the formula`, () => {
      fc.assert(
        fc.property(
          connectedGraph,
          fc.integer({ min: 0, max: 10_000 }),
          fc.integer({ min: 1, max: 8 }),
          ({ n, ids, edges }, seed, maxDelay) => {
            const diam = floydWarshallDiameter(n, edges);
            const sim = simulate(flatOf(ids, edges, mode, seed, maxDelay));
            const s = summarize(sim);
            const top = Math.max(...ids);
            expect(s.leader).toBe(top);
            expect(s.messages).toBe(2 * edges.length * diam);
            expect(s.messagesByKind).toEqual({ max: 2 * edges.length * diam });
            if (mode === 'sync') expect(s.rounds).toBe(diam);
            // everyone knows the leader: no announcement needed
            for (const st of sim.nodeStates() as FloodMaxState[]) {
              expect(st.max).toBe(top);
              expect(st.status).toBe(st.u === top ? 'leader' : 'nonLeader');
            }
            // the counts panel's bound is the exact count, read from the run's own graph
            const b = floodmax.bound(sim.n, sim.graph, {});
            expect(b).toMatchObject({ value: 2 * edges.length * diam, exact: true, formula: '2|E|·diam' });
          },
        ),
        { numRuns: 150, seed: 10 },
      );
    });
  }

  it('async sends exactly the messages of sync, round for round (the local synchronizer, C15)', () => {
    const sent = (flat: Record<string, string>) =>
      simulate(flat, { record: true })
        .trace.flatMap((e) => e.sends)
        .map((m) => {
          const x = m.msg as MaxMsg;
          return `${m.from}>${m.to}:${x.round}:${x.m}`;
        })
        .sort();
    let early = 0;
    fc.assert(
      fc.property(connectedGraph, fc.integer({ min: 0, max: 10_000 }), ({ ids, edges }, seed) => {
        const sync = sent(flatOf(ids, edges, 'sync', seed, 1));
        const sim = simulate(flatOf(ids, edges, 'async', seed, 10), { record: true });
        const keep = floodmax.code.line('receive.early');
        early += sim.trace.filter((e) => e.lines.includes(keep)).length;
        expect(sent(flatOf(ids, edges, 'async', seed, 10))).toEqual(sync);
      }),
      { numRuns: 100, seed: 11 },
    );
    // the early branch (a neighbour one round ahead) was exercised, so the equality above means something
    expect(early).toBeGreaterThan(0);
  });
});

describe('FloodMax: a hand-worked trace', () => {
  it('path 2 – 3 – 1, sync: diam 2, round 1 carries the own ids, round 2 only 3, 8 messages', () => {
    // Round 1: 2→3 max(2), 3→2 max(3), 3→1 max(3), 1→3 max(1). Every process then knows the
    // largest id within one hop: 2 and 1 know 3, 3 knows 3. Round 2: all four messages carry 3.
    const sim = simulate({ alg: 'floodmax', ids: '2,3,1', edges: '2-3,3-1', mode: 'sync' }, { record: true });
    const byRound = (t: number) =>
      sim.trace
        .flatMap((e) => e.sends)
        .filter((m) => m.sendTime === t)
        .map((m) => `${m.from}>${m.to} ${floodmax.label!(m.msg as never)}`)
        .sort();
    expect(byRound(0)).toEqual(['1>3 max(1)', '2>3 max(2)', '3>1 max(3)', '3>2 max(3)']);
    expect(byRound(1)).toEqual(['1>3 max(3)', '2>3 max(3)', '3>1 max(3)', '3>2 max(3)']);
    expect(byRound(2)).toEqual([]);
    const s = summarize(sim);
    expect([s.messages, s.rounds, s.leader]).toEqual([8, 2, 3]);
  });

  it('a single process: diam 0, no message, it is the leader', () => {
    const s = summarize(simulate({ alg: 'floodmax', topo: 'grid', n: '1', ids: '7', mode: 'sync' }));
    expect([s.messages, s.leader]).toEqual([0, 7]);
  });

  it('a ring of 10: 2·10·5 = 100 max messages in 5 rounds', () => {
    const s = summarize(simulate({ alg: 'floodmax', topo: 'ring-bi', n: '10', mode: 'sync' }));
    expect([s.messages, s.rounds, s.leader]).toEqual([100, 5, 10]);
  });
});

describe('the diameter', () => {
  it('matches Floyd–Warshall on random graphs, connected or not', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n })),
          ),
        ([n, pairs]) => {
          const edges = pairs.filter(([a, b]) => a !== b);
          const graph: Graph = {
            kind: 'custom',
            ids: Array.from({ length: n }, (_, i) => i + 1),
            directed: false,
            edges: edges.map(([a, b]) => ({ a, b, w: 1 })),
            weighted: false,
            ring: false,
          };
          expect(diameter(graph)).toBe(floydWarshallDiameter(n, edges));
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('of every generated topology matches Floyd–Warshall (closed forms, and iFUB for random ones)', () => {
    for (const kind of TOPOLOGY_KINDS.filter((k) => k !== 'custom')) {
      for (let n = 1; n <= 33; n++) {
        for (const seed of TOPOLOGIES[kind].seeded ? [1, 2, 3] : [1]) {
          const ids = Array.from({ length: n }, (_, i) => i + 1);
          const built = buildGraph({ kind, n }, ids, seed);
          if (!built.ok) continue; // a hypercube of 6, say
          const g = built.graph;
          const fw = floydWarshallDiameter(
            n,
            g.edges.map((e) => [e.a, e.b] as const),
            g.directed,
          );
          expect(diameter(g), `${kind}, n = ${n}, seed ${seed}`).toBe(fw);
        }
      }
    }
  });

  it("of the experiments' grid is rows + columns − 2, as the curve assumes", () => {
    for (let n = 1; n <= 60; n++) {
      const g = grid(
        Array.from({ length: n }, (_, i) => i + 1),
        1,
      );
      const fw = floydWarshallDiameter(
        n,
        g.edges.map((e) => [e.a, e.b] as const),
      );
      const r = Math.max(1, Math.floor(Math.sqrt(n)));
      expect(fw, `n = ${n}`).toBe(r + Math.ceil(n / r) - 2);
      expect(floodmax.counts.curves('random', 'sync')[0]!.formula.value(n, g.edges.length)).toBe(
        2 * g.edges.length * fw,
      );
    }
  });
});

describe('FloodMax refuses a disconnected graph in one sentence', () => {
  const sentence =
    'FloodMax needs a connected graph, and this one falls apart into 2 pieces (3 cannot reach 1)';

  it('in the scenario (the editor shows this error)', () => {
    const parsed = parseFlat({ v: '1', alg: 'floodmax', ids: '1,2,3,4', edges: '1-2,3-4' });
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const built = buildRun(parsed.value);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors).toEqual([{ field: 'edges', message: sentence }]);
  });

  it('in the CLI: one stderr line, exit code 2', () => {
    const r = spawnSync(
      CLI_NODE,
      cliArgs('--algorithm', 'floodmax', '--ids', '1,2,3,4', '--edges', '1-2,3-4', '--json'),
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`error: ${sentence}`]);
  });
});
