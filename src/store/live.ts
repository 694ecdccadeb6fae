import type { MessageDrop, NodeId } from '../engine/types';
import {
  crashNow,
  cutNow,
  dropNow,
  healNow,
  liveTime,
  messageName,
  recoverNow,
  undropNow,
  type LiveResult,
} from '../scenario/live';
import type { Scenario } from '../scenario/types';
import type { SimStore } from './simStore';

/**
 * The live controls: a fault added to the scenario at the current time (src/scenario/live.ts), the
 * run going on from the cursor. A refusal is one line in the status notice, in the validator's words.
 */
function apply(store: SimStore, make: (s: Scenario, at: number) => LiveResult): boolean {
  const st = store.getState();
  const at = liveTime(st.run.replay.trace, st.cursor);
  const r = make(st.scenario, at);
  if (!r.ok) {
    store.setState({ notice: r.message, liveNotice: r.message });
    return false;
  }
  return st.continueWith(r.scenario, `${r.notice} from step ${st.cursor}`);
}

export const crashNodeNow = (store: SimStore, id: NodeId) => apply(store, (s, at) => crashNow(s, id, at));

export const recoverNodeNow = (store: SimStore, id: NodeId) => apply(store, (s, at) => recoverNow(s, id, at));

/** `lasts` time units (rounds), or null: until "heal now". */
export const cutLinkNow = (store: SimStore, a: NodeId, b: NodeId, lasts: number | null) =>
  apply(store, (s, at) => cutNow(s, a, b, at, lasts));

export const healLinkNow = (store: SimStore, a: NodeId, b: NodeId) =>
  apply(store, (s, at) => healNow(s, a, b, at));

/**
 * Why the message with this seq cannot be dropped at the cursor, or null: only a message in flight
 * that would arrive can (C25); a copy goes with its original (C26).
 */
export function dropRefusal(store: SimStore, seq: number): string | null {
  const r = store.getState().run.replay;
  const m = r.message(seq);
  if (!m) return 'that message is not in the recorded run';
  if (m.copy) return 'this is the network’s second copy (C26): a copy has no name of its own to drop';
  if (m.lost) return 'this message is lost already';
  const done = r.deliveryStep(seq);
  if (m.sendStep > r.step || (done !== null && done <= r.step))
    return 'only a message in flight can be dropped: move to a step where it travels';
  return null;
}

/** The message with this seq, in flight at the cursor, is dropped (C25); the run goes on from here. */
export function dropMessageNow(store: SimStore, seq: number): boolean {
  const st = store.getState();
  const refusal = dropRefusal(store, seq);
  const m = st.run.replay.message(seq);
  const name = m && refusal === null ? messageName(st.run.replay.trace, seq, m.sendStep) : null;
  if (name === null) {
    const notice = refusal ?? 'that message has no name in the recorded run';
    store.setState({ notice, liveNotice: notice });
    return false;
  }
  return apply(store, (s) => dropNow(s, name));
}

/**
 * The drop `d` is taken back. The run goes on from the cursor, or from just before the step that
 * lost the message if that came earlier, so the message is seen to arrive.
 */
export function undropMessage(store: SimStore, d: MessageDrop): boolean {
  const st = store.getState();
  const r = undropNow(st.scenario, d);
  if (!r.ok) {
    store.setState({ notice: r.message, liveNotice: r.message });
    return false;
  }
  const lostAt = lostStepOf(store, d);
  const from = lostAt === null ? st.cursor : Math.min(st.cursor, lostAt - 1);
  return st.continueWith(r.scenario, `${r.notice} from step ${from}`, from);
}

/** The step at which the dropped message `d` was lost in the run on screen (null: not reached). */
function lostStepOf(store: SimStore, d: MessageDrop): number | null {
  const replay = store.getState().run.replay;
  const trace = replay.trace;
  let k = 0;
  for (const e of trace)
    for (const m of e.sends) {
      if (m.from !== d.from || m.to !== d.to || m.copy) continue;
      if (++k === d.k) return replay.deliveryStep(m.seq);
    }
  return null;
}
