import type { Graph, NodeId } from '../engine/types';

/**
 * A ring in the order of `ids` (C1): position i's clockwise neighbour is i + 1 mod n. A
 * unidirectional ring has only the clockwise channels; n = 1 is a self-loop (C13).
 */
export function ring(ids: NodeId[], bidirectional: boolean): Graph {
  const n = ids.length;
  const edges: Graph['edges'] = [];
  for (let i = 0; i < n; i++) {
    edges.push({ a: i, b: (i + 1) % n, w: 1 });
    if (bidirectional) edges.push({ a: (i + 1) % n, b: i, w: 1 });
  }
  return {
    kind: bidirectional ? 'ring-bi' : 'ring-uni',
    ids,
    directed: true,
    edges,
    weighted: false,
    ring: true,
  };
}
