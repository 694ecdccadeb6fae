import type { ExploreInput } from '../scenario/model';

/**
 * The largest system the explorer accepts. Even LCR's ring of n processes has more than 2^n states
 * (every process's own uid may be delivered or not), so past this no budget would be enough.
 */
export const MAX_EXPLORE_N = 16;

/**
 * Why the explorer cannot follow this run, in one sentence, or null. Checked before it starts; what
 * only shows while exploring (a timer in an asynchronous run) is refused then (ExploreRefusal).
 */
export function explorerRefusal(input: ExploreInput): string | null {
  const alg = input.algorithm;
  // Bully's timeouts decide its runs: the order of deliveries alone does not (contract: `timed`).
  if (alg.timed) return `${alg.name} cannot be explored: ${alg.timed}`;
  if (alg.explore?.refuse) return `${alg.name} cannot be explored: ${alg.explore.refuse}`;
  // An algorithm that draws random numbers (it declares so with `randomized`) depends on its draws,
  // and the explorer covers the order of deliveries only.
  const randomized = (alg as { randomized?: unknown }).randomized;
  if (randomized)
    return `${alg.name} cannot be explored: it draws random numbers, and the explorer covers every order of deliveries, not every draw`;
  if (input.faults.crashed.length > 0 || input.faults.crashes.length > 0)
    return 'the explorer models no crashes: leave out --crashed and --crash-at';
  const f = input.faults;
  if (f.loss !== undefined || f.down?.length || f.part?.length || f.recover?.length)
    return 'the explorer models a reliable network: leave out --loss, --link-down, --partition and --recover';
  if (f.drop?.length || f.dup !== undefined)
    return 'the explorer models a reliable network: leave out --drop and --duplicate';
  const n = input.graph.ids.length;
  if (n > MAX_EXPLORE_N)
    return `the explorer takes at most ${MAX_EXPLORE_N} processes (this graph has ${n}): the states of a larger system would not fit any budget`;
  return null;
}
