import type { InvariantViolation } from '../engine/types';
import { boundSpeaksFor } from '../scenario/faults';
import { noMessageInFlight } from '../scenario/schedule';
import { BROWSER_MAX_STEPS } from './limits';
import type { SimState } from './simStore';

export type StatusKind = 'ready' | 'running' | 'leader' | 'noLeader' | 'truncated' | 'failed';

export interface Status {
  kind: StatusKind;
  /** The status line itself: exactly `Leader: <id>` once a leader is elected at the cursor. */
  text: string;
  /** A second line: what is going on around it. */
  detail: string;
  leader: number | null;
}

// One formatter: toLocaleString builds a new one per call (it shows in a busy frame's profile).
const NUMBER = new Intl.NumberFormat('en-US');
const fmt = (v: number) => NUMBER.format(v);

/** What the status line says at the cursor (leader from the algorithm's result at the cursor). */
export function statusOf(s: SimState): Status {
  const r = s.run.replay;
  const sim = s.run.sim;
  const result = r.result();
  const leader = result.leader;
  const atEnd = s.cursor >= s.knownSteps && !s.computing;
  const computing = s.computing ? ` (computing the run: ${fmt(s.knownSteps)} steps so far)` : '';
  const stopped = atEnd ? stallOf(s) : null;
  if (leader !== null && stopped !== null)
    return { kind: 'leader', text: `Leader: ${leader}`, detail: `run stopped: ${stopped}`, leader };
  if (stopped !== null) return { kind: 'failed', text: 'Stopped by the schedule', detail: stopped, leader };
  if (leader !== null) {
    const extra = result.extra?.chosenProcess;
    const chosen = typeof extra === 'number' && extra !== leader ? `; chosen process ${extra}` : '';
    const detail =
      atEnd && s.complete
        ? `run over after ${fmt(s.knownSteps)} steps${chosen}`
        : atEnd && s.stopNote !== null
          ? s.stopNote
          : `the run goes on${chosen}${computing}`;
    return { kind: 'leader', text: `Leader: ${leader}`, detail, leader };
  }
  if (s.failure !== null && s.cursor >= s.knownSteps)
    return { kind: 'failed', text: 'No leader: the algorithm failed', detail: s.failure, leader };
  if (atEnd && s.truncated)
    return {
      kind: 'truncated',
      text: 'No leader yet: the run is longer than the browser keeps',
      detail:
        s.stopNote ??
        `the browser records the first ${fmt(BROWSER_MAX_STEPS)} steps; the CLI (npm run sim) runs the rest`,
      leader,
    };
  if (atEnd && s.complete) {
    const why = sim.budgetExceeded
      ? `it stopped after ${fmt(sim.stepBudget)} steps without terminating (step budget)`
      : 'the run terminated without electing anyone';
    return { kind: 'noLeader', text: 'No leader', detail: why, leader };
  }
  if (s.cursor === 0)
    return {
      kind: 'ready',
      text: 'Ready: no leader yet',
      detail: `press Play (Space) or Step forward (→)${computing}`,
      leader,
    };
  return {
    kind: 'running',
    text: 'Running: no leader yet',
    detail: s.playing ? `playing${computing}` : `paused${computing}`,
    leader,
  };
}

/** Why the run stopped early, where its delivery schedule named an empty channel; else null. */
export function stallOf(s: Pick<SimState, 'run'>): string | null {
  const stall = s.run.sim.stalled;
  return stall ? noMessageInFlight(stall.step, stall) : null;
}

/** What the monitors found in the run computed so far (docs/algorithms.md §2.1), wherever the cursor is. */
export function monitorViolations(s: SimState): readonly InvariantViolation[] {
  const own = s.run.sim.runViolations();
  const all = s.run.sim.monitors?.violations ?? [];
  // The algorithm's own rule (a lease's split brain) beside the monitors of every run, by step.
  return own.length === 0 ? all : [...all, ...own].sort((x, y) => x.step - y.step);
}

/** Invariant violations the run has reached at the cursor. */
export function violationsAt(s: SimState): InvariantViolation[] {
  return s.run.sim.violations.filter((v) => v.step <= s.cursor);
}

export interface Counts {
  sent: number;
  delivered: number;
  /** Sent and never delivered (C17), at the cursor. */
  lost: number;
  /** Second copies the network made (C26), at the cursor. */
  duplicated: number;
  byKind: { kind: string; count: number }[];
  /** `rounds` (sync) or `time` (async): when the last message so far arrived. */
  timeLabel: 'rounds' | 'time';
  time: number;
  bound: { value: number; formula: string; exact: boolean } | null;
  /** A randomized algorithm's expected messages for this n (C16); null otherwise. */
  expected: { value: number; formula: string } | null;
}

/** The live counts at the cursor, with the algorithm's textbook bound for this n. */
export function countsOf(s: SimState): Counts {
  const r = s.run.replay;
  const sim = s.run.sim;
  const alg = s.run.spec.algorithm;
  const kinds = [...sim.algorithm.kinds];
  for (const k of Object.keys(r.sentByKind)) if (!kinds.includes(k)) kinds.push(k);
  return {
    sent: r.sent,
    delivered: r.delivered,
    lost: r.lost,
    duplicated: r.duplicated,
    byKind: kinds.map((kind) => ({ kind, count: r.sentByKind[kind] ?? 0 })),
    timeLabel: sim.timing.mode === 'sync' ? 'rounds' : 'time',
    time: r.lastDeliveryTime,
    // A bound is shown only for the runs it speaks for (Bully's is the no-crash one; none under C17 faults).
    bound: boundSpeaksFor(alg, sim.faults) ? alg.bound(sim.n, sim.graph, sim.params) : null,
    expected: alg.expected(sim.n, sim.graph, sim.params),
  };
}
