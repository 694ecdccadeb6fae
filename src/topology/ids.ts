import { Prng } from '../engine/prng';
import type { NodeId } from '../engine/types';
import type { IdSpec } from './spec';

/** Ids 1..n in the requested order; `random` is a seeded permutation of 1..n. */
export function assignIds(spec: IdSpec, n: number, seed: number): NodeId[] {
  if ('list' in spec) return [...spec.list];
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  if (spec.order === 'desc') ids.reverse();
  // A stream of its own (seed + a constant) so the ids do not shift the delays of the run.
  if (spec.order === 'random') new Prng(seed + 0x9e3779b9).shuffle(ids);
  return ids;
}
