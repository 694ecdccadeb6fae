import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Delivery, SchedulerName, SentMessage } from '../engine/types';
import { scheduleOf } from '../scenario/scheduleOf';
import type { SimState, SimStore } from './simStore';

/**
 * The lecturer as the adversary (issue 11, item 3): "you choose" delivery mode. The run on screen is
 * always an ordinary scenario; choosing a message appends it to the scenario's delivery schedule
 * (`sched`), so the link replays exactly the run the lecturer made.
 */

/**
 * The messages that may be delivered next: the head (oldest by send order) of every channel, a
 * channel being an ordered pair (sender, receiver) as in src/scenario/schedule.ts. In send order.
 */
export function channelHeads(inFlight: Iterable<SentMessage>): SentMessage[] {
  const head = new Map<string, SentMessage>();
  for (const m of inFlight) {
    const key = `${m.from}>${m.to}`;
    const h = head.get(key);
    if (!h || m.seq < h.seq) head.set(key, m);
  }
  return [...head.values()].sort((a, b) => a.seq - b.seq);
}

/** Why the run on screen cannot be chosen step by step; null when it can. */
export function cannotChoose(s: SimState): string | null {
  if (s.scenario.timing.mode !== 'async')
    return 'In sync mode every message of a round arrives in the next one: switch to async to choose deliveries.';
  const alg = s.run.spec.algorithm;
  if (alg.timed) return `${alg.name} cannot follow a chosen order: ${alg.timed}`;
  return null;
}

/**
 * Delivers `d` (the head of its channel) next, at the cursor: the deliveries made up to the cursor
 * become the schedule's prefix, `d` its last step, and whatever the schedule said after the cursor
 * is replaced. The run is reloaded from that scenario (the prefix replays step for step) and the
 * cursor is put on the chosen delivery. False (with the store's errors set) if it cannot be loaded.
 */
export function chooseDelivery(store: SimStore, d: Delivery): boolean {
  const s = store.getState();
  const trace = s.run.replay.trace;
  const c = s.cursor;
  const schedule = [...scheduleOf(trace, c), d];
  // Start-ups (and crashes at 0) still to come at time 0 come before any delivery (C4).
  let atZero = 0;
  for (let i = c; i < trace.length && trace[i]!.time === 0; i++) atZero++;
  const timing = { ...s.scenario.timing, schedule };
  return store.getState().load({ ...s.scenario, timing, step: c + atZero + 1 }).ok;
}

/**
 * Hands the deliveries after the cursor to a named scheduler (null: back to the seed's delays, from
 * step 0). The deliveries made so far become the schedule's prefix, so the run continues from the
 * cursor; the cursor stays where it is.
 */
export function switchScheduler(store: SimStore, name: SchedulerName | null): boolean {
  const s = store.getState();
  const { schedule: _schedule, scheduler: _scheduler, ...rest } = s.scenario.timing;
  if (name === null) return s.load({ ...s.scenario, timing: rest, step: 0 }).ok;
  const prefix = scheduleOf(s.run.replay.trace, s.cursor);
  const timing = { ...rest, ...(prefix.length ? { schedule: prefix } : {}), scheduler: name };
  return s.load({ ...s.scenario, timing, step: s.cursor }).ok;
}

/** Whether the page is in "you choose" mode: one small store per run view, beside the SimStore. */
export interface AdversaryState {
  choosing: boolean;
  setChoosing(on: boolean): void;
}

const adversaries = new WeakMap<SimStore, StoreApi<AdversaryState>>();

export function adversaryOf(store: SimStore): StoreApi<AdversaryState> {
  let a = adversaries.get(store);
  if (!a) {
    a = createStore<AdversaryState>()((set) => ({
      choosing: false,
      setChoosing: (on) => set({ choosing: on }),
    }));
    adversaries.set(store, a);
  }
  return a;
}
