import { describe, expect, it } from 'vitest';
import type { AnyModule } from '../../src/algorithms/contract';
import { Explorer, summarize, type ExploreSummary, type ViolationSummary } from '../../src/explorer';
import { queryToFlat } from '../../src/scenario/url';
import type { Flat } from '../../src/scenario/parse';
import { Naive, type System } from './naive';
import {
  endlessToken,
  lcrForgets,
  lcrForwardsAll,
  lcrHoards,
  lcrWinsOnSmaller,
  runOf,
  scenarioOf,
} from './toys';

/**
 * Proof that the explorer finds bugs: faulty variants of LCR (test/explorer/toys.ts) on small
 * rings. Each violation comes with the shortest witness — checked against a hand count and against
 * a naive search that tries every shorter schedule — and the witness replays, in a replayer that
 * shares no code with the explorer, to the bad state at its last step and not before.
 */

function exploreWith(alg: AnyModule, flat: Flat): { s: ExploreSummary; naive: Naive } {
  const run = { ...runOf(flat), algorithm: alg };
  const x = new Explorer(run, { maxStates: 100_000 });
  x.run();
  return { s: summarize(x, scenarioOf(flat)), naive: new Naive(run) };
}

function violation(s: ExploreSummary, kind: ViolationSummary['kind']): ViolationSummary {
  const v = s.violations.find((x) => x.kind === kind);
  if (!v) throw new Error(`no ${kind} among ${s.violations.map((x) => x.kind).join(', ')}`);
  return v;
}

const leaders = (naive: Naive, sys: System) =>
  sys.states.filter((st) => naive.alg.role(st) === 'leader').length;

/** The witness replays to a state where `bad` holds, and `bad` held at no earlier step. */
function replaysTo(naive: Naive, v: ViolationSummary, bad: (sys: System) => boolean): void {
  const steps = naive.replay(v.schedule);
  expect(bad(steps.at(-1)!)).toBe(true);
  expect(steps.slice(0, -1).some(bad)).toBe(false);
  expect(v.deliveries).toBe(steps.length - 1);
  // The link opens the simulator at that step: the n start-ups, then the deliveries.
  const link = queryToFlat(v.url);
  expect(link.ok && link.value.step).toBe(String(naive.ids.length + v.deliveries));
  expect(link.ok && link.value.sched).toBe(v.schedule);
}

describe('the explorer catches faulty algorithms with the shortest witness', () => {
  const ring = { alg: 'lcr', ids: '1,2,3' };

  it('an LCR that also wins on a smaller id: a wrong leader after 1 delivery, two leaders after 2', () => {
    const { s, naive } = exploreWith(lcrWinsOnSmaller, ring);
    // By hand: the first delivery of election(1) to 2 (channel 1→2) makes 2 leader, and 2 ≠ 3.
    const wrong = violation(s, 'wrong-leader');
    expect(wrong.schedule).toBe('1-2');
    expect(wrong.message).toBe('2 is elected, not the largest id 3');
    const isWrong = (sys: System) => leaders(naive, sys) > 0 && naive.leader(sys) !== 3;
    replaysTo(naive, wrong, isWrong);
    // Two leaders: 2 must get 1 and 3 must get 2 (1 only ever gets larger ids): 2 deliveries, either order.
    const two = violation(s, 'two-leaders');
    expect(['1-2,2-3', '2-3,1-2']).toContain(two.schedule);
    const isTwo = (sys: System) => leaders(naive, sys) >= 2;
    expect(naive.shortest(isTwo, 4)).toBe(2);
    replaysTo(naive, two, isTwo);
  });

  it('an LCR relay that forwards smaller ids too: two leaders, after 8 deliveries at the soonest', () => {
    const { s, naive } = exploreWith(lcrForwardsAll, ring);
    const two = violation(s, 'two-leaders');
    // Every id now travels the whole ring (n = 3 hops) to come home, so two leaders need at least
    // 2·3 = 6 deliveries; FIFO adds to that, since an id waits behind what is queued before it
    // (election(2) must pass 3 before election(1) can, on 2→3). The naive search, which tries every
    // schedule of each length in turn, finds none shorter than 8.
    const isTwo = (sys: System) => leaders(naive, sys) >= 2;
    expect(naive.shortest(isTwo, 8)).toBe(8);
    expect(two.deliveries).toBe(8);
    expect(two.message).toMatch(/are leader at once$/);
    replaysTo(naive, two, isTwo);
  });

  it('an LCR whose relays forget the announcement: a node never learns the leader', () => {
    const { s, naive } = exploreWith(lcrForgets, ring);
    const v = violation(s, 'never-learns');
    // Only at the end of a whole schedule, which always has 5 election + 3 elected deliveries.
    expect(v.deliveries).toBe(8);
    const steps = naive.replay(v.schedule);
    expect(naive.enabled(steps.at(-1)!)).toEqual([]);
    expect(s.leaders).toEqual([3]); // still the right leader: only the learning is broken
  });

  it('an LCR process that keeps its messages for later and never handles them: stuck', () => {
    const { s, naive } = exploreWith(lcrHoards, ring);
    const v = violation(s, 'stuck');
    expect(v.message).toMatch(/^nothing is in flight, but 1 still holds \d+ messages? it never handles$/);
    expect(naive.enabled(naive.replay(v.schedule).at(-1)!)).toEqual([]);
  });

  it('a token passed round forever: a cycle, with the loop that repeats', () => {
    const { s, naive } = exploreWith(endlessToken, { alg: 'lcr', ids: '1,2' });
    expect(s.schedules).toBe('infinite');
    const v = violation(s, 'cycle');
    // 2 (the largest) starts the token on 2→1; 1 passes it to 2, 2 to 1: back where it began.
    expect(v.loop).toBe('2-1,1-2');
    expect(v.schedule).toBe('2-1,1-2');
    const steps = naive.replay(v.schedule);
    const inFlight = (sys: System) => [...sys.chans].filter(([, q]) => q.length > 0);
    expect(inFlight(steps.at(-1)!)).toEqual(inFlight(steps[0]!));
    expect(steps.at(-1)!.states).toEqual(steps[0]!.states);
  });

  it('the real algorithms show none of these on the same rings', () => {
    for (const alg of ['lcr', 'chang-roberts', 'peterson', 'hs']) {
      const x = new Explorer(runOf({ alg, ids: '2,3,1' }), { maxStates: 100_000 });
      x.run();
      expect(summarize(x, scenarioOf({ alg, ids: '2,3,1' })).violations).toEqual([]);
    }
  });
});
