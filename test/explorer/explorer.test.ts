import { describe, expect, it } from 'vitest';
import { LCR_WORST } from '../../src/algorithms/lcr';
import { Explorer, exploreScenario, summarize, type ExploreSummary } from '../../src/explorer';
import type { Flat } from '../../src/scenario/parse';
import { permutations } from '../util/run';
import { Naive } from './naive';
import { flood, runOf, scenarioOf } from './toys';

function explored(flat: Flat, maxStates = 1_000_000): ExploreSummary {
  const r = exploreScenario(scenarioOf(flat), { maxStates });
  if (!r.ok) throw new Error(r.message);
  return r.summary;
}

/**
 * The schedules by message count in the naive enumerator's shape: the explorer's histogram where the
 * count depends on the schedule, else every schedule at its one count.
 */
function histogramOf(s: ExploreSummary): Record<number, number> {
  if (!s.histogram) return { [s.messages!.min]: Number(s.schedules) };
  expect(s.messages!.min).toBeLessThan(s.messages!.max);
  return Object.fromEntries(s.histogram.map((b) => [b.messages, Number(b.schedules)]));
}

/** The explorer's figures beside the naive enumerator's, in the naive enumerator's shape. */
function agree(flat: Flat): void {
  const naive = new Naive(runOf(flat)).figures();
  const s = explored(flat);
  expect(s.complete).toBe(true);
  expect({
    schedules: s.schedules,
    leaders: s.leaders,
    min: s.messages!.min,
    max: s.messages!.max,
    minByKind: s.messages!.minByKind,
    maxByKind: s.messages!.maxByKind,
    histogram: histogramOf(s),
  }).toEqual({ ...naive, schedules: String(naive.schedules) });
}

describe('the explorer counts schedules exactly', () => {
  it('LCR on the ring 1,2,3 has 8 schedules, worked out by hand', () => {
    // Ids listed clockwise: 1→2→3→1. The deliveries, named:
    //   d1 = election(1) on 1→2 (2 discards it)    d2 = election(2) on 2→3 (3 discards it)
    //   d3 = election(3) on 3→1 (1 forwards it)    e1 = election(3) on 1→2 (2 forwards it)
    //   e2 = election(3) on 2→3 (3 is chosen and sends elected(3)), then elected(3) goes 3→1→2→3.
    // Order constraints: e1 is sent by d3 and queues behind d1 (FIFO), so d3 < e1 and d1 < e1;
    // e2 is sent by e1 and queues behind d2, so e1 < e2 and d2 < e2. Thus e2 comes after every other
    // election delivery, and then the three elected deliveries are forced (one message in flight).
    // Orders of {d1, d3, e1} with e1 last: 2; d2 may go in any of the 4 places before e2: 2 × 4 = 8.
    const s = explored({ alg: 'lcr', ids: '1,2,3' });
    expect(s.schedules).toBe('8');
    expect(s.leaders).toEqual([3]);
    // §1.1: election 1 + 1 + 3 = 5 (each id to the first larger one), elected n = 3.
    expect(s.messages).toEqual({
      min: 8,
      max: 8,
      minByKind: { election: 5, elected: 3 },
      maxByKind: { election: 5, elected: 3 },
    });
  });

  it('LCR on the ring 5,4,3,2,1: 292,864 schedules, every one elects 5 with n(n+1)/2 + n messages', () => {
    const s = explored({ alg: 'lcr', ids: '5,4,3,2,1' });
    expect(s.schedules).toBe('292864'); // issue 13's figure
    expect(s.leaders).toEqual([5]);
    const election = LCR_WORST.value(5, 5);
    expect(s.messages).toEqual({
      min: election + 5,
      max: election + 5,
      minByKind: { election: 15, elected: 5 },
      maxByKind: { election: 15, elected: 5 },
    });
    expect(s.violations).toEqual([]);
    // Every message is delivered exactly once: a schedule has as many steps as messages.
    expect(s.best!.schedule.split(',')).toHaveLength(20);
  });

  it('agrees with the naive enumerator on every LCR ring of up to 4 processes', () => {
    for (let n = 1; n <= 4; n++)
      for (const ids of permutations(Array.from({ length: n }, (_, i) => i + 1)))
        agree({ alg: 'lcr', ids: ids.join(',') });
  });

  it('agrees on Chang–Roberts rings of up to 4 with every set of initiators', () => {
    for (const ids of ['1,2,3', '3,1,2', '2,4,1,3', '4,3,2,1'])
      for (const initiators of ['', '1', '2', '1,3', '2,3'])
        agree({ alg: 'chang-roberts', ids, ...(initiators ? { initiators } : {}) });
  });

  it('agrees on Peterson rings (every ring of 3, and 4 sorted both ways)', () => {
    for (const ids of permutations([1, 2, 3])) agree({ alg: 'peterson', ids: ids.join(',') });
    agree({ alg: 'peterson', ids: '4,3,2,1' });
    agree({ alg: 'peterson', ids: '1,2,3,4' });
  });

  it('agrees on Hirschberg–Sinclair for n ≤ 2 (n = 3 already has 140,313,600 schedules: too many to list)', () => {
    for (const ids of ['1', '1,2', '2,1']) agree({ alg: 'hs', ids });
    agree({ alg: 'hs', ids: '2,1', announce: '0' });
  });

  it('agrees on Franklin for n ≤ 3 (every ring of 3: 31,680 schedules or fewer)', () => {
    for (const ids of ['1', '1,2', '2,1', '1,2,3', '1,3,2']) agree({ alg: 'franklin', ids });
    agree({ alg: 'franklin', ids: '2,1', announce: '0' });
  });

  it('agrees on the tree convergecast and on GHS with its barrier', () => {
    agree({ alg: 'tree', ids: '1,2,3,4', edges: '1-2,2-3,3-4' });
    agree({ alg: 'tree', ids: '1,2,3,4', edges: '1-2,2-3,2-4' });
    agree({ alg: 'ghs', ids: '1,2,3', edges: '1-2:1,2-3:2,1-3:3' });
    agree({ alg: 'ghs', ids: '1,2,3', edges: '1-2:1,2-3:1,1-3:1', wake: '1' });
  });

  it('finds the fewest and most messages where they differ, and both witnesses replay to them', () => {
    const flat = { alg: 'ghs', topo: 'complete', n: '3', ids: 'desc' };
    const run = { ...runOf(flat), algorithm: flood };
    const naive = new Naive(run).figures();
    expect(naive.min).toBeLessThan(naive.max); // the toy's count depends on the schedule
    const x = new Explorer(run, { maxStates: 1_000_000 });
    x.run();
    const s = summarize(x, scenarioOf(flat));
    expect(s.schedules).toBe(String(naive.schedules));
    expect([s.messages!.min, s.messages!.max]).toEqual([naive.min, naive.max]);
    expect([s.messages!.minByKind, s.messages!.maxByKind]).toEqual([naive.minByKind, naive.maxByKind]);
    // Schedules by message count, bar by bar, as the naive enumerator counts them one by one.
    expect(Object.keys(naive.histogram).length).toBeGreaterThan(1);
    expect(histogramOf(s)).toEqual(naive.histogram);
    const sent = (schedule: string) => {
      const end = new Naive(run).replay(schedule).at(-1)!;
      expect(new Naive(run).enabled(end)).toEqual([]); // the witness is a whole schedule
      return end.byKind.max;
    };
    expect(sent(s.best!.schedule)).toBe(naive.min);
    expect(sent(s.worst!.schedule)).toBe(naive.max);
  });
});

describe('budgets', () => {
  it('stops at exactly --max-states distinct states, with the figures so far', () => {
    const x = new Explorer(runOf({ alg: 'lcr', ids: '5,4,3,2,1' }), { maxStates: 50 });
    x.run();
    expect(x.complete).toBe(false);
    expect(x.stoppedBy).toBe('max-states');
    expect(x.states).toBe(50);
    const s = summarize(x, scenarioOf({ alg: 'lcr', ids: '5,4,3,2,1' }));
    expect(s.complete).toBe(false);
    // No terminal state among the first 50 of 137 (the only one is 20 deliveries deep).
    expect(s.schedules).toBe('0');
  });

  it('stops when the caller says so, between two expansions', () => {
    let asked = 0;
    const x = new Explorer(runOf({ alg: 'hs', ids: '3,1,2' }), {
      maxStates: 1e6,
      shouldStop: () => ++asked > 10,
    });
    x.run();
    expect(x.stoppedBy).toBe('stopped');
    expect(x.progress.expanded).toBe(10);
  });

  it('runs in slices (a worker between messages) to the same answer', () => {
    const flat = { alg: 'hs', ids: '3,1,2' };
    const whole = explored(flat);
    const x = new Explorer(runOf(flat), { maxStates: 1e6 });
    let slices = 0;
    while (!x.run(50)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(summarize(x, scenarioOf(flat))).toEqual(whole);
  });
});
