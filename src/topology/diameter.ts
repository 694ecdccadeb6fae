import type { Graph } from '../engine/types';

const memo = new WeakMap<Graph, number>();

/**
 * The graph's diameter: the largest number of hops from one node to another along its edges (in
 * their direction, for a directed graph), or Infinity where some node cannot reach another. FloodMax's
 * processes know it (Lynch §4.1; docs/algorithms.md §1.6), and its count 2|E|·diam reads it.
 *
 * One breadth-first search from every node: O(n · (n + |E|)) time, O(n + |E|) memory, about 0.4 s
 * for a 2,000-node ring on this project's machines and growing with n². Computed once per graph
 * object and remembered, so every process of a run and the counts panel share one computation.
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
  // Compressed adjacency: the out-neighbours of position p are next[start[p] .. start[p + 1]).
  const start = new Int32Array(n + 1);
  const arcs = graph.edges.length * (graph.directed ? 1 : 2);
  for (const { a, b } of graph.edges) {
    start[a + 1]!++;
    if (!graph.directed) start[b + 1]!++;
  }
  for (let p = 0; p < n; p++) start[p + 1]! += start[p]!;
  const next = new Int32Array(arcs);
  const fill = start.slice(0, n);
  for (const { a, b } of graph.edges) {
    next[fill[a]!++] = b;
    if (!graph.directed) next[fill[b]!++] = a;
  }
  const dist = new Int32Array(n);
  // seen[p] = source + 1 once p is reached from that source: no clearing between searches.
  const seen = new Int32Array(n);
  const queue = new Int32Array(n);
  let diam = 0;
  for (let s = 0; s < n; s++) {
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = s + 1;
    dist[s] = 0;
    while (head < tail) {
      const p = queue[head++]!;
      for (let k = start[p]!; k < start[p + 1]!; k++) {
        const q = next[k]!;
        if (seen[q] === s + 1) continue;
        seen[q] = s + 1;
        dist[q] = dist[p]! + 1;
        queue[tail++] = q;
      }
    }
    if (tail < n) return Infinity;
    diam = Math.max(diam, dist[queue[tail - 1]!]!);
  }
  return diam;
}
