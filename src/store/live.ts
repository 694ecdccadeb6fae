import type { NodeId } from '../engine/types';
import { crashNow, cutNow, healNow, liveTime, recoverNow, type LiveResult } from '../scenario/live';
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
    store.setState({ notice: r.message });
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
