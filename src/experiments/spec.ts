import { findAlgorithm, ALGORITHMS } from '../algorithms/registry';
import type { TimingMode } from '../engine/types';
import { LIMITS } from '../topology/spec';
import { hasOrder, isOrderName, type OrderName } from './orders';

/** One experiment: every algorithm × order × n × seed is one headless run. */
export interface ExperimentSpec {
  /** Registry ids (AlgorithmModule.id). */
  algorithms: string[];
  /** The sizes, ascending (see parseNRange). */
  ns: number[];
  orders: OrderName[];
  /**
   * k: runs whose outcome depends on a seed (a random id order, async delays, a random graph) are
   * repeated with seeds 1..k; a deterministic run (e.g. sync with ids desc) runs once, with seed 1.
   */
  seeds: number;
  mode: TimingMode;
  /** async only: delays are uniform in [1, maxDelay] (C6). */
  maxDelay: number;
  /** Send the leader announcement (C3); algorithms without one (Bully) ignore it. */
  announce: boolean;
}

export const SPEC_DEFAULTS: Omit<ExperimentSpec, 'algorithms' | 'ns' | 'orders'> = {
  seeds: 1,
  mode: 'sync',
  maxDelay: 10,
  announce: true,
};

/** Past this many runs an experiment is refused: the panel and the CLI should answer in minutes. */
export const MAX_RUNS = 20_000;
export const MAX_SEEDS = 1_000;

/** Checks what the types cannot; null when the spec can be planned, else one sentence. */
export function specProblem(spec: ExperimentSpec): string | null {
  if (spec.algorithms.length === 0)
    return `no algorithm chosen (one or more of: ${ALGORITHMS.map((a) => a.id).join(', ')})`;
  for (const id of spec.algorithms) {
    if (!findAlgorithm(id))
      return `unknown algorithm "${id.slice(0, 30)}" (known: ${ALGORITHMS.map((a) => a.id).join(', ')})`;
  }
  if (new Set(spec.algorithms).size !== spec.algorithms.length) return 'an algorithm is listed twice';
  if (spec.ns.length === 0) return 'no size n chosen';
  for (const n of spec.ns) {
    if (!Number.isSafeInteger(n) || n < 1 || n > LIMITS.maxNodes)
      return `n = ${n} is not a size from 1 to ${LIMITS.maxNodes}`;
  }
  if (spec.orders.length === 0) return 'no id order chosen (worst, best, random, asc or desc)';
  for (const o of spec.orders) if (!isOrderName(o)) return `unknown id order "${String(o).slice(0, 20)}"`;
  if (new Set(spec.orders).size !== spec.orders.length) return 'an id order is listed twice';
  for (const id of spec.algorithms) {
    for (const o of spec.orders) {
      if (!hasOrder(id, o)) return `${id} has no known ${o}-case id order: use asc, desc or random`;
    }
  }
  if (!Number.isSafeInteger(spec.seeds) || spec.seeds < 1 || spec.seeds > MAX_SEEDS)
    return `seeds must be a whole number from 1 to ${MAX_SEEDS}`;
  if (spec.mode !== 'sync' && spec.mode !== 'async') return 'mode must be sync or async';
  if (!Number.isSafeInteger(spec.maxDelay) || spec.maxDelay < 1 || spec.maxDelay > LIMITS.maxDelay)
    return `max delay must be a whole number from 1 to ${LIMITS.maxDelay}`;
  return null;
}
