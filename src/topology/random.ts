import { Prng } from '../engine/prng';
import type { Graph, NodeId } from '../engine/types';
import { randomTreePairs, SHAPE_STREAM } from './random-tree';
import { undirected, type WeightOptions } from './weights';

/** Average degree of a random connected graph: sparse enough to draw, with cycles for GHS to reject. */
export const RANDOM_AVERAGE_DEGREE = 3;

/**
 * A seeded random connected graph: a uniformly random spanning tree (so it is connected) plus distinct
 * random extra edges until |E| = round(n · degree / 2), or the complete graph when n is too small.
 */
export function randomConnected(ids: NodeId[], seed: number, opts: WeightOptions = {}): Graph {
  const n = ids.length;
  const prng = new Prng(seed + SHAPE_STREAM);
  const pairs = randomTreePairs(n, prng);
  const possible = (n * (n - 1)) / 2;
  const target = Math.min(possible, Math.max(n - 1, Math.round((n * RANDOM_AVERAGE_DEGREE) / 2)));
  const extra = target - pairs.length;
  const key = (a: number, b: number) => Math.min(a, b) * n + Math.max(a, b);
  const present = new Set(pairs.map(([a, b]) => key(a, b)));
  if (extra > 0 && possible - pairs.length <= 4 * extra) {
    // Dense case (small n): list every missing pair and take a random few; sampling would stall.
    const missing: [number, number][] = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) if (!present.has(key(a, b))) missing.push([a, b]);
    pairs.push(...prng.shuffle(missing).slice(0, extra));
  } else {
    while (pairs.length < target) {
      const a = prng.below(n);
      const b = prng.below(n);
      if (a === b || present.has(key(a, b))) continue;
      present.add(key(a, b));
      pairs.push([a, b]);
    }
  }
  return undirected('random', ids, pairs, seed, opts);
}
