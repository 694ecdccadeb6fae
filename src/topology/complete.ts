import type { Graph, NodeId } from '../engine/types';

/** Every pair of nodes joined by an undirected edge (Bully assumes everyone can reach everyone). */
export function complete(ids: NodeId[]): Graph {
  const edges: Graph['edges'] = [];
  for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) edges.push({ a, b, w: 1 });
  return { kind: 'complete', ids, directed: false, edges, weighted: false, ring: false };
}
