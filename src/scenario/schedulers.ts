import type { AnyModule } from '../algorithms/contract';
import type { Delivery, Faults, Graph, SchedulerName } from '../engine/types';
import { ExploreRefusal, Model, type Global, type Move } from './model';
import { MAX_SCHEDULE } from './schedule';

/**
 * Named schedulers (issue 11, item 3): rules that choose, at every step of an asynchronous run, which
 * channel's head is delivered next. A channel is an ordered pair (sender, receiver), FIFO (schedule.ts);
 * its head is the oldest message on it, and only heads may be delivered, so every named scheduler
 * keeps FIFO per channel by construction. A message's age is its send order (the engine's `seq`):
 * start-ups in position order, then each step's sends in the order the handler listed them.
 *
 * - `oldest`: the head sent first (the smallest send order) — first in, first out over the whole network;
 * - `newest`: the head sent last (the largest send order among the heads);
 * - `largest`: the head whose sender id is largest; among that sender's heads, the oldest.
 *
 * A scheduler is turned into a delivery schedule (`sched`) by following the run on the untimed model
 * (model.ts) with the algorithm's own handlers, so the engine replays it through the ordinary
 * DeliveryPlan, checkpoints and seek. The scenario's own `sched`, if any, comes first: the scheduler
 * continues from where it ends (switching scheduler mid-run keeps the deliveries made so far).
 */
export const SCHEDULERS: readonly SchedulerName[] = ['oldest', 'newest', 'largest'];

export const SCHEDULER_HELP: Record<SchedulerName, string> = {
  oldest: 'the message sent first among the heads of the channels',
  newest: 'the message sent last among the heads of the channels',
  largest: 'the head whose sender id is largest (that sender’s oldest head first)',
};

/** Why a scheduler cannot drive this run, in one sentence; null when it can. */
export function schedulerRefusal(alg: AnyModule, faults: Faults): string | null {
  if (alg.timed) return `${alg.name} cannot follow a scheduler: ${alg.timed}`;
  if ((alg as { randomized?: unknown }).randomized)
    return `${alg.name} draws random numbers while it runs; a scheduler follows the run without them: leave out scheduler`;
  if (faults.crashed.length || faults.crashes.length || faults.recover?.length)
    return 'a scheduler follows a run without crashes: leave out crashed, crash-at and recover, or give the order as sched';
  if (faults.loss !== undefined || faults.down?.length || faults.part?.length)
    return 'a scheduler follows a reliable network: leave out loss, down and part, or give the order as sched';
  if (faults.drop?.length || faults.dup !== undefined)
    return 'a scheduler follows a reliable network: leave out drop and dup, or give the order as sched';
  return null;
}

export type Scheduled = { ok: true; value: Delivery[] } | { ok: false; message: string };

/**
 * The delivery schedule `name` makes of this run, after `prefix` (the deliveries already fixed).
 * Stops when nothing is left to deliver, or at MAX_SCHEDULE deliveries (the engine then delivers the
 * rest oldest first, as after any schedule). A prefix step naming an empty channel is left for the
 * engine to report (Simulation.stalled): the prefix is returned as it is.
 */
export function scheduleBy(
  name: SchedulerName,
  input: { algorithm: AnyModule; params: unknown; graph: Graph; faults: Faults },
  prefix: readonly Delivery[],
): Scheduled {
  const refusal = schedulerRefusal(input.algorithm, input.faults);
  if (refusal) return { ok: false, message: refusal };
  try {
    return { ok: true, value: follow(name, new Model(input), prefix) };
  } catch (e) {
    if (e instanceof ExploreRefusal) return { ok: false, message: `scheduler ${name}: ${e.message}` };
    throw e;
  }
}

function follow(name: SchedulerName, model: Model, prefix: readonly Delivery[]): Delivery[] {
  // Per channel, the send order of each message on it (a queue: `first` is its head's index).
  const ages: number[][] = model.channels.map(() => []);
  const first = new Int32Array(model.channels.length);
  let sent = 0;
  let g: Global;
  const take = (m: Move) => {
    for (const c of m.on) ages[c]!.push(sent++);
    g = m.next;
  };
  take(model.initial());
  const out: Delivery[] = [];
  const deliver = (c: number) => {
    first[c]!++;
    out.push(model.delivery(c));
    take(model.deliver(g, c));
  };
  for (const d of prefix) {
    const c = model.channelIndex(d);
    if (c === undefined || g!.chans[c]!.length === 0) return [...prefix];
    deliver(c);
  }
  const senderId = model.channels.map((ch) => model.ids[ch.from]!);
  while (out.length < MAX_SCHEDULE) {
    let best = -1;
    for (let c = 0; c < ages.length; c++) {
      if (g!.chans[c]!.length === 0) continue;
      if (best < 0 || better(name, c, best)) best = c;
    }
    if (best >= 0) {
      deliver(best);
      continue;
    }
    const b = model.barrier(g!);
    if (!b) break;
    take(b);
  }
  return out;

  function better(rule: SchedulerName, c: number, than: number): boolean {
    const a = ages[c]![first[c]!]!;
    const b = ages[than]![first[than]!]!;
    if (rule === 'oldest') return a < b;
    if (rule === 'newest') return a > b;
    const sc = senderId[c]!;
    const sb = senderId[than]!;
    return sc > sb || (sc === sb && a < b);
  }
}
