import { describe, expect, it } from 'vitest';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';
import { crashNodeNow, cutLinkNow, healLinkNow, recoverNodeNow } from '../../src/store/live';
import { createSimStore, type SimStore } from '../../src/store/simStore';

function scenario(flat: Flat): Scenario {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return p.value;
}

function store(flat: Flat): SimStore {
  const queue: (() => void)[] = [];
  const st = createSimStore({
    scenario: scenario(flat),
    schedule: (fn) => {
      queue.push(fn);
      return () => void queue.splice(queue.indexOf(fn), 1);
    },
  });
  st.getState().finishComputing();
  return st;
}

describe('live controls in the store: the run goes on from the cursor', () => {
  it('crash the max of LCR at step 5: cursor stays, playback stays, the new run has the crash and no leader', () => {
    const st = store({ alg: 'lcr', n: '8', ids: 'asc', mode: 'async', seed: '2' });
    st.getState().seek(5);
    st.getState().play();
    const before = st
      .getState()
      .run.replay.trace.slice(0, 5)
      .map((e) => e.note);
    expect(crashNodeNow(st, 8)).toBe(true);
    const s = st.getState();
    expect(s.cursor).toBe(5);
    expect(s.knownSteps).toBeGreaterThanOrEqual(5);
    expect(s.playing).toBe(true);
    // At step 5 every step so far is a start-up at time 0, so the crash is at time 1.
    expect(s.scenario.faults.crashes).toEqual([{ id: 8, at: 1 }]);
    expect(s.notice).toBe('8 crashes at time 1; the run goes on from step 5');
    // Said on the graph, not by opening the editor.
    expect(s.liveNotice).toBe(s.notice);
    expect(s.run.replay.trace.slice(0, 5).map((e) => e.note)).toEqual(before);
    s.finishComputing();
    // Nobody else has id 8's token: nobody is elected (LCR needs the max alive).
    expect(st.getState().run.sim.result().leader).toBeNull();
  });

  it('recover what crashed, refuse a second crash, cut and heal a link', () => {
    const st = store({ alg: 'lcr', n: '6', ids: 'asc', mode: 'sync' });
    st.getState().seek(6);
    expect(crashNodeNow(st, 3)).toBe(true);
    st.getState().finishComputing();
    const k = st.getState().knownSteps;
    expect(k).toBeGreaterThan(6);
    st.getState().seek(k);
    expect(crashNodeNow(st, 3)).toBe(false);
    expect(st.getState().notice).toBe('3 has crashed once already; a process crashes once (C17)');
    expect(st.getState().liveNotice).toBe(st.getState().notice);
    expect(recoverNodeNow(st, 3)).toBe(true);
    const t = st.getState().run.replay.trace[k - 1]!.time + 1;
    expect(st.getState().scenario.faults.recover).toEqual([{ id: 3, at: t }]);
    expect(cutLinkNow(st, 1, 2, null)).toBe(true);
    expect(st.getState().scenario.faults.down).toEqual([{ a: 1, b: 2, from: t, to: null }]);
    expect(healLinkNow(st, 2, 1)).toBe(true);
    // Cut and healed at the same time: it lasted no time, so it is gone.
    expect(st.getState().scenario.faults.down ?? []).toEqual([]);
    expect(healLinkNow(st, 1, 2)).toBe(false);
    expect(st.getState().cursor).toBe(k);
  });
});

describe('a live notice and the editor’s', () => {
  it('a notice from anywhere else after a live one is no longer the live one (the editor opens for it)', () => {
    const st = store({ alg: 'bully', n: '5', ids: 'asc', mode: 'sync' });
    st.getState().seek(3);
    expect(crashNodeNow(st, 2)).toBe(true);
    expect(st.getState().liveNotice).toBe(st.getState().notice);
    // Double-click's toggle: crashes 5 from the start and restarts, said in the editor.
    st.getState().toggleNode(5);
    expect(st.getState().notice).toMatch(/5 is crashed/);
    expect(st.getState().notice).not.toBe(st.getState().liveNotice);
  });

  it('a run loaded otherwise (a preset, a link) drops the live notice, and the notice with it', () => {
    const st = store({ alg: 'lcr', n: '6', ids: 'asc', mode: 'sync' });
    st.getState().seek(6);
    expect(crashNodeNow(st, 3)).toBe(true);
    expect(st.getState().liveNotice).not.toBeNull();
    expect(st.getState().load(scenario({ alg: 'hs', n: '8' })).ok).toBe(true);
    expect(st.getState().liveNotice).toBeNull();
    expect(st.getState().notice).toBeNull();
  });
});
