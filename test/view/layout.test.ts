import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/types';
import { buildGraph } from '../../src/topology/build';
import type { TopologySpec } from '../../src/topology/spec';
import { graphElements } from '../../src/view/elements';
import { layoutGraph, NODE_SIZE } from '../../src/view/layout';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function graph(spec: TopologySpec, seed = 1): Graph {
  const g = buildGraph(spec, ids(spec.n), seed);
  if (!g.ok) throw new Error(g.error);
  return g.graph;
}

function minDistance(x: Float64Array, y: Float64Array): number {
  let best = Infinity;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) best = Math.min(best, Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!));
  return best;
}

describe('layouts', () => {
  it('a ring is a circle in ring order, clockwise on screen from the top (C1)', () => {
    for (const kind of ['ring-uni', 'ring-bi'] as const) {
      const l = layoutGraph(graph({ kind, n: 9 }));
      const r = Math.hypot(l.x[0]!, l.y[0]!);
      expect(l.x[0]).toBeCloseTo(0);
      expect(l.y[0]).toBeLessThan(0); // position 0 at the top (screen y points down)
      for (let i = 0; i < 9; i++) {
        expect(Math.hypot(l.x[i]!, l.y[i]!)).toBeCloseTo(r);
        const j = (i + 1) % 9;
        // x_i·y_j − y_i·x_j > 0 is a clockwise turn when y points down
        expect(l.x[i]! * l.y[j]! - l.y[i]! * l.x[j]!).toBeGreaterThan(0);
      }
      // neighbours are further apart than a node is wide
      expect(minDistance(l.x, l.y)).toBeGreaterThan(NODE_SIZE);
    }
  });

  it('is deterministic and spreads general graphs apart (no two nodes on top of each other)', () => {
    for (const spec of [
      { kind: 'random', n: 30 },
      { kind: 'hypercube', n: 16 },
      { kind: 'tree', n: 40 },
      { kind: 'star', n: 12 },
      { kind: 'path', n: 25 },
      { kind: 'grid', n: 20 },
      { kind: 'complete', n: 7 },
    ] as TopologySpec[]) {
      const g = graph(spec, 4);
      const a = layoutGraph(g);
      const b = layoutGraph(graph(spec, 4));
      expect([...a.x], spec.kind).toEqual([...b.x]);
      expect([...a.y], spec.kind).toEqual([...b.y]);
      for (const v of [...a.x, ...a.y]) expect(Number.isFinite(v), spec.kind).toBe(true);
      expect(minDistance(a.x, a.y), spec.kind).toBeGreaterThan(NODE_SIZE * 0.8);
    }
  });

  it('a tree is radial around its centre; a grid is row-major', () => {
    const star = layoutGraph(graph({ kind: 'star', n: 7 }));
    // the star's centre (position 0) is the tree's centre, at the origin; leaves on one circle
    expect([star.x[0], star.y[0]]).toEqual([0, 0]);
    const r = Math.hypot(star.x[1]!, star.y[1]!);
    for (let i = 2; i < 7; i++) expect(Math.hypot(star.x[i]!, star.y[i]!)).toBeCloseTo(r);
    const grid = layoutGraph(graph({ kind: 'grid', n: 6 })); // 2 rows of 3
    expect(grid.y[0]).toBe(grid.y[2]);
    expect(grid.y[3]).toBeGreaterThan(grid.y[2]!);
    expect(grid.x[3]).toBe(grid.x[0]);
  });
});

describe('graph elements', () => {
  const count = (els: ReturnType<typeof graphElements>, group: 'nodes' | 'edges') =>
    els.filter((e) => e.group === group);

  it('nodes carry their id as label; a unidirectional ring has one arrow per link', () => {
    const g = graph({ kind: 'ring-uni', n: 5 });
    const els = graphElements(g, layoutGraph(g));
    expect(count(els, 'nodes').map((e) => e.data.label)).toEqual(['1', '2', '3', '4', '5']);
    const edges = count(els, 'edges');
    expect(edges).toHaveLength(5);
    for (const e of edges) expect(e.classes).toBe('fwd');
    expect(edges[0]!.data).toMatchObject({ source: 'n0', target: 'n1' });
  });

  it('a bidirectional ring shows both directions on one edge; n = 2 has one pair', () => {
    const g = graph({ kind: 'ring-bi', n: 6 });
    const edges = count(graphElements(g, layoutGraph(g)), 'edges');
    expect(edges).toHaveLength(6);
    for (const e of edges) expect(e.classes).toBe('fwd back');
    const g2 = graph({ kind: 'ring-bi', n: 2 });
    expect(count(graphElements(g2, layoutGraph(g2)), 'edges')).toHaveLength(1);
  });

  it('undirected graphs have no arrows; weights are shown where the graph is weighted', () => {
    const g = graph({ kind: 'complete', n: 5 });
    const edges = count(graphElements(g, layoutGraph(g)), 'edges');
    expect(edges).toHaveLength(10);
    for (const e of edges) expect(e.classes).toBe('');
    const w = buildGraph(
      {
        kind: 'custom',
        n: 3,
        edges: [
          { a: 1, b: 2, w: 4 },
          { a: 2, b: 3, w: 7 },
        ],
      },
      [1, 2, 3],
      1,
    );
    if (!w.ok) throw new Error(w.error);
    const weighted = count(graphElements(w.graph, layoutGraph(w.graph)), 'edges');
    expect(weighted.map((e) => [e.classes, e.data.w])).toEqual([
      ['weighted', '4'],
      ['weighted', '7'],
    ]);
  });

  it('large graphs leave their edges to the edge layer', () => {
    const g = graph({ kind: 'ring-uni', n: 10 });
    const els = graphElements(g, layoutGraph(g), false);
    expect(count(els, 'edges')).toHaveLength(0);
    expect(count(els, 'nodes')).toHaveLength(10);
  });
});
