import { describe, expect, it } from 'vitest';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { formatSchedule } from '../../src/scenario/schedule';
import { cannotChoose, channelHeads, chooseDelivery, switchScheduler } from '../../src/store/adversary';
import { createSimStore, type SimStore } from '../../src/store/simStore';

/** Background slices run when the test says so. */
function manual() {
  const queue: (() => void)[] = [];
  return {
    schedule(fn: () => void) {
      queue.push(fn);
      return () => {
        const i = queue.indexOf(fn);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    runAll() {
      while (queue.length) queue.shift()!();
    },
  };
}

function storeOf(flat: Flat): { store: SimStore; settle: () => void } {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const q = manual();
  const store = createSimStore({ schedule: q.schedule, scenario: p.value });
  q.runAll();
  return { store, settle: q.runAll };
}

const heads = (store: SimStore) =>
  channelHeads(store.getState().run.replay.inFlight.values()).map((m) => `${m.from}-${m.to}`);
const at = (store: SimStore) => {
  const s = store.getState();
  return s.run.replay.trace[s.cursor - 1]!;
};
const sched = (store: SimStore) => formatSchedule(store.getState().scenario.timing.schedule ?? []);

// LCR on the ring 1 → 2 → 3 → 1 (clockwise). By hand: the three start-ups (time 0, C4) each send
// the process's uid clockwise, so after them every channel holds exactly one election message.
const RING = { alg: 'lcr', ids: '1,2,3', mode: 'async', seed: '4' };

describe('you choose: the lecturer picks the next delivery', () => {
  it('the heads after the start-ups are one message per clockwise channel', () => {
    const { store } = storeOf(RING);
    store.getState().seek(3);
    expect(heads(store).sort()).toEqual(['1-2', '2-3', '3-1']);
  });

  it('choosing appends to sched, delivers that message next, and keeps the steps before the cursor', () => {
    const { store, settle } = storeOf(RING);
    store.getState().seek(3);
    const before = store
      .getState()
      .run.replay.trace.slice(0, 3)
      .map((e) => [e.kind, e.node]);
    expect(chooseDelivery(store, { from: 3, to: 1 })).toBe(true);
    settle();
    expect(sched(store)).toBe('3-1');
    expect(store.getState().cursor).toBe(4);
    expect(at(store)).toMatchObject({ kind: 'deliver', from: 3, node: 1, time: 1 });
    expect(
      store
        .getState()
        .run.replay.trace.slice(0, 3)
        .map((e) => [e.kind, e.node]),
    ).toEqual(before);
    // 1 got 3 > 1 and forwarded it: 1→2 now holds 1's own uid first, then 3.
    expect(heads(store).sort()).toEqual(['1-2', '2-3']);

    chooseDelivery(store, { from: 1, to: 2 });
    settle();
    expect(sched(store)).toBe('3-1,1-2');
    expect(at(store)).toMatchObject({ kind: 'deliver', from: 1, node: 2, time: 2 });
  });

  it('after stepping back, a choice replaces the rest of the schedule', () => {
    const { store, settle } = storeOf({ ...RING, sched: '3-1,1-2,1-2' });
    store.getState().seek(4); // start-ups and 3-1
    chooseDelivery(store, { from: 2, to: 3 });
    settle();
    expect(sched(store)).toBe('3-1,2-3');
    expect(store.getState().cursor).toBe(5);
    expect(at(store)).toMatchObject({ kind: 'deliver', from: 2, node: 3, time: 2 });
  });

  it('a choice among the start-ups waits for the remaining start-ups (they all come at time 0)', () => {
    const { store, settle } = storeOf(RING);
    store.getState().seek(1);
    expect(heads(store)).toHaveLength(1);
    const [h] = heads(store);
    const [from, to] = h!.split('-').map(Number);
    chooseDelivery(store, { from: from!, to: to! });
    settle();
    expect(sched(store)).toBe(h);
    expect(store.getState().cursor).toBe(4);
    expect(at(store)).toMatchObject({ kind: 'deliver', from, node: to, time: 1 });
  });

  it('a seeded run becomes a recorded schedule: the deliveries so far, then the choice', () => {
    const { store, settle } = storeOf({ alg: 'lcr', ids: '4,1,3,2', mode: 'async', seed: '9' });
    store.getState().seek(7);
    const trace = store.getState().run.replay.trace;
    const so_far = trace
      .slice(0, 7)
      .filter((e) => e.kind === 'deliver')
      .map((e) => `${e.from}-${e.node}`);
    const next = channelHeads(store.getState().run.replay.inFlight.values()).at(-1)!;
    chooseDelivery(store, { from: next.from, to: next.to });
    settle();
    expect(sched(store)).toBe([...so_far, `${next.from}-${next.to}`].join(','));
    expect(at(store)).toMatchObject({ kind: 'deliver', from: next.from, node: next.to });
  });

  it('sync mode cannot be chosen, and says why', () => {
    const { store } = storeOf({ alg: 'lcr', ids: '1,2,3', mode: 'sync' });
    expect(cannotChoose(store.getState())).toMatch(/sync mode/);
  });

  it('heads are per channel, oldest by send order', () => {
    const m = (seq: number, from: number, to: number) => ({
      seq,
      from,
      to,
      msg: { kind: 'x' },
      sendTime: 0,
      deliverAt: 9,
    });
    expect(channelHeads([m(5, 1, 2), m(2, 1, 2), m(7, 2, 1), m(3, 2, 3)]).map((x) => x.seq)).toEqual([
      2, 3, 7,
    ]);
  });

  it('switching scheduler mid-run keeps the steps so far (now a schedule) and the cursor', () => {
    const { store, settle } = storeOf({ alg: 'lcr', ids: '4,1,3,2', mode: 'async', seed: '9' });
    store.getState().seek(7);
    const before = store
      .getState()
      .run.replay.trace.slice(0, 7)
      .map((e) => `${e.kind} ${e.node} ${e.from}`);
    const so_far = store
      .getState()
      .run.replay.trace.slice(0, 7)
      .filter((e) => e.kind === 'deliver')
      .map((e) => `${e.from}-${e.node}`);
    expect(switchScheduler(store, 'newest')).toBe(true);
    settle();
    const s = store.getState();
    expect(s.cursor).toBe(7);
    expect(s.scenario.timing.scheduler).toBe('newest');
    expect(sched(store)).toBe(so_far.join(','));
    expect(s.run.replay.trace.slice(0, 7).map((e) => `${e.kind} ${e.node} ${e.from}`)).toEqual(before);
    // Back to the seed's delays: from step 0, no schedule left.
    switchScheduler(store, null);
    settle();
    expect(store.getState().scenario.timing).toEqual({ mode: 'async', maxDelay: 10 });
    expect(store.getState().cursor).toBe(0);
  });
});
