import type { IdIndex, LinkIndex } from './links';
import type { Delivery } from './types';

/** What a checkpoint keeps of a plan. */
export interface PlanState {
  sentOn: Int32Array;
  done: number;
  lastAfter: number;
}

/**
 * A delivery schedule (Timing.schedule) turned into delivery times, so a replay runs through the
 * ordinary event queue, checkpoints and seek.
 *
 * Channels are FIFO, so the j-th message ever sent from a to b can only be delivered by the j-th step
 * of the schedule that names a→b: its delivery time (that step's number k) is known the moment it is
 * sent. Step k is at time k, after the start-ups at time 0 (C4), one delivery per time unit.
 * A message the schedule has no step left for waits until the schedule is over; those go oldest
 * (by send order) first, one per time unit, so any prefix of a schedule is a complete run.
 *
 * A step whose channel is empty when its time comes stops the run (`missing`): the schedule names a
 * message that is not there.
 */
export class DeliveryPlan {
  /** Steps in the schedule: the last scheduled delivery is at time `length`. */
  readonly length: number;
  /** Per link: the steps (= delivery times) that name it, in order. */
  private readonly stepsOn: number[][];
  /** Per step k (index k, 1-based): its link (−1: no such link) and which message of it it takes. */
  private readonly linkOf: Int32Array;
  private readonly nth: Int32Array;
  /** Per link: messages sent on it so far. */
  private sentOn: Int32Array;
  /** Scheduled deliveries done so far. */
  private done = 0;
  /** The time of the latest delivery queued after the schedule. */
  private lastAfter: number;

  constructor(
    readonly schedule: readonly Delivery[],
    position: IdIndex,
    links: LinkIndex,
  ) {
    this.length = schedule.length;
    this.stepsOn = Array.from({ length: links.count }, () => []);
    this.linkOf = new Int32Array(this.length + 1).fill(-1);
    this.nth = new Int32Array(this.length + 1);
    for (let k = 1; k <= this.length; k++) {
      const d = schedule[k - 1]!;
      const from = position.get(d.from);
      const to = position.get(d.to);
      const link = from < 0 || to < 0 ? -1 : links.id(from, to);
      if (link < 0) continue; // never filled: the replay stops there
      this.linkOf[k] = link;
      this.nth[k] = this.stepsOn[link]!.length;
      this.stepsOn[link]!.push(k);
    }
    this.sentOn = new Int32Array(links.count);
    this.lastAfter = this.length;
  }

  /** When a message sent now on `link` (−1: not a link) arrives. */
  deliverAt(link: number, now: number): number {
    if (link >= 0) {
      const j = this.sentOn[link]!++;
      const steps = this.stepsOn[link]!;
      if (j < steps.length) return steps[j]!;
    }
    this.lastAfter = Math.max(this.lastAfter, now) + 1;
    return this.lastAfter;
  }

  /** A delivery at `time` has been made: one more scheduled step done if it was one of them. */
  delivered(time: number): void {
    if (time <= this.length) this.done++;
  }

  /**
   * The step that is due and has nothing to deliver, or 0. `nextKey` is the queue's next key
   * (2·time, +1 for timers; Infinity when nothing is left): every message step k could take has
   * been sent once the run reaches time k.
   */
  missing(nextKey: number): number {
    const k = this.done + 1;
    if (k > this.length || nextKey < 2 * k) return 0;
    const link = this.linkOf[k]!;
    return link >= 0 && this.sentOn[link]! > this.nth[k]! ? 0 : k;
  }

  save(): PlanState {
    return { sentOn: this.sentOn.slice(), done: this.done, lastAfter: this.lastAfter };
  }

  restore(s: PlanState): void {
    this.sentOn = s.sentOn.slice();
    this.done = s.done;
    this.lastAfter = s.lastAfter;
  }
}
