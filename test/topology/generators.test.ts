import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/types';
import { buildGraph } from '../../src/topology/build';
import { components } from '../../src/topology/connectivity';
import { gridShape } from '../../src/topology/grid';
import type { EdgeSpec, TopologySpec } from '../../src/topology/spec';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function build(kind: TopologySpec['kind'], n: number, seed = 1, edges?: EdgeSpec[]): Graph {
  const r = buildGraph(edges ? { kind, n, edges } : { kind, n }, ids(n), seed);
  if (!r.ok) throw new Error(r.error);
  return r.graph;
}

function refusal(kind: TopologySpec['kind'], n: number, edges?: EdgeSpec[], list = ids(n)): string {
  const r = buildGraph(edges ? { kind, n, edges } : { kind, n }, list, 1);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const degrees = (g: Graph) => {
  const d = new Array<number>(g.ids.length).fill(0);
  for (const { a, b } of g.edges) {
    d[a]!++;
    d[b]!++;
  }
  return d;
};

/** Every edge once (no duplicate, no self-loop), endpoints in range, listed as a < b. */
function expectSimple(g: Graph): void {
  const seen = new Set<string>();
  const bad = g.edges.filter(({ a, b }) => {
    const k = `${a}-${b}`;
    const wrong = !(a < b && b < g.ids.length) || seen.has(k);
    seen.add(k);
    return wrong;
  });
  expect(bad).toEqual([]);
  expect(g.directed).toBe(false);
  expect(g.ring).toBe(false);
}

describe('path, star', () => {
  it('a path joins consecutive ids: n − 1 edges, degrees 1,2,…,2,1', () => {
    const g = build('path', 6);
    expectSimple(g);
    expect(g.edges.map(({ a, b }) => [a, b])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(degrees(g)).toEqual([1, 2, 2, 2, 2, 1]);
  });

  it('a star has the first id as its centre, joined to every other node', () => {
    const r = buildGraph({ kind: 'star', n: 5 }, [3, 1, 2, 4, 5], 1);
    expect(r.ok).toBe(true);
    const g = (r as { graph: Graph }).graph;
    expect(g.ids[0]).toBe(3);
    expect(degrees(g)).toEqual([4, 1, 1, 1, 1]);
  });

  it('n = 1 gives a single node and no edge for every generator', () => {
    for (const kind of ['path', 'star', 'tree', 'grid', 'hypercube', 'random'] as const)
      expect(build(kind, 1).edges).toEqual([]);
  });
});

describe('random tree', () => {
  it('is a tree (n − 1 edges, connected) for every n and seed, and the seed fixes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (n, seed) => {
        const g = build('tree', n, seed);
        expectSimple(g);
        expect(g.edges.length).toBe(n - 1);
        expect(components(g).count).toBe(1);
        expect(build('tree', n, seed)).toEqual(g);
      }),
      { numRuns: 150 },
    );
  });

  it('different seeds give different trees (n = 30)', () => {
    const shapes = new Set(
      [1, 2, 3, 4, 5].map((s) => JSON.stringify(build('tree', 30, s).edges.map((e) => [e.a, e.b]))),
    );
    expect(shapes.size).toBe(5);
  });

  it('is uniform over labelled trees: all 3^(3−2) = 3 trees on 3 nodes and 4^2 = 16 on 4 appear (Cayley)', () => {
    for (const [n, cayley] of [
      [3, 3],
      [4, 16],
    ] as const) {
      const shapes = new Set<string>();
      for (let seed = 0; seed < 400; seed++)
        shapes.add(
          JSON.stringify(
            build('tree', n, seed)
              .edges.map((e) => [e.a, e.b])
              .sort(),
          ),
        );
      expect(shapes.size).toBe(cayley);
    }
  });
});

describe('grid', () => {
  it('has ⌊√n⌋ rows of ⌈n / rows⌉ columns, the last row shorter when n does not fill the rectangle', () => {
    expect(gridShape(16)).toEqual({ rows: 4, cols: 4 });
    expect(gridShape(12)).toEqual({ rows: 3, cols: 4 });
    expect(gridShape(7)).toEqual({ rows: 2, cols: 4 });
    expect(gridShape(3)).toEqual({ rows: 1, cols: 3 });
  });

  it('a full r × c grid has r(c − 1) + c(r − 1) edges', () => {
    expect(build('grid', 12).edges.length).toBe(3 * 3 + 4 * 2);
    expect(build('grid', 16).edges.length).toBe(4 * 3 + 4 * 3);
  });

  it('n = 7 (2 rows: 4 + 3): positions 0–3 on top, 4–6 below, each joined right and down', () => {
    const g = build('grid', 7);
    expect(g.edges.map(({ a, b }) => `${a}-${b}`).sort()).toEqual(
      ['0-1', '1-2', '2-3', '4-5', '5-6', '0-4', '1-5', '2-6'].sort(),
    );
  });

  it('is connected and simple for every n from 1 to 300', () => {
    for (let n = 1; n <= 300; n++) {
      const g = build('grid', n);
      expectSimple(g);
      expect(components(g).count).toBe(1);
    }
  });
});

describe('hypercube', () => {
  it('has n·log n / 2 edges and every node has degree log n (n = 1, 2, 4, …, 1024)', () => {
    for (let d = 0; d <= 10; d++) {
      const n = 2 ** d;
      const g = build('hypercube', n);
      expectSimple(g);
      expect(g.edges.length).toBe((n * d) / 2);
      expect(degrees(g).every((x) => x === d)).toBe(true);
      // neighbours differ in exactly one bit
      for (const { a, b } of g.edges) expect(Number.isInteger(Math.log2(a ^ b))).toBe(true);
    }
  });

  it('refuses an n that is not a power of two, naming the nearest that fit', () => {
    expect(refusal('hypercube', 12)).toBe(
      'a hypercube needs a power-of-two number of nodes, and 12 is not one (8 or 16 would fit)',
    );
    expect(refusal('hypercube', 3)).toMatch(/3 is not one \(2 or 4 would fit\)/);
  });
});

describe('random connected graph', () => {
  it('is connected, simple, with |E| = round(3n/2) (average degree 3) or the complete graph when smaller', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), (n, seed) => {
        const g = build('random', n, seed);
        expectSimple(g);
        expect(components(g).count).toBe(1);
        expect(g.edges.length).toBe(Math.min((n * (n - 1)) / 2, Math.max(n - 1, Math.round((3 * n) / 2))));
        expect(build('random', n, seed)).toEqual(g);
      }),
      { numRuns: 150 },
    );
  });
});

describe('weights', () => {
  it('generated graphs carry distinct positive integer weights, weighted: true, fixed by the seed', () => {
    for (const kind of ['path', 'star', 'tree', 'grid', 'hypercube', 'random'] as const) {
      const g = build(kind, 64, 7);
      expect(g.weighted).toBe(true);
      const ws = g.edges.map((e) => e.w);
      expect(new Set(ws).size).toBe(ws.length);
      expect(ws.every((w) => Number.isInteger(w) && w >= 1)).toBe(true);
      expect(build(kind, 64, 7).edges).toEqual(g.edges);
    }
    expect(build('path', 64, 7).edges).not.toEqual(build('path', 64, 8).edges);
  });

  it("weights: 'unit' gives every edge weight 1 and weighted: false", () => {
    const r = buildGraph({ kind: 'grid', n: 9 }, ids(9), 1, { weights: 'unit' });
    expect(r.ok && r.graph.weighted).toBe(false);
    expect(r.ok && r.graph.edges.every((e) => e.w === 1)).toBe(true);
  });

  it('the weight stream is not the shape stream: the random tree is the same with or without weights', () => {
    const a = buildGraph({ kind: 'tree', n: 40 }, ids(40), 3);
    const b = buildGraph({ kind: 'tree', n: 40 }, ids(40), 3, { weights: 'unit' });
    expect(a.ok && a.graph.edges.map((e) => [e.a, e.b])).toEqual(
      b.ok && b.graph.edges.map((e) => [e.a, e.b]),
    );
  });
});

describe('custom edge list', () => {
  it('keeps given weights and draws distinct random weights for the missing ones', () => {
    const g = build('custom', 4, 5, [
      { a: 1, b: 2, w: 3 },
      { a: 2, b: 3 },
      { a: 3, b: 4 },
      { a: 4, b: 1, w: 7 },
    ]);
    expectSimple(g);
    expect(g.weighted).toBe(true);
    expect(g.edges[0]).toEqual({ a: 0, b: 1, w: 3 });
    expect(g.edges[3]).toEqual({ a: 0, b: 3, w: 7 });
    const ws = g.edges.map((e) => e.w);
    expect(new Set(ws).size).toBe(4);
  });

  it('names nodes by id: edges map to the positions of the ids list', () => {
    const r = buildGraph({ kind: 'custom', n: 3, edges: [{ a: 30, b: 10, w: 1 }] }, [10, 20, 30], 1);
    expect(r.ok && r.graph.edges).toEqual([{ a: 0, b: 2, w: 1 }]);
  });

  it('refuses a duplicate edge (in either direction), an unknown node and a self-loop, in one sentence', () => {
    expect(
      refusal('custom', 3, [
        { a: 1, b: 2 },
        { a: 2, b: 3 },
        { a: 2, b: 1, w: 4 },
      ]),
    ).toBe('edge 2-1 is listed twice (first as 1-2); give each edge once');
    expect(refusal('custom', 3, [{ a: 1, b: 9 }])).toBe('edge 1-9 names 9, which is not a node');
    expect(refusal('custom', 3, [{ a: 2, b: 2 }])).toBe('edge 2-2 is a self-loop');
  });

  it('refuses more nodes than LIMITS.maxNodes', () => {
    expect(refusal('path', 20_001)).toBe('20001 nodes is more than the 20000 supported');
  });
});
