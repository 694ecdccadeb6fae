import type { FailureDetector, NodeId, Timing } from '../engine/types';

/**
 * Bully's timeouts and its failure detector. Real processes notice a dead coordinator because it stops
 * answering; here the engine's failure-detector service (Algorithm.failureDetector) delivers the notice
 * T_ok after the crash to the detector of that moment: the chosen initiator if it is alive, else the
 * lowest live id. Should the run then go quiet with a live process following a crashed coordinator,
 * or none, that process notices it T_ok later (the last look). Nobody reads a crash schedule
 * (docs/algorithms.md, §1.5, "Who notices a crash").
 */

/** T_ok (C10): ELECTION there and OK back, 2 rounds in sync, 2·maxDelay + 1 in async. */
export function okTimeout(t: Timing): number {
  return t.mode === 'sync' ? 2 : 2 * t.maxDelay + 1;
}

/**
 * T_coord, how long a process that got an OK waits for COORDINATOR. Every live process above the
 * detector hears the detector's ELECTION within maxDelay and starts at once, so the winner declares
 * at most T_ok later and its COORDINATOR lands within 2·T_ok of any waiting process's ok-timeout
 * (sync: declare by round 3, heard in round 4). This timer therefore never fires early in a run
 * without crashes during it, and the textbook counts are untouched.
 */
export function coordTimeout(t: Timing): number {
  return 2 * okTimeout(t);
}

/** The detector among `alive` (ascending): the chosen initiator if it is alive, else the lowest live id. */
export function detectorAmong(alive: readonly NodeId[], initiator: NodeId | null): NodeId | null {
  if (initiator !== null && alive.includes(initiator)) return initiator;
  return alive[0] ?? null;
}

export const bullyDetector: FailureDetector<{ initiator: NodeId | null }, { coordinator: NodeId | null }> = {
  delay: (timing) => okTimeout(timing),
  observer: (alive, params) => detectorAmong(alive, params.initiator),
  label: (crashed) => (crashed === null ? 'notice-no-coordinator' : `notice-crash:${crashed}`),
  leaderOf: (s) => s.coordinator,
};

/** Bully's timers: the election they belong to travels with them. */
export interface BullyTimer {
  kind: 'ok-timeout' | 'coord-timeout';
  epoch: number;
}

/** The trace's name of a timer: `ok-timeout` in the first election, `ok-timeout#2` in a later one. */
export function bullyTimerLabel(t: BullyTimer): string {
  return t.epoch === 0 ? t.kind : `${t.kind}#${t.epoch}`;
}
