import { DEFAULT_ALGORITHM } from '../algorithms/registry';
import { parseFlat } from '../scenario/parse';
import type { Scenario } from '../scenario/types';

/**
 * First load: LCR on 8 nodes, ids a seeded random permutation, synchronous rounds. Every process sends
 * at t = 0, so messages move the moment Play is pressed; the run ends with a leader after 16 rounds.
 */
export const DEFAULT_FLAT = {
  v: '1',
  alg: DEFAULT_ALGORITHM,
  n: '8',
  ids: 'random',
  seed: '1',
  mode: 'sync',
};

export function defaultScenario(): Scenario {
  const parsed = parseFlat(DEFAULT_FLAT);
  if (!parsed.ok) throw new Error(`the default scenario is invalid: ${parsed.errors[0]!.message}`);
  return parsed.value;
}
