import { computeSlice } from './compute';
import { budgetStopDetail, meterOf } from './recording';
import type { RunHandle } from './run';
import type { Schedule } from './schedule';

export interface BackgroundOptions {
  schedule: Schedule;
  /** The browser's recording cap: the run is cut after this many steps. */
  limit: number;
  /** Wall-clock budget of one slice, in milliseconds. */
  budgetMs: number;
  /** At most this many cheap steps between two reads of the clock. */
  maxCheckEvery: number;
  now: () => number;
  /** Bytes a recorded run may hold (recording.ts, RECORDING_BUDGET by default). */
  recordingBudget?: number | undefined;
}

/** Where a run's computation stands after a slice. */
export interface Progress {
  knownSteps: number;
  computing: boolean;
  /** It terminated (or hit its step budget) within the recording cap. */
  complete: boolean;
  /** It reached the recording cap without terminating. */
  truncated: boolean;
  /** The algorithm threw: the message, with the step it broke at. */
  failure: string | null;
  /** The memory budget stopped the recording: the status line's sentence. */
  stopNote: string | null;
}

/**
 * Computes a run in the background, one time-budgeted slice per scheduled task (one per animation
 * frame in the browser), so the page keeps answering while a long run is recorded. One run at a
 * time: starting another cancels the slice scheduled for the previous one.
 */
export class Background {
  private cancel: (() => void) | null = null;
  private run: RunHandle | null = null;

  constructor(
    private readonly o: BackgroundOptions,
    /** Called after every slice with the run it computed and where it stands. */
    private readonly onSlice: (run: RunHandle, p: Progress) => void,
  ) {}

  start(run: RunHandle): void {
    this.stop();
    this.run = run;
    this.cancel = this.o.schedule(() => this.slice(run));
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.run = null;
  }

  /** Computes the rest of the run at once (tests, benchmarks). */
  finish(run: RunHandle): void {
    while (this.run === run) {
      this.cancel?.();
      this.cancel = null;
      if (!this.slice(run, Infinity).computing) return;
    }
  }

  private slice(run: RunHandle, budgetMs = this.o.budgetMs): Progress {
    this.cancel = null;
    const sim = run.sim;
    let failure: string | null = null;
    // The recording's bytes are counted as it grows; at the budget no further step is recorded.
    const meter = meterOf(sim, this.o.recordingBudget);
    try {
      computeSlice(sim, { ...this.o, budgetMs, full: () => meter.full });
    } catch (e) {
      failure = `the algorithm failed at step ${sim.trace.length + 1}: ${e instanceof Error ? e.message : String(e)}`;
    }
    run.replay.index();
    const complete = failure === null && sim.done;
    const full = failure === null && !complete && meter.full;
    const truncated = failure === null && !complete && (sim.step >= this.o.limit || full);
    const p: Progress = {
      knownSteps: sim.trace.length,
      computing: failure === null && !complete && !truncated,
      complete,
      truncated,
      failure,
      stopNote: full ? budgetStopDetail(sim.trace.length, meter.budget) : null,
    };
    if (!p.computing && this.run === run) this.run = null;
    // Scheduled before reporting, so a report that starts another run cancels this one's next slice.
    if (p.computing && this.run === run) this.cancel = this.o.schedule(() => this.slice(run));
    this.onSlice(run, p);
    return p;
  }
}
