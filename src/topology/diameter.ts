import type { Graph, TopologyKind } from '../engine/types';
import { gridShape } from './grid';

const memo = new WeakMap<Graph, number>();

/**
 * The graph's diameter: the largest number of hops from one node to another along its edges, or
 * Infinity where some node cannot reach another. FloodMax's processes know it (Lynch §4.1;
 * docs/algorithms.md §1.6), and its count 2|E|·diam reads it. Computed once per graph object and
 * remembered, so every process of a run and the counts panel share one computation.
 */
export function diameter(graph: Graph): number {
  let d = memo.get(graph);
  if (d === undefined) {
    d = computeDiameter(graph);
    memo.set(graph, d);
  }
  return d;
}

function computeDiameter(graph: Graph): number {
  const n = graph.ids.length;
  if (n <= 1) return 0;
  return generatedDiameter(graph.kind, n) ?? ifub(new Bfs(graph));
}

/**
 * The generators' shapes (src/topology/*.ts) have closed forms; test/algorithms/floodmax.test.ts
 * checks each against Floyd–Warshall. Rings are the only directed graphs (C1).
 */
function generatedDiameter(kind: TopologyKind, n: number): number | null {
  switch (kind) {
    case 'ring-uni':
    case 'path':
      return n - 1;
    case 'ring-bi':
      return Math.floor(n / 2);
    case 'complete':
      return 1;
    case 'star':
      return Math.min(2, n - 1);
    case 'grid': {
      const { rows, cols } = gridShape(n);
      return rows + cols - 2; // Manhattan: the last row is a prefix of the others
    }
    case 'hypercube':
      return Math.round(Math.log2(n));
    default:
      return null; // random trees and graphs, edge lists
  }
}

/**
 * iFUB (Crescenzi, Grossi, Habib, Lanzi, Marino, Theor. Comput. Sci. 514, 2013), exact. A search from
 * a central node u sorts the nodes by level; two nodes both below level i are at most 2(i − 1) apart
 * (through u), so once the eccentricities of every node from the deepest level up to i beat 2(i − 1),
 * no pair left can do better. Worst case a search from every node, O(n · (n + |E|)); a handful on
 * trees (a 20,000-node random tree: 6 ms of CPU); random graphs are a hard case (a 20,000-node one:
 * 3 s of CPU, where a search from every node of a 20,000-node grid took 6 s).
 */
function ifub(g: Bfs): number {
  const n = g.n;
  // a double sweep: a is far from node 0, b far from a; u is the middle of the path a … b
  if (g.search(0) < n) return Infinity;
  const a = g.queue[n - 1]!;
  g.search(a);
  let lb = g.dist[g.queue[n - 1]!]!;
  let u = g.queue[n - 1]!;
  for (let k = 0; k < lb >> 1; k++) u = g.parent[u]!;
  g.search(u);
  const level = g.dist.slice();
  const order = g.queue.slice();
  let i = level[order[n - 1]!]!;
  lb = Math.max(lb, i);
  let ub = 2 * i;
  let at = n - 1;
  while (ub > lb) {
    let deepest = 0;
    for (; at >= 0 && level[order[at]!] === i; at--) {
      g.search(order[at]!);
      deepest = Math.max(deepest, g.dist[g.queue[n - 1]!]!);
    }
    if (Math.max(lb, deepest) > 2 * (i - 1)) return Math.max(lb, deepest);
    lb = Math.max(lb, deepest);
    ub = 2 * (i - 1);
    i--;
  }
  return lb;
}

/** Breadth-first search over an undirected graph's compressed adjacency, with reused buffers. */
class Bfs {
  readonly n: number;
  private readonly start: Int32Array;
  private readonly next: Int32Array;
  readonly dist: Int32Array;
  readonly parent: Int32Array;
  /** The nodes reached by the last search, in the order found (so by distance). */
  readonly queue: Int32Array;
  // seen[p] = the search's stamp once p is reached: no clearing between searches
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(graph: Graph) {
    const n = (this.n = graph.ids.length);
    const start = (this.start = new Int32Array(n + 1));
    for (const { a, b } of graph.edges) {
      start[a + 1]!++;
      start[b + 1]!++;
    }
    for (let p = 0; p < n; p++) start[p + 1]! += start[p]!;
    this.next = new Int32Array(2 * graph.edges.length);
    const fill = start.slice(0, n);
    for (const { a, b } of graph.edges) {
      this.next[fill[a]!++] = b;
      this.next[fill[b]!++] = a;
    }
    this.dist = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.seen = new Int32Array(n);
  }

  /** Searches from s; returns how many nodes it reached. */
  search(s: number): number {
    const stamp = ++this.stamp;
    const { start, next, dist, parent, queue, seen } = this;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = stamp;
    dist[s] = 0;
    parent[s] = s;
    while (head < tail) {
      const p = queue[head++]!;
      for (let k = start[p]!; k < start[p + 1]!; k++) {
        const q = next[k]!;
        if (seen[q] === stamp) continue;
        seen[q] = stamp;
        dist[q] = dist[p]! + 1;
        parent[q] = p;
        queue[tail++] = q;
      }
    }
    return tail;
  }
}
