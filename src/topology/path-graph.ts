import type { Graph, NodeId } from '../engine/types';
import { undirected, type WeightOptions } from './weights';

/** A path in the order of the ids: position i is joined to i + 1. */
export function path(ids: NodeId[], seed: number, opts: WeightOptions = {}): Graph {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < ids.length; i++) pairs.push([i, i + 1]);
  return undirected('path', ids, pairs, seed, opts);
}
