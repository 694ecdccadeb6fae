import type { AnyAlgorithm } from '../engine/types';
import { bully } from './bully';
import { changRoberts } from './chang-roberts';
import { ghs } from './ghs';
import { hs } from './hs';
import { lcr } from './lcr';
import { peterson } from './peterson';
import { tree } from './tree';

/** Every algorithm by the id used in URLs and on the CLI, in the order the UI lists them. */
export const ALGORITHMS: readonly AnyAlgorithm[] = [lcr, changRoberts, hs, peterson, bully, tree, ghs];

export function findAlgorithm(id: string): AnyAlgorithm | undefined {
  return ALGORITHMS.find((a) => a.id === id);
}
