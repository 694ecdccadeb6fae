/** The largest system the browser shows (LIMITS.maxNodes, 20,000, is the CLI's). */
export const BROWSER_MAX_NODES = 5_000;

/**
 * Steps the browser records of one run. A recorded step costs ~0.7–2 KB in Node (trace entry, new
 * state, sent messages, journal row; docs/architecture.md "What a recorded run costs"), so a million
 * steps would pass the recording budget (src/store/recording.ts) for most algorithms; longer runs are
 * cut here and the CLI runs them.
 */
export const BROWSER_MAX_STEPS = 1_000_000;

/**
 * Background computation: one slice of this many milliseconds per animation frame, the clock read at
 * least every CHECK_EVERY steps (more often when steps are expensive: src/store/compute.ts). 8 ms
 * leaves half of a 60 Hz frame to input, React and drawing.
 */
export const SLICE_MS = 8;
export const CHECK_EVERY = 16;

/** Playback: at most this many steps are looked ahead per animation frame (the clock waits for them). */
export const MAX_STEPS_PER_TICK = 40_000;

/**
 * Playback: the cursor moves for at most this many milliseconds per animation frame, measured. A
 * Bully step on a complete graph of 400 nodes sends 399 messages, and 40,000 such steps in one frame
 * held the page for seconds; past the budget the clock waits for the cursor, as it does at the cap.
 */
export const PLAY_BUDGET_MS = 4;

/**
 * While a run computes, its progress is published (a store update, so React, the counts and the
 * space-time index follow) at most this often, not after every slice: one update per frame cost
 * more than the slice itself on a 400-node complete graph. The end of a run, a failure and a step
 * asked for are published at once.
 */
export const PUBLISH_MS = 200;

/** A cursor jump longer than this goes through the Simulation's checkpoints once it is idle. */
export const LONG_JUMP = 50_000;

/** Playback speed in hops per second (rounds/s in sync mode), and the slider's range. */
export const DEFAULT_SPEED = 2;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 500;
