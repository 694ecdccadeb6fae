/** What the background loop needs of a Simulation: step it forward and say where it is. */
export interface Steppable {
  readonly step: number;
  stepForward(): boolean;
}

export interface SliceOptions {
  /** Steps are taken only while `sim.step < limit` (the browser's recording cap). */
  limit: number;
  /** Wall-clock budget of the slice, in milliseconds. */
  budgetMs: number;
  /** At most this many steps between two reads of the clock (cheap steps). */
  maxCheckEvery: number;
  /** The clock (performance.now in the browser; tests pass a fake one). */
  now: () => number;
  /** True once no further step may be recorded (the memory budget, recording.ts). */
  full?: () => boolean;
}

export interface SliceResult {
  /** Steps taken in this slice. */
  steps: number;
  /** Milliseconds the slice took, by the clock it was given. */
  elapsed: number;
  /** The run ended (stepForward said no more), reached `limit` or filled the budget. */
  stopped: boolean;
}

/**
 * Runs steps until the time budget is spent, reading the clock every few steps. Steps differ in cost
 * by orders of magnitude (a Bully broadcast to 400 nodes, a checkpoint), so a fixed step count per
 * slice overran its budget by seconds. Here the interval between clock reads follows the measured
 * cost per step: cheap steps are read every `maxCheckEvery`, expensive ones after each step, and the
 * slice stops early when the next step is predicted not to fit. Exceptions from the algorithm pass
 * through to the caller, which reports them.
 */
export function computeSlice(sim: Steppable, o: SliceOptions): SliceResult {
  const t0 = o.now();
  let steps = 0;

  // Start by reading the clock after the first step: nothing is known yet of what a step costs.
  let nextCheck = 1;
  while (sim.step < o.limit && !o.full?.()) {
    if (!sim.stepForward()) return { steps, elapsed: o.now() - t0, stopped: true };
    steps++;
    if (steps < nextCheck) continue;
    const elapsed = o.now() - t0;
    const perStep = elapsed / steps;
    const left = o.budgetMs - elapsed;
    if (left <= 0 || perStep >= left) return { steps, elapsed, stopped: false };
    // Half of what the remaining budget predicts, so a slower run of steps is still seen in time.
    const ahead = perStep > 0 ? Math.floor(left / perStep / 2) : o.maxCheckEvery;
    nextCheck = steps + Math.max(1, Math.min(o.maxCheckEvery, ahead));
  }
  return { steps, elapsed: o.now() - t0, stopped: true };
}
