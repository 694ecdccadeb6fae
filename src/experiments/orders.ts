import { ORDER_NAMES, type OrderName } from '../algorithms/contract';
import { findAlgorithm } from '../algorithms/registry';
import type { Flat } from '../scenario/parse';

/**
 * The id orders an experiment runs. `asc`, `desc` and `random` are the scenario's own id orders;
 * `worst` and `best` are each algorithm's own (AlgorithmModule.orders), because what makes a ring
 * expensive depends on the algorithm (a sorted ring is LCR's worst case and Peterson's best).
 */
export { ORDER_NAMES, type OrderName };

export function isOrderName(x: string): x is OrderName {
  return (ORDER_NAMES as readonly string[]).includes(x);
}

/** Whether the algorithm can run this order (worst and best exist only where they are known). */
export function hasOrder(algorithm: string, order: OrderName): boolean {
  if (order !== 'worst' && order !== 'best') return true;
  return findAlgorithm(algorithm)?.orders?.[order] !== undefined;
}

/** The flat (URL) keys of a run of this order, besides alg, n, mode and seed. */
export function arrangement(algorithm: string, order: OrderName, n: number, seed: number): Flat {
  const orders = findAlgorithm(algorithm)?.orders;
  const own = order === 'worst' || order === 'best' || order === 'random' ? orders?.[order] : undefined;
  if (own) return { ...own.arrange(n, seed) };
  return { ids: order };
}

/** What `order` means for `algorithm`, one sentence (null when the algorithm has no such order). */
export function describeOrder(algorithm: string, order: OrderName): string | null {
  if (order === 'worst' || order === 'best') return findAlgorithm(algorithm)?.orders?.[order]?.text ?? null;
  if (order === 'random') return 'ids 1..n in a random order drawn from the seed';
  return order === 'asc' ? 'ids 1..n increasing clockwise' : 'ids 1..n decreasing clockwise';
}
