import { MAX_SEEDS } from '../experiments/spec';
import { LIMITS } from '../topology/spec';
import { MAX_DELAY_IN_SYNC } from './args';
import { UsageError, wholeOption } from './argv';

/** `--seeds`, `--mode` and `--max-delay` into `spec`, as both kinds of experiment read them. */
export function readRunOptions(
  given: ReadonlyMap<string, string>,
  spec: { seeds: number; mode: 'sync' | 'async'; maxDelay: number },
): void {
  const seeds = given.get('--seeds');
  if (seeds !== undefined) spec.seeds = wholeOption('--seeds', seeds, 1, MAX_SEEDS);
  const mode = given.get('--mode');
  if (mode !== undefined) {
    if (mode !== 'sync' && mode !== 'async')
      throw new UsageError(`--mode must be sync or async, not "${mode.slice(0, 20)}"`);
    spec.mode = mode;
  }
  const maxDelay = given.get('--max-delay');
  if (maxDelay !== undefined) {
    if (spec.mode !== 'async') throw new UsageError(MAX_DELAY_IN_SYNC);
    spec.maxDelay = wholeOption('--max-delay', maxDelay, 1, LIMITS.maxDelay);
  }
}
