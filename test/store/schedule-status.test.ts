import { describe, expect, it } from 'vitest';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { scenarioToDraft, draftToFlat } from '../../src/store/draft';
import { createSimStore } from '../../src/store/simStore';
import { stallOf, statusOf } from '../../src/store/status';

function store(flat: Flat) {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const s = createSimStore({ scenario: p.value, schedule: () => () => {} });
  s.getState().finishComputing();
  return s;
}

describe('a replayed schedule in the store', () => {
  it('stops at an empty channel: the status says so at the end, the steps before it play', () => {
    // Ring 1,2,3 clockwise: at t1, 2 discards 1; nothing is left on 1→2 for step 2.
    const s = store({ alg: 'lcr', ids: '1,2,3', mode: 'async', sched: '1-2,1-2' });
    const st = s.getState();
    expect(st.complete).toBe(true);
    expect(st.computing).toBe(false);
    expect(st.knownSteps).toBe(4);
    const stop = 'schedule step 2 names channel 1→2, which has no message in flight';
    expect(stallOf(st)).toBe(stop);
    expect(statusOf(st).kind).toBe('ready');
    st.seek(4);
    expect(statusOf(s.getState())).toMatchObject({
      kind: 'failed',
      text: 'Stopped by the schedule',
      detail: stop,
    });
  });

  it('keeps the schedule through the editor draft (async only)', () => {
    const s = store({ alg: 'lcr', ids: '1,2,3', mode: 'async', sched: '3-1,1-2' });
    const draft = scenarioToDraft(s.getState().scenario);
    expect(draft.sched).toBe('3-1,1-2');
    expect(draftToFlat(draft).sched).toBe('3-1,1-2');
    // The field is shown in async mode only; a sync draft carries no schedule.
    expect(draftToFlat({ ...draft, mode: 'sync' }).sched).toBeUndefined();
  });
});
