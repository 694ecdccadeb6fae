import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/algorithms/registry';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';
import { BROWSER_MAX_NODES, PLAY_BUDGET_MS, PUBLISH_MS } from '../../src/store/limits';
import { RecordingMeter } from '../../src/store/recording';
import { createSimStore, type SimStore } from '../../src/store/simStore';
import { countsOf, statusOf } from '../../src/store/status';
import { suitableFlat } from './scenarios';

function manual() {
  const queue: (() => void)[] = [];
  return {
    queue,
    schedule(fn: () => void) {
      queue.push(fn);
      return () => {
        const i = queue.indexOf(fn);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    runOne() {
      queue.shift()?.();
    },
    runAll() {
      while (queue.length) queue.shift()!();
    },
  };
}

function scenario(flat: Flat): Scenario {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return p.value;
}

/** LCR election messages on a ring (docs/algorithms.md §1.1): Σ_i distance to the next larger id cw, max → n. */
function lcrElection(ids: readonly number[]): number {
  const n = ids.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let d = 1;
    while (d < n && ids[(i + d) % n]! < ids[i]!) d++;
    total += d;
  }
  return total;
}

const ready = (opts: Parameters<typeof createSimStore>[0] = {}): SimStore => {
  const q = manual();
  const store = createSimStore({ schedule: q.schedule, ...opts });
  q.runAll();
  return store;
};

describe('the simulator store', () => {
  it('opens on LCR, 8 nodes, random ids (seed 1), sync, and elects the max id with the textbook count', () => {
    const store = ready();
    const s = store.getState();
    expect(s.scenario).toMatchObject({
      algorithm: 'lcr',
      topology: { n: 8 },
      timing: { mode: 'sync' },
      seed: 1,
    });
    expect(s.complete).toBe(true);
    const ids = s.run.sim.graph.ids;
    const messages = lcrElection(ids) + 8; // + n for the announcement (C3)
    // every process wakes once (8 init steps) and every message is delivered once
    expect(s.knownSteps).toBe(8 + messages);
    expect(statusOf(s).text).toBe('Ready: no leader yet');
    s.seek(s.knownSteps);
    const end = store.getState();
    expect(statusOf(end).text).toBe('Leader: 8');
    const counts = countsOf(end);
    expect(counts.sent).toBe(messages);
    expect(counts.byKind).toEqual([
      { kind: 'election', count: messages - 8 },
      { kind: 'elected', count: 8 },
    ]);
    expect(counts).toMatchObject({ timeLabel: 'rounds', time: 16 }); // 2n rounds with the announcement
    expect(counts.bound).toMatchObject({ value: (8 * 9) / 2 + 8, formula: 'n(n+1)/2 + n' });
  });

  it('plays in simulated time: sync rounds move together, the cursor follows the clock', () => {
    const store = ready({ speed: 2 });
    const st = () => store.getState();
    st().play();
    expect(st().playing).toBe(true);
    st().tick(0.25); // 0.5 rounds: the 8 start-up steps (time 0) are done, their messages half-way
    expect(st().clock).toBeCloseTo(0.5);
    expect(st().cursor).toBe(8);
    expect(st().run.replay.inFlight.size).toBe(8);
    st().tick(0.25); // round 1: all 8 messages delivered together
    expect(st().clock).toBeCloseTo(1);
    expect(st().cursor).toBe(16);
    for (let i = 0; i < 200 && st().playing; i++) st().tick(0.25);
    expect(st().playing).toBe(false);
    expect(st().cursor).toBe(st().knownSteps);
    expect(st().clock).toBe(16);
    expect(statusOf(st()).text).toBe('Leader: 8');
    // Play at the end starts again from step 0.
    st().play();
    expect(st().cursor).toBe(0);
    expect(st().playing).toBe(true);
  });

  it('steps, steps back, seeks, clamps and resets', () => {
    const store = ready();
    const st = () => store.getState();
    st().play();
    st().stepForward();
    expect(st().playing).toBe(false);
    expect(st().cursor).toBe(1);
    st().stepForward();
    st().stepBack();
    expect(st().cursor).toBe(1);
    st().seek(20);
    expect(st().cursor).toBe(20);
    expect(st().clock).toBe(st().run.sim.trace[19]!.time);
    st().seek(10_000);
    expect(st().cursor).toBe(st().knownSteps);
    st().stepForward();
    expect(st().cursor).toBe(st().knownSteps);
    st().seek(-5);
    expect(st().cursor).toBe(0);
    st().stepBack();
    expect(st().cursor).toBe(0);
    st().seek(12);
    st().reset();
    expect(st()).toMatchObject({ cursor: 0, clock: 0, playing: false });
  });

  it('computes long runs in background chunks; the timeline grows until the run is done', () => {
    const q = manual();
    const store = createSimStore({
      schedule: q.schedule,
      scenario: scenario({ alg: 'lcr', n: '400', ids: 'desc' }),
    });
    expect(store.getState().knownSteps).toBe(0);
    q.runOne();
    const first = store.getState().knownSteps;
    expect(first).toBeGreaterThan(0);
    expect(store.getState().computing).toBe(true);
    expect(statusOf(store.getState()).detail).toMatch(/computing the run/);
    q.runAll();
    const s = store.getState();
    expect(s.computing).toBe(false);
    expect(s.complete).toBe(true);
    // n inits + n(n+1)/2 election + n elected deliveries (docs/algorithms.md §1.1)
    expect(s.knownSteps).toBe(400 + (400 * 401) / 2 + 400);
    expect(first).toBeLessThan(s.knownSteps);
  });

  it('honours scenario.step on load, once that step has been computed', () => {
    const q = manual();
    const store = createSimStore({ schedule: q.schedule });
    q.runAll();
    store.getState().load(scenario({ alg: 'lcr', n: '8', ids: 'desc', step: '20' }));
    expect(store.getState().cursor).toBe(0);
    q.runAll();
    expect(store.getState().cursor).toBe(20);
    expect(store.getState().scenario.step).toBeUndefined();
    // a store created with a step honours it too
    const q2 = manual();
    const other = createSimStore({
      schedule: q2.schedule,
      scenario: scenario({ alg: 'lcr', n: '5', step: '7' }),
    });
    q2.runAll();
    expect(other.getState().cursor).toBe(7);
  });

  it('cuts a run longer than the browser keeps and says so', () => {
    const store = ready({ maxSteps: 100, scenario: scenario({ alg: 'lcr', n: '30', ids: 'desc' }) });
    const s = store.getState();
    expect(s).toMatchObject({ truncated: true, complete: false, computing: false, knownSteps: 100 });
    s.seek(100);
    const st = statusOf(store.getState());
    expect(st.kind).toBe('truncated');
    expect(st.detail).toMatch(/CLI/);
  });

  it('stops recording at the memory budget, says where and why, and the run stays usable up to there', () => {
    const flat: Flat = { alg: 'bully', n: '30', mode: 'async', maxDelay: '3', crashes: '30@2,29@7' };
    const budget = 400_000;
    const store = ready({ recordingBudget: budget, scenario: scenario(flat) });
    const s = store.getState();
    const stop = s.knownSteps;
    expect(s).toMatchObject({ truncated: true, complete: false, computing: false });
    // The stop is the first step at which the recording holds the budget: measured on a second run.
    const p = parseFlat({ v: '1', ...flat });
    if (!p.ok) throw new Error('bad scenario');
    const other = createSimStore({ schedule: manual().schedule, scenario: p.value, recordingBudget: 1e12 });
    const sim = other.getState().run.sim;
    const meter = new RecordingMeter(sim, budget);
    let first = 0;
    while (sim.stepForward()) {
      if (meter.bytes() >= budget) {
        first = sim.step;
        break;
      }
    }
    expect(first).toBeGreaterThan(10);
    expect(stop).toBe(first);
    // Usable up to there: the last step, a long jump back, one step back, all as the engine says.
    s.seek(stop);
    expect(statusOf(store.getState()).detail).toBe(
      `recording stopped at step ${stop.toLocaleString('en-US')}: the browser keeps at most 0.4 MB of a run; the CLI line under Share runs it to the end`,
    );
    s.seek(0);
    s.seek(stop);
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(stop - 1);
    const ref = createSimStore({ schedule: manual().schedule, scenario: p.value }).getState().run.sim;
    ref.seek(stop - 1);
    expect(store.getState().run.replay.states).toEqual(ref.nodeStates());
  });

  it('Apply: bad input is explained next to its field and nothing typed is lost', () => {
    const store = ready();
    const before = store.getState().run;
    store.getState().setDraft({ n: 'abc' });
    expect(store.getState().applyDraft()).toBe(false);
    expect(store.getState().errors.map((e) => e.field)).toEqual(['n']);
    expect(store.getState().draft.n).toBe('abc');
    expect(store.getState().run).toBe(before);

    store.getState().setDraft({ n: String(BROWSER_MAX_NODES + 1) });
    expect(store.getState().applyDraft()).toBe(false);
    expect(store.getState().errors[0]).toMatchObject({
      field: 'n',
      message: expect.stringMatching(/browser/),
    });

    store.getState().setDraft({ n: '8', idsOrder: 'custom', idsList: '3,1,3' });
    expect(store.getState().applyDraft()).toBe(false);
    expect(store.getState().errors[0]).toMatchObject({
      field: 'ids',
      message: expect.stringMatching(/duplicate id 3/),
    });
    expect(store.getState().draft.idsList).toBe('3,1,3');

    store.getState().setDraft({ idsList: '3,1,4,2' });
    expect(store.getState().applyDraft()).toBe(true);
    expect(store.getState().errors).toEqual([]);
    expect(store.getState().run.sim.graph.ids).toEqual([3, 1, 4, 2]);
  });

  it('switching the algorithm picks a topology it runs on; its own options are validated', () => {
    const store = ready();
    store.getState().setDraft({ alg: 'bully' });
    expect(store.getState().draft.topo).toBe('complete');
    store.getState().setDraft({ n: '5', crashed: '5', initiator: '5' });
    expect(store.getState().applyDraft()).toBe(false);
    expect(store.getState().errors[0]!.field).toBe('initiator');
    store.getState().setDraft({ initiator: '1' });
    expect(store.getState().applyDraft()).toBe(true);
    const s = store.getState();
    expect(s.scenario).toMatchObject({
      algorithm: 'bully',
      faults: { crashed: [5] },
      params: { initiator: 1 },
    });
  });

  it('toggling a node restarts the run with it crashed (bully) or as an initiator (chang-roberts)', () => {
    const store = ready({ scenario: scenario({ alg: 'bully', n: '5', ids: 'asc' }) });
    store.getState().toggleNode(5);
    expect(store.getState().scenario.faults.crashed).toEqual([5]);
    expect(store.getState().notice).toMatch(/5 is crashed/);
    store.getState().toggleNode(5);
    expect(store.getState().scenario.faults.crashed).toEqual([]);

    store.getState().load(scenario({ alg: 'chang-roberts', ids: '3,1,2' }));
    store.getState().toggleNode(1); // all initiate → all but 1
    expect(store.getState().scenario.params.initiators).toEqual([3, 2]);
    store.getState().toggleNode(1); // back to everyone: the option is dropped
    expect(store.getState().scenario.params.initiators).toBeUndefined();

    store.getState().load(scenario({ alg: 'lcr', n: '4' }));
    const run = store.getState().run;
    store.getState().toggleNode(2);
    expect(store.getState().run).toBe(run);
    expect(store.getState().notice).toMatch(/no per-node option/);
  });

  it('selection, speed limits, and two independent stores', () => {
    const a = ready();
    const b = ready({ scenario: scenario(suitableFlat(ALGORITHMS.find((x) => x.id === 'hs')!)) });
    a.getState().select({ kind: 'node', id: 3 });
    a.getState().seek(5);
    expect(a.getState().selection).toEqual({ kind: 'node', id: 3 });
    expect(b.getState().selection).toBeNull();
    expect(b.getState().cursor).toBe(0);
    a.getState().setSpeed(1e9);
    expect(a.getState().speed).toBe(500);
    a.getState().setSpeed(0);
    expect(a.getState().speed).toBe(0.1);
  });

  it('async playback advances by mean delays per hop', () => {
    const store = ready({
      speed: 1,
      scenario: scenario({ alg: 'lcr', n: '4', mode: 'async', maxDelay: '9' }),
    });
    store.getState().play();
    store.getState().tick(1); // one hop = (9 + 1) / 2 = 5 time units
    expect(store.getState().clock).toBeCloseTo(5);
    const t = store.getState().run.sim.trace;
    expect(store.getState().cursor).toBe(t.filter((e) => e.time <= 5).length);
  });
});

describe('the store keeps the page answering while a big run computes and plays', () => {
  /** A clock that moves `by` milliseconds at every read: every look at it costs time. */
  const ticking = (by: number) => {
    let t = 0;
    return () => (t += by);
  };

  it('publishes progress at most every PUBLISH_MS while computing, and at once at the end', () => {
    const q = manual();
    const now = ticking(1);
    const store = createSimStore({
      schedule: q.schedule,
      now,
      scenario: scenario({ alg: 'lcr', n: '60', ids: 'desc' }),
    });
    const published: { known: number; at: number }[] = [];
    store.subscribe((s, prev) => {
      if (s.knownSteps !== prev.knownSteps) published.push({ known: s.knownSteps, at: now() });
    });
    let slices = 0;
    while (q.queue.length) {
      q.runOne();
      slices++;
    }
    const s = store.getState();
    expect(s.complete).toBe(true);
    // n inits + n(n+1)/2 election + n elected deliveries (docs/algorithms.md §1.1)
    expect(s.knownSteps).toBe(60 + (60 * 61) / 2 + 60);
    expect(published.at(-1)!.known).toBe(s.knownSteps);
    // Each slice reads this clock ~9 times (an 8 ms budget), so PUBLISH_MS spans ~20 slices.
    expect(slices).toBeGreaterThan(40);
    expect(published.length).toBeLessThan(slices / 5);
    for (let i = 1; i < published.length - 1; i++)
      expect(published[i]!.at - published[i - 1]!.at).toBeGreaterThanOrEqual(PUBLISH_MS);
  });

  it('a step asked for is shown as soon as it is computed, not at the next publication', () => {
    const q = manual();
    const store = createSimStore({
      schedule: q.schedule,
      now: ticking(1),
      scenario: scenario({ alg: 'lcr', n: '60', ids: 'desc', step: '1500' }),
    });
    const sim = store.getState().run.sim;
    while (q.queue.length && sim.trace.length < 1500) q.runOne();
    expect(sim.trace.length).toBeGreaterThanOrEqual(1500);
    expect(store.getState().cursor).toBe(1500);
    expect(store.getState().knownSteps).toBe(sim.trace.length);
  });

  it('playback moves the cursor for PLAY_BUDGET_MS a frame; past it the clock waits for the cursor', () => {
    // Bully, complete graph of 60: the start-up steps send up to 59 messages each.
    let slow = false;
    let t = 0;
    const store = ready({
      now: () => (t += slow ? PLAY_BUDGET_MS : 0.001),
      speed: 500,
      scenario: scenario({ alg: 'bully', n: '60' }),
    });
    const st = () => store.getState();
    const trace = st().run.sim.trace;
    st().play();
    slow = true; // every look at the clock finds the frame's budget spent
    st().tick(0.1);
    // The first look comes once 512 units of work (a step, and each message it sent) are done.
    let work = 0;
    let k = 0;
    while (work < 512) work += 1 + trace[k++]!.sends.length;
    expect(st().cursor).toBe(k);
    expect(st().playing).toBe(true);
    // The clock waits at the cursor's step, not where 0.1 s at speed 500 would have taken it.
    expect(st().clock).toBe(trace[k - 1]!.time);
    slow = false;
    for (let i = 0; i < 10_000 && st().playing; i++) st().tick(0.1);
    expect(st().cursor).toBe(st().knownSteps);
    expect(statusOf(st()).text).toBe('Leader: 60');
  });
});
