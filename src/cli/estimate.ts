import { defaultStepBudget } from '../engine/simulation';
import type { RunSpec } from '../scenario/build';

/**
 * How long a headless run will take, said before it starts: a run can be valid and still take hours
 * (LCR with ids descending on 20,000 nodes sends about 2·10⁸ messages). The estimate is the algorithm's
 * own message bound (`bound()`, the counts panel's formula) — at most the step budget — times a
 * per-message cost measured on this engine (docs/architecture.md, "How long a run takes"). A bound is
 * an upper bound for most algorithms, so the estimate says "up to".
 */

/**
 * Seconds one message costs a headless run (its send, its delivery event and the handler). Measured
 * with `npm run --silent sim -- --algorithm lcr --ids desc --json` at n = 2,000 and n = 5,000
 * (2,003,000 and 12,507,500 messages), the difference of the two over the difference in messages, so
 * start-up cancels: 0.45 µs of CPU time a message, 1.9 µs of wall-clock time on the 2-core machine
 * shared by several jobs (load ~17). 1 µs sits between. LCR has the cheapest handler; GHS and HS spend
 * more per message, so this only decides whether to warn, and the note says "about".
 */
export const SECONDS_PER_MESSAGE = 1e-6;

/** Runs estimated past this many seconds get a note on stderr before they start. */
export const NOTE_OVER_SECONDS = 60;

/** The messages (≈ events) a run can take: its bound, but never past the steps it may run. */
export function runMessages(run: RunSpec, maxSteps: number | null): number {
  const bound = run.algorithm.bound(run.graph.ids.length, run.graph, run.params).value;
  return Math.min(bound, maxSteps ?? defaultStepBudget(run.graph));
}

/** `about 40 s`, `about 3 min`, `about 2.5 h`, `about 4 days`. */
export function duration(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `about ${Math.round((seconds / 3600) * 10) / 10} h`;
  return `about ${Math.round(seconds / 86400).toLocaleString('en-US')} days`;
}

/**
 * The one-line note for work of `messages` messages, or null when it should take under a minute.
 * `what` names the work (`this run`, `this experiment (2,000 runs)`).
 */
export function longRunNote(what: string, messages: number): string | null {
  const seconds = messages * SECONDS_PER_MESSAGE;
  if (!(seconds > NOTE_OVER_SECONDS)) return null;
  const count = Math.round(messages).toLocaleString('en-US');
  const micro = SECONDS_PER_MESSAGE * 1e6;
  return `${what} may take ${duration(seconds)} (up to ${count} messages by the algorithm's bound, ~${micro} µs each); --max-steps N stops each run after N steps, --quiet hides this note`;
}
