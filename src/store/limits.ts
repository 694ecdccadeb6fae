/** The largest system the browser shows (LIMITS.maxNodes, 20,000, is the CLI's). */
export const BROWSER_MAX_NODES = 5_000;

/**
 * Steps the browser records of one run. A recorded step costs ~400–600 bytes (trace entry, states,
 * checkpoints), so a million steps is already ~0.5 GB; longer runs are cut here and the CLI runs them.
 */
export const BROWSER_MAX_STEPS = 1_000_000;

/** Background computation: at most this many steps, or this many milliseconds, per animation frame. */
export const CHUNK_STEPS = 20_000;
export const CHUNK_MS = 8;

/** Playback: at most this many steps are applied per animation frame (the clock waits for them). */
export const MAX_STEPS_PER_TICK = 40_000;

/** A cursor jump longer than this goes through the Simulation's checkpoints once it is idle. */
export const LONG_JUMP = 50_000;

/** Playback speed in hops per second (rounds/s in sync mode), and the slider's range. */
export const DEFAULT_SPEED = 2;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 500;
