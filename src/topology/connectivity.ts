import type { Graph } from '../engine/types';

/**
 * Connected components of a graph, edges taken as undirected: `component[i]` is the smallest position
 * in i's component, `count` how many components there are. Union–find with path halving.
 */
export function components(graph: Graph): { count: number; component: Int32Array } {
  const n = graph.ids.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let count = n;
  for (const { a, b } of graph.edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    // the smaller position becomes the root, so `component` names each component by its first node
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
    count--;
  }
  const component = new Int32Array(n);
  for (let i = 0; i < n; i++) component[i] = find(i);
  return { count, component };
}

/** Undirected edges counted once, whatever the direction they are listed in. */
export function undirectedEdgeCount(graph: Graph): number {
  if (!graph.directed) return graph.edges.length;
  const n = graph.ids.length;
  return new Set(graph.edges.map(({ a, b }) => Math.min(a, b) * n + Math.max(a, b))).size;
}

/** Why the graph is not connected (naming a node the first one cannot reach), or null. */
export function connectedProblem(graph: Graph): string | null {
  const { count, component } = components(graph);
  if (count <= 1) return null;
  const stray = component.findIndex((c) => c !== 0);
  return `the graph is disconnected: ${count} components among ${graph.ids.length} nodes (${graph.ids[stray]} cannot reach ${graph.ids[0]})`;
}

/** Why the graph is not a tree (disconnected, or a cycle: more than n − 1 edges), or null. */
export function treeProblem(graph: Graph): string | null {
  const n = graph.ids.length;
  const m = undirectedEdgeCount(graph);
  const { count, component } = components(graph);
  // A forest with c components has n − c edges; every edge beyond that closes a cycle.
  const cycle = m > n - count;
  if (count > 1) {
    const stray = component.findIndex((c) => c !== 0);
    return `the graph is not a tree: it is disconnected, ${count} components among ${n} nodes (${graph.ids[stray]} cannot reach ${graph.ids[0]})${cycle ? ', and it has a cycle' : ''}`;
  }
  if (cycle) return `the graph is not a tree: it has a cycle (${m} edges on ${n} nodes; a tree has ${n - 1})`;
  return null;
}
