import type { Graph, NodeId } from '../engine/types';
import { undirected, type WeightOptions } from './weights';

/** A star whose centre is the first id; every other node is a leaf joined to it. */
export function star(ids: NodeId[], seed: number, opts: WeightOptions = {}): Graph {
  const pairs: [number, number][] = [];
  for (let i = 1; i < ids.length; i++) pairs.push([0, i]);
  return undirected('star', ids, pairs, seed, opts);
}
