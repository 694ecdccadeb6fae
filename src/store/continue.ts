import type { RunHandle } from './run';

/** Where a run that replaces the one on screen picks up (the live controls). */
export interface ContinueFrom {
  step: number;
}

export interface CaughtUp {
  /** The step the cursor is at: k, or less if the run ended sooner or the algorithm threw. */
  reached: number;
  /** The algorithm threw: the message, with the step it broke at (as the background says it). */
  failure: string | null;
}

/**
 * Computes a new run up to step k at once and moves its cursor there, so the page never shows it at
 * step 0: the user sees the run go on from where it was.
 */
export function catchUp(run: RunHandle, k: number): CaughtUp {
  const sim = run.sim;
  let failure: string | null = null;
  try {
    while (sim.trace.length < k && sim.stepForward());
  } catch (e) {
    failure = `the algorithm failed at step ${sim.trace.length + 1}: ${e instanceof Error ? e.message : String(e)}`;
  }
  run.replay.index();
  const reached = Math.min(k, sim.trace.length);
  run.replay.moveTo(reached);
  return { reached, failure };
}
