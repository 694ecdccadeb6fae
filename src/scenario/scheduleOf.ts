import type { TraceEntry } from '../engine/types';
import type { Delivery } from './schedule';

/**
 * The delivery order of a recorded run, as a schedule: every step that took a message off a channel
 * (a delivery, or a drop at a crashed process), up to step `upTo`. Replaying it gives the same
 * steps in the same order, with step k of the schedule at time k.
 */
export function scheduleOf(trace: readonly TraceEntry[], upTo = trace.length): Delivery[] {
  const out: Delivery[] = [];
  for (let i = 0; i < upTo && i < trace.length; i++) {
    const e = trace[i]!;
    if ((e.kind === 'deliver' || e.kind === 'drop') && e.from !== undefined)
      out.push({ from: e.from, to: e.node });
  }
  return out;
}
