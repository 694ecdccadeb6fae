import type { Graph, NodeId } from '../engine/types';
import { LIMITS, type EdgeSpec, type GraphResult } from './spec';
import { distinctWeights, type WeightOptions } from './weights';

/**
 * An undirected graph from an edge list named by ids. Weights are kept as given; a missing weight is
 * drawn at random, distinct from every other weight, so GHS has a unique MST to find.
 */
export function custom(
  ids: NodeId[],
  edges: readonly EdgeSpec[],
  seed: number,
  opts: WeightOptions = {},
): GraphResult {
  if (edges.length > LIMITS.maxEdges)
    return { ok: false, error: `${edges.length} edges is more than the ${LIMITS.maxEdges} supported` };
  const position = new Map<NodeId, number>();
  ids.forEach((id, i) => position.set(id, i));
  const seen = new Map<string, EdgeSpec>();
  for (const e of edges) {
    for (const end of [e.a, e.b])
      if (!position.has(end))
        return { ok: false, error: `edge ${e.a}-${e.b} names ${end}, which is not a node` };
    if (e.a === e.b) return { ok: false, error: `edge ${e.a}-${e.b} is a self-loop` };
    if (e.w !== undefined && Math.abs(e.w) > LIMITS.maxWeight)
      return {
        ok: false,
        error: `the weight ${e.w} of edge ${e.a}-${e.b} is out of range (|w| ≤ ${LIMITS.maxWeight})`,
      };
    const k = `${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}`;
    const first = seen.get(k);
    if (first)
      return {
        ok: false,
        error: `edge ${e.a}-${e.b} is listed twice (first as ${first.a}-${first.b}); give each edge once`,
      };
    seen.set(k, e);
  }
  const random = (opts.weights ?? 'random') === 'random';
  const given = new Set(edges.flatMap((e) => (e.w === undefined ? [] : [e.w])));
  const missing = edges.filter((e) => e.w === undefined).length;
  const drawn = random ? distinctWeights(missing, seed, given) : [];
  let next = 0;
  const out: Graph['edges'] = edges.map((e) => {
    const a = position.get(e.a)!;
    const b = position.get(e.b)!;
    const w = e.w ?? (random ? drawn[next++]! : 1);
    return { a: Math.min(a, b), b: Math.max(a, b), w };
  });
  return {
    ok: true,
    graph: {
      kind: 'custom',
      ids,
      directed: false,
      edges: out,
      weighted: random || given.size > 0,
      ring: false,
    },
  };
}
