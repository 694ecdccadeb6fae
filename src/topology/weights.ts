import { Prng } from '../engine/prng';
import type { Graph } from '../engine/types';

/**
 * Edge weights live on their own PRNG stream (seed + this constant), apart from the run's delays and
 * the id order: changing the seed changes all three, but drawing weights never shifts a delay.
 */
export const WEIGHT_STREAM = 0x2545f491;

/** Whether a generator draws random weights (GHS needs them) or gives every edge weight 1. */
export interface WeightOptions {
  /** 'random' (default): distinct integer weights, `weighted: true`; 'unit': all 1, `weighted: false`. */
  weights?: 'random' | 'unit';
}

/**
 * `count` distinct integers drawn uniformly from 1..W (W = max(10, 2·(count + taken))), none of them in
 * `taken`: distinct weights make the MST unique, and small numbers read well on the graph.
 */
export function distinctWeights(
  count: number,
  seed: number,
  taken: ReadonlySet<number> = new Set(),
): number[] {
  const prng = new Prng(seed + WEIGHT_STREAM);
  const top = Math.max(10, 2 * (count + taken.size));
  const used = new Set<number>(taken);
  const out: number[] = [];
  while (out.length < count) {
    const w = prng.int(1, top);
    if (used.has(w)) continue;
    used.add(w);
    out.push(w);
  }
  return out;
}

/** An undirected graph over positions from a list of position pairs, weighted as the options say. */
export function undirected(
  kind: Graph['kind'],
  ids: Graph['ids'],
  pairs: readonly (readonly [number, number])[],
  seed: number,
  opts: WeightOptions,
): Graph {
  const random = (opts.weights ?? 'random') === 'random';
  const ws = random ? distinctWeights(pairs.length, seed) : null;
  const edges = pairs.map(([a, b], k) => ({ a: Math.min(a, b), b: Math.max(a, b), w: ws ? ws[k]! : 1 }));
  return { kind, ids, directed: false, edges, weighted: random, ring: false };
}
