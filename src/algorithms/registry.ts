import type { AnyAlgorithm } from '../engine/types';
import { changRoberts } from './chang-roberts';
import { lcr } from './lcr';

/** Every algorithm by the id used in URLs and on the CLI, in the order the UI lists them. */
export const ALGORITHMS: readonly AnyAlgorithm[] = [lcr, changRoberts];

export function findAlgorithm(id: string): AnyAlgorithm | undefined {
  return ALGORITHMS.find((a) => a.id === id);
}
