import { Prng } from '../engine/prng';
import type { Graph, NodeId, TopologyKind } from '../engine/types';
import { undirected, type WeightOptions } from './weights';

/** The shape of random graphs has its own stream too, apart from ids, delays and weights. */
export const SHAPE_STREAM = 0x51ed270b;

/**
 * The edges of a uniformly random labelled tree on positions 0..n−1: a random Prüfer sequence,
 * decoded in linear time (every labelled tree has exactly one sequence, so all trees are equally likely).
 */
export function randomTreePairs(n: number, prng: Prng): [number, number][] {
  if (n <= 1) return [];
  if (n === 2) return [[0, 1]];
  const seq = Array.from({ length: n - 2 }, () => prng.below(n));
  const degree = new Int32Array(n).fill(1);
  for (const v of seq) degree[v]!++;
  let ptr = 0;
  while (degree[ptr] !== 1) ptr++;
  let leaf = ptr;
  const pairs: [number, number][] = [];
  for (const v of seq) {
    pairs.push([leaf, v]);
    degree[leaf] = 0;
    degree[v]!--;
    if (degree[v] === 1 && v < ptr) leaf = v;
    else {
      ptr++;
      while (degree[ptr] !== 1) ptr++;
      leaf = ptr;
    }
  }
  pairs.push([leaf, n - 1]);
  return pairs;
}

/** A seeded uniformly random tree over the ids, as a graph of the given kind. */
export function randomTree(kind: TopologyKind, ids: NodeId[], seed: number, opts: WeightOptions = {}): Graph {
  const pairs = randomTreePairs(ids.length, new Prng(seed + SHAPE_STREAM));
  return undirected(kind, ids, pairs, seed, opts);
}
