import type { Graph, NodeId } from '../engine/types';
import { undirected, type WeightOptions } from './weights';

/**
 * Rows and columns for n nodes: r = ⌊√n⌋ rows of c = ⌈n / r⌉ columns, filled row by row, so every n
 * has a grid (a prime n included); only the last row may be shorter, and it is never empty.
 */
export function gridShape(n: number): { rows: number; cols: number } {
  const rows = Math.max(1, Math.floor(Math.sqrt(n)));
  return { rows, cols: Math.ceil(n / rows) };
}

/** A near-square grid in the order of the ids (row-major); each node is joined to its right and lower neighbour. */
export function grid(ids: NodeId[], seed: number, opts: WeightOptions = {}): Graph {
  const n = ids.length;
  const { cols } = gridShape(n);
  const pairs: [number, number][] = [];
  for (let p = 0; p < n; p++) {
    if ((p % cols) + 1 < cols && p + 1 < n) pairs.push([p, p + 1]);
    if (p + cols < n) pairs.push([p, p + cols]);
  }
  return undirected('grid', ids, pairs, seed, opts);
}
