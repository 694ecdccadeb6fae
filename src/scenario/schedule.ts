import type { Delivery } from '../engine/types';
import { LIMITS } from '../topology/spec';

/**
 * A delivery schedule: the order in which an asynchronous run delivers its messages. It is what the
 * explorer of every schedule hands back as a witness (the best, the worst, a violation) and what a
 * link (`sched`), the CLI (`--schedule`) and a scenario file replay.
 *
 * A channel is an ordered pair of processes (sender, receiver): every message in flight from `from`
 * to `to` queues on it in the order it was sent (FIFO). On rings of one or two processes the cw and
 * ccw links join the same pair (C13), and their messages share that one queue. Step k of a schedule
 * delivers the head of channel k; the start-up sends come first (C4).
 *
 * Text form, as in links and on the command line: `5-1,4-5,3-4` — "deliver the oldest message in
 * flight from 5 to 1, then from 4 to 5, …", the same `a-b` shape (and id range) as an edge list.
 */
export type { Delivery };

/** Longest schedule a link, file or command may carry (a million-character link holds ~100,000). */
export const MAX_SCHEDULE = 200_000;

/** `5-1,4-5`: the text form of a schedule. */
export function formatSchedule(schedule: readonly Delivery[]): string {
  return schedule.map((d) => `${d.from}-${d.to}`).join(',');
}

/** A channel as people read it: `5→1`. */
export function channelName(d: Delivery): string {
  return `${d.from}→${d.to}`;
}

export type ScheduleReading = { ok: true; value: Delivery[] } | { ok: false; message: string };

/**
 * Reads the text form. Only the shape is checked here; whether each step names a channel that has a
 * message in flight is known only while replaying it against the run.
 */
export function parseSchedule(text: string): ScheduleReading {
  const parts = text.split(',');
  if (text.trim() === '') return { ok: false, message: 'schedule is empty: give deliveries like 5-1,4-5' };
  if (parts.length > MAX_SCHEDULE)
    return {
      ok: false,
      message: `schedule: ${parts.length} steps is more than the ${MAX_SCHEDULE} supported`,
    };
  const out: Delivery[] = [];
  for (const [i, p] of parts.entries()) {
    const m = /^\s*(-?\d{1,10})\s*-\s*(-?\d{1,10})\s*$/.exec(p);
    const step = `schedule step ${i + 1}`;
    if (!m)
      return {
        ok: false,
        message: `${step}, "${p.slice(0, 30)}", is not a delivery; write from-to, e.g. 5-1`,
      };
    const from = Number(m[1]) + 0;
    const to = Number(m[2]) + 0;
    if (Math.abs(from) > LIMITS.maxId || Math.abs(to) > LIMITS.maxId)
      return { ok: false, message: `${step}, ${from}-${to}, names an id beyond ±${LIMITS.maxId}` };
    out.push({ from, to });
  }
  return { ok: true, value: out };
}

/**
 * Why a replay stops: step `step` (1-based) names a channel on which nothing is in flight at that
 * moment (found only while replaying; the engine reports it as Simulation.stalled).
 */
export function noMessageInFlight(step: number, d: Delivery): string {
  return `schedule step ${step} names channel ${channelName(d)}, which has no message in flight`;
}
