import type { AnyAlgorithm } from '../engine/types';

/**
 * The value a node carries, shown beside its id (never instead of it): e.g. Peterson's temporary
 * id t. The Algorithm contract has no such hook yet; an algorithm that defines an optional
 * `carried(state)` gets it shown, every other shows the id alone.
 */
interface Carrying {
  carried?(state: unknown): string | number | null;
}

export function carriedValue(alg: AnyAlgorithm, state: unknown): string | number | null {
  const f = (alg as Carrying).carried;
  if (!f || state === null || state === undefined) return null;
  return f.call(alg, state);
}
