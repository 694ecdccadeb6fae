import type { NodeId } from '../engine/types';
import type { GraphResult } from './spec';
import { undirected, type WeightOptions } from './weights';

export const isPowerOfTwo = (n: number): boolean => n >= 1 && (n & (n - 1)) === 0;

/** The d-dimensional hypercube (n = 2^d): positions i and j are joined when they differ in one bit. */
export function hypercube(ids: NodeId[], seed: number, opts: WeightOptions = {}): GraphResult {
  const n = ids.length;
  if (!isPowerOfTwo(n)) {
    const below = 2 ** Math.floor(Math.log2(n));
    return {
      ok: false,
      error: `a hypercube needs a power-of-two number of nodes, and ${n} is not one (${below} or ${2 * below} would fit)`,
    };
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let bit = 1; bit < n; bit <<= 1) if ((i & bit) === 0) pairs.push([i, i | bit]);
  return { ok: true, graph: undirected('hypercube', ids, pairs, seed, opts) };
}
