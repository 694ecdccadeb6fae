/**
 * Moving by whole rounds (sync) or time units (async): the keyboard's "next round" and "previous
 * round". Steps are in time order, so the steps of one time unit are a contiguous block of the trace;
 * the cursor counts executed steps (cursor k means steps 0 … k−1 have run).
 */
interface Timed {
  readonly time: number;
}

/** The first index in [lo, hi) whose step is at time > t (or hi). */
function firstAfter(trace: readonly Timed[], lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid]!.time > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The cursor after every step of the next time unit has run: from the cursor, run to the end of the
 * block the next step belongs to. `known` bounds it while the run is still being computed.
 */
export function nextRoundCursor(trace: readonly Timed[], known: number, cursor: number): number {
  if (cursor >= known) return cursor;
  return firstAfter(trace, cursor, known, trace[cursor]!.time);
}

/**
 * The cursor at the start of the time unit of the last executed step, i.e. the end of the unit before
 * it: pressed at the end of round 3 it goes to the end of round 2; pressed mid-round 3, to its start.
 */
export function previousRoundCursor(trace: readonly Timed[], cursor: number): number {
  if (cursor <= 0) return 0;
  const t = trace[cursor - 1]!.time;
  let lo = 0;
  let hi = cursor - 1;
  // The first index whose step is at time ≥ t.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid]!.time >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
