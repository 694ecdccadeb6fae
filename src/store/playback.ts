import type { Timing } from '../engine/types';
import { DEFAULT_SPEED, MAX_SPEED, MAX_STEPS_PER_TICK, MIN_SPEED } from './limits';

/** Simulated time per second of wall time per unit of speed: one hop is one round, or a mean delay. */
export function timeScale(t: Timing): number {
  return t.mode === 'sync' ? 1 : (t.maxDelay + 1) / 2;
}

export function clampSpeed(v: number): number {
  return Number.isFinite(v) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, v)) : DEFAULT_SPEED;
}

export interface PlayFrom {
  /**
   * Step k + 1's simulated time. A column read (RecordedTrace.timeAt), not `trace[k].time`: a frame
   * may pass 40,000 steps, and building each step's entry held a Bully n = 400 frame for 55–105 ms.
   */
  timeAt(k: number): number;
  /** Steps recorded so far. */
  known: number;
  cursor: number;
  clock: number;
  computing: boolean;
}

/**
 * One frame of playback: the clock moves by `advance` simulated time units and the cursor follows it
 * to the last step at or before the clock. Too many steps for one frame: the clock waits for the
 * cursor instead of running ahead. At the end playback stops; while the run is still computing the
 * clock waits at the last recorded step.
 */
export function playFrame(p: PlayFrom, advance: number): { cursor: number; clock: number; playing: boolean } {
  const { timeAt, known } = p;
  let clock = p.clock + advance;
  let k = p.cursor;
  while (k < known && timeAt(k) <= clock) {
    k++;
    if (k - p.cursor >= MAX_STEPS_PER_TICK) {
      clock = timeAt(k - 1);
      break;
    }
  }
  let playing = true;
  if (k >= known) {
    const last = known === 0 ? 0 : timeAt(known - 1);
    if (!p.computing) playing = false;
    clock = Math.min(clock, last);
  }
  return { cursor: k, clock, playing };
}
