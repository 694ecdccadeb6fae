import { describe, expect, it } from 'vitest';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { createLinkedPlayback } from '../../src/store/linked';
import { createSimStore, type SimStore } from '../../src/store/simStore';

function pane(flat: Flat): SimStore {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const queue: (() => void)[] = [];
  const s = createSimStore({
    scenario: p.value,
    schedule: (fn) => {
      queue.push(fn);
      return () => queue.splice(queue.indexOf(fn), 1);
    },
  });
  while (queue.length) queue.shift()!();
  return s;
}

const base: Flat = { alg: 'lcr', n: '6', ids: 'random', seed: '5' };
const pair = () =>
  [pane({ ...base, mode: 'sync' }), pane({ ...base, mode: 'async', maxDelay: '4' })] as const;
const times = (p: SimStore) => p.getState().run.sim.trace.map((e) => e.time);

describe('two runs linked by simulated time', () => {
  it('steps through every moment at which either run does something, in order, and back', () => {
    const [a, b] = pair();
    const link = createLinkedPlayback([a, b], { linkBy: 'time' });
    // The moments: the union of both runs' event times.
    const moments = [...new Set([...times(a), ...times(b)])].sort((x, y) => x - y);
    expect(moments[0]).toBe(0);
    const seen: number[] = [];
    while (!link.getState().atEnd()) {
      link.getState().stepForward();
      const t = link.getState().time;
      seen.push(t);
      for (const p of [a, b]) {
        const s = p.getState();
        const trace = s.run.sim.trace;
        // Everything up to t has happened, nothing after it.
        if (s.cursor > 0) expect(trace[s.cursor - 1]!.time).toBeLessThanOrEqual(t);
        if (s.cursor < trace.length) expect(trace[s.cursor]!.time).toBeGreaterThan(t);
      }
    }
    expect(seen).toEqual(moments);
    // The synchronous run ends after 2n rounds (LCR with the announcement, docs/algorithms.md §1.1).
    expect(Math.max(...times(a))).toBe(12);
    const back: number[] = [];
    while (!link.getState().atStart()) {
      link.getState().stepBack();
      back.push(link.getState().time);
    }
    expect(back).toEqual([...moments.slice(0, -1).reverse(), -1]);
    expect([a.getState().cursor, b.getState().cursor]).toEqual([0, 0]);
  });

  it('plays on a shared clock: both panes show the same time, and it stops at the end of the longer run', () => {
    const [a, b] = pair();
    const link = createLinkedPlayback([a, b], { linkBy: 'time', speed: 10 });
    link.getState().play();
    link.getState().tick(0.25);
    expect(link.getState().time).toBeCloseTo(2.5);
    for (const p of [a, b]) expect(p.getState().clock).toBeCloseTo(2.5);
    // Sync: the inits and rounds 1 and 2 have happened (all steps with time ≤ 2.5).
    const ta = times(a);
    expect(a.getState().cursor).toBe(ta.filter((t) => t <= 2.5).length);
    let frames = 0;
    while (link.getState().playing && frames++ < 10_000) link.getState().tick(0.1);
    expect(link.getState().atEnd()).toBe(true);
    expect(link.getState().time).toBe(Math.max(...times(a), ...times(b)));
    // The status of each run at the end: the same leader, the maximum id.
    const ids = a.getState().run.sim.graph.ids;
    expect(a.getState().run.replay.result().leader).toBe(Math.max(...ids));
    expect(b.getState().run.replay.result().leader).toBe(Math.max(...ids));
  });
});

describe('two runs linked by step number', () => {
  it('moves both to the same step; the shorter run waits at its end', () => {
    const [a, b] = pair();
    const link = createLinkedPlayback([a, b], { linkBy: 'step' });
    const la = a.getState().knownSteps;
    const lb = b.getState().knownSteps;
    // Both runs have the same events (n inits + n(n+1)/2-ish deliveries), in a different order.
    expect(la).toBe(lb);
    for (let k = 1; k <= 5; k++) {
      link.getState().stepForward();
      expect([a.getState().cursor, b.getState().cursor]).toEqual([k, k]);
    }
    link.getState().stepBack();
    expect([a.getState().cursor, b.getState().cursor]).toEqual([4, 4]);
    link.getState().reset();
    expect([a.getState().cursor, b.getState().cursor]).toEqual([0, 0]);
    link.getState().setSpeed(20);
    link.getState().play();
    link.getState().tick(0.5);
    expect(a.getState().cursor).toBe(10);
    expect(b.getState().cursor).toBe(10);
    let frames = 0;
    while (link.getState().playing && frames++ < 10_000) link.getState().tick(0.1);
    expect([a.getState().cursor, b.getState().cursor]).toEqual([la, lb]);
  });

  it('switching the link re-aligns the panes', () => {
    const [a, b] = pair();
    const link = createLinkedPlayback([a, b], { linkBy: 'step' });
    for (let k = 0; k < 9; k++) link.getState().stepForward();
    link.getState().setLinkBy('time');
    const t = link.getState().time;
    expect(t).toBe(Math.max(a.getState().run.sim.trace[8]!.time, b.getState().run.sim.trace[8]!.time));
    for (const p of [a, b]) {
      const s = p.getState();
      if (s.cursor < s.knownSteps) expect(s.run.sim.trace[s.cursor]!.time).toBeGreaterThan(t);
    }
  });
});

describe('linked playback driven by the position it shows, not by frames', () => {
  /** A pane whose background work runs only when the test says (one slice per runOne), on a fake clock. */
  function slowPane(flat: Flat) {
    const p = parseFlat({ v: '1', ...flat });
    if (!p.ok) throw new Error(p.errors[0]!.message);
    const queue: (() => void)[] = [];
    let t = 0;
    const store = createSimStore({
      scenario: p.value,
      // Every read of the clock is 1 ms later: a slice of 8 ms takes a handful of steps.
      now: () => (t += 1),
      schedule: (fn) => {
        queue.push(fn);
        return () => queue.splice(queue.indexOf(fn), 1);
      },
    });
    return { store, runOne: () => queue.shift()?.() };
  }

  /** A seeded sequence of frame gaps: many normal, some dropped (up to 0.5 s). */
  function gaps(seed: number, count: number): number[] {
    let x = seed;
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      out.push(x % 5 === 0 ? 0.1 + (x % 400) / 1000 : 1 / 60);
    }
    return out;
  }

  const big: Flat = { alg: 'lcr', n: '40', ids: 'desc', seed: '3' };

  for (const seed of [1, 2, 3]) {
    it(`by step: both panes show the same step after every frame and after Pause (seed ${seed})`, () => {
      const fast = pane({ ...big, mode: 'sync' });
      const slow = slowPane({ ...big, mode: 'async', maxDelay: '4' });
      const link = createLinkedPlayback([fast, slow.store], { linkBy: 'step', speed: 200 });
      link.getState().play();
      let frames = 0;
      for (const dt of gaps(seed, 400)) {
        // The slow pane computes one slice every other frame, the fast one has finished.
        if (frames++ % 2 === 0) slow.runOne();
        link.getState().tick(dt);
        const a = fast.getState();
        const b = slow.store.getState();
        const shorterAtEnd = (s: typeof a) => !s.computing && s.cursor === s.knownSteps;
        if (!shorterAtEnd(a) && !shorterAtEnd(b)) expect(b.cursor).toBe(a.cursor);
        // The link's step is what the panes show (past both ends only once both are over).
        expect(Math.max(a.cursor, b.cursor)).toBe(
          Math.min(link.getState().step, Math.max(a.knownSteps, b.knownSteps)),
        );
        if (frames === 150) {
          link.getState().pause();
          expect(slow.store.getState().cursor).toBe(fast.getState().cursor);
          link.getState().play();
        }
        if (!link.getState().playing) break;
      }
      link.getState().pause();
      const a = fast.getState();
      const b = slow.store.getState();
      // LCR's step count does not depend on timing: both runs have the same length, so always equal.
      expect(a.run.sim.trace.length).toBeGreaterThan(100);
      expect(b.cursor).toBe(a.cursor);
    });
  }

  it('by time: both panes show the same time while one is still computing, dropped frames or not', () => {
    const fast = pane({ ...big, mode: 'sync' });
    const slow = slowPane({ ...big, mode: 'async', maxDelay: '4' });
    const link = createLinkedPlayback([fast, slow.store], { linkBy: 'time', speed: 3 });
    link.getState().play();
    let frames = 0;
    for (const dt of gaps(7, 300)) {
      if (frames++ % 3 === 0) slow.runOne();
      link.getState().tick(dt);
      const t = link.getState().time;
      for (const p of [fast, slow.store]) {
        const s = p.getState();
        // Naively: the pane shows exactly the recorded steps whose time is ≤ t.
        const shown = s.run.sim.trace.slice(0, s.knownSteps).filter((e) => e.time <= t).length;
        expect(s.cursor).toBe(shown);
      }
      if (!link.getState().playing) break;
    }
  });
});
