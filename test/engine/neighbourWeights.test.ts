import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContexts } from '../../src/engine/context';
import type { NeighbourWeights } from '../../src/engine/neighbourWeights';
import { positionsOf } from '../../src/engine/neighbourWeights';
import type { Graph, NodeCtx } from '../../src/engine/types';

/** The weights as a Map built edge by edge (the engine's former representation): the reference. */
function naiveWeights(g: Graph): Map<number, number>[] {
  const maps = g.ids.map(() => new Map<number, number>());
  for (const { a, b, w } of g.edges) {
    maps[a]!.set(g.ids[b]!, w);
    if (!g.directed) maps[b]!.set(g.ids[a]!, w);
  }
  return maps;
}

/** Any graph up to 40 nodes: ids in any order, repeated edges (the last weight stands), loops left out. */
const graphs = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    directed: fc.boolean(),
    unit: fc.boolean(),
    // Mostly small ids; now and then one past 32 bits (the index falls back to Float64Array).
    seedIds: fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: -50, max: 1000 }) },
        { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 5, 1e12) },
      ),
      { minLength: 40, maxLength: 40 },
    ),
    // Up to 400 edges: hubs of 16 neighbours and more are looked up through the sorted index.
    pairs: fc.array(fc.tuple(fc.nat(39), fc.nat(39), fc.integer({ min: 1, max: 9 })), { maxLength: 400 }),
  })
  .map(({ n, directed, unit, seedIds, pairs }): Graph => {
    const ids = [...new Set(seedIds)].slice(0, n);
    const m = ids.length;
    const edges = pairs
      .map(([a, b, w]) => ({ a: a % m, b: b % m, w: unit ? 1 : w }))
      .filter((e) => e.a !== e.b);
    return { kind: 'custom', ids, directed, edges, weighted: !unit, ring: false };
  });

describe('NeighbourWeights', () => {
  it('answers get, has, size and iteration exactly as the Map built edge by edge, in the same order', () => {
    fc.assert(
      fc.property(graphs, fc.oneof(fc.integer({ min: -60, max: 1010 }), fc.constant(2 ** 31)), (g, probe) => {
        const ctx = buildContexts(g, { mode: 'sync', maxDelay: 1 }, { crashed: [], crashes: [] });
        const ref = naiveWeights(g);
        ctx.forEach((c, i) => {
          const want = ref[i]!;
          expect(c.weights.size).toBe(want.size);
          expect([...c.weights]).toEqual([...want]);
          expect([...c.weights.keys()]).toEqual([...want.keys()]);
          expect([...c.weights.values()]).toEqual([...want.values()]);
          const seen: [number, number][] = [];
          c.weights.forEach((w, j) => seen.push([j, w]));
          expect(seen).toEqual([...want.entries()]);
          expect([...c.neighbours]).toEqual([...want.keys()]);
          for (const j of [...g.ids, probe]) {
            expect(c.weights.has(j)).toBe(want.has(j));
            expect(c.weights.get(j)).toBe(want.get(j));
            expect((c.weights as NeighbourWeights).positionOf(j)).toBe(c.neighbours.indexOf(j));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('on complete graphs and stars either side of the scan limit (16), dense ids or not, looks up every neighbour right', () => {
    for (const n of [15, 16, 17, 33, 64])
      for (const dense of [true, false]) {
        // Dense: 1…n shuffled (a table by id); sparse: spread over 0…1008 (a binary search).
        const ids = Array.from({ length: n }, (_, i) => (dense ? ((i * 37) % n) + 1 : (i * 7919) % 1009));
        const all: Graph['edges'] = [];
        for (let a = 0; a < n; a++)
          for (let b = a + 1; b < n; b++) all.push({ a, b, w: 1 + ((a * 31 + b) % 97) });
        const star: Graph['edges'] = ids.slice(1).map((_, k) => ({ a: 0, b: k + 1, w: 2 + k }));
        for (const edges of [all, star]) {
          const g: Graph = { kind: 'custom', ids, directed: false, edges, weighted: true, ring: false };
          const ctx = buildContexts(g, { mode: 'sync', maxDelay: 1 }, { crashed: [], crashes: [] });
          const ref = naiveWeights(g);
          ctx.forEach((c, i) => {
            for (const j of [...ids, -1, 0, n + 1, 2.5, 5000]) {
              expect(c.weights.get(j)).toBe(ref[i]!.get(j));
              expect((c.weights as NeighbourWeights).positionOf(j)).toBe(c.neighbours.indexOf(j));
            }
          });
        }
      }
  });

  it('gives a context built by hand (a plain Map) an index of its own', () => {
    const node = { neighbours: [7, 3, 5], weights: new Map([[7, 2]]) } as unknown as NodeCtx;
    const index = positionsOf(node);
    expect([7, 3, 5, 4].map((j) => index.positionOf(j))).toEqual([0, 1, 2, -1]);
    const built = buildContexts(
      {
        kind: 'custom',
        ids: [1, 2],
        directed: false,
        edges: [{ a: 0, b: 1, w: 4 }],
        weighted: true,
        ring: false,
      },
      { mode: 'sync', maxDelay: 1 },
      { crashed: [], crashes: [] },
    )[0]!;
    expect(positionsOf(built)).toBe(built.weights);
  });
});
