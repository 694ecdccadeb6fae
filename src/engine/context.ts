import { diameter } from '../topology/diameter';
import { drawAt } from './draw';
import type { Faults, Graph, NodeCtx, NodeId, Timing } from './types';

/**
 * The static per-node knowledge handed to handlers, built once per run. `seed` is the run's seed:
 * only the random draws read it (C16).
 */
export function buildContexts(
  graph: Graph,
  timing: Timing,
  faults: Faults,
  narrate = true,
  seed = 0,
): NodeCtx[] {
  const n = graph.ids.length;
  const out: NodeId[][] = Array.from({ length: n }, () => []);
  const weights: Map<NodeId, number>[] = Array.from({ length: n }, () => new Map());
  for (const { a, b, w } of graph.edges) {
    const ia = graph.ids[a]!;
    const ib = graph.ids[b]!;
    if (!weights[a]!.has(ib)) out[a]!.push(ib);
    weights[a]!.set(ib, w);
    if (!graph.directed) {
      if (!weights[b]!.has(ia)) out[b]!.push(ia);
      weights[b]!.set(ia, w);
    }
  }
  const allIds = [...graph.ids].sort((x, y) => x - y);
  const services = graph.ids.slice(n - (graph.services?.length ?? 0));
  const crashedAtStart = new Set(faults.crashed);
  // A crash at time 0 comes before every start-up step (same event key, smaller seq).
  const downAtZero = new Set(faults.crashes.filter((c) => c.at === 0).map((c) => c.id));
  const liveAtStart = allIds.filter((id) => !crashedAtStart.has(id) && !downAtZero.has(id));
  return graph.ids.map((id, i) => ({
    id,
    n,
    // a getter: the diameter costs a BFS from every node, paid only by an algorithm that reads it
    get diam() {
      return diameter(graph);
    },
    neighbours: out[i]!,
    cw: graph.ring ? graph.ids[(i + 1) % n]! : -1,
    ccw: graph.ring ? graph.ids[(i - 1 + n) % n]! : -1,
    allIds,
    services,
    weights: weights[i]!,
    crashedAtStart,
    liveAtStart,
    mode: timing.mode,
    maxDelay: timing.maxDelay,
    narrate,
    draw: (k: number, lo: number, hi: number) => drawAt(seed, i, k, lo, hi),
  }));
}
