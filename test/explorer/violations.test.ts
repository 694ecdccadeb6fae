import { describe, expect, it } from 'vitest';
import type { AnyModule } from '../../src/algorithms/contract';
import { franklin, type FranklinState } from '../../src/algorithms/franklin';
import { Explorer, summarize, type ExploreSummary, type ViolationSummary } from '../../src/explorer';
import { queryToFlat } from '../../src/scenario/url';
import type { Flat } from '../../src/scenario/parse';
import { Naive, type System } from './naive';
import {
  endlessToken,
  franklinOneSided,
  ghsAnswersTestsAtOnce,
  lcrForgets,
  lcrForwardsAll,
  lcrHoards,
  lcrWinsOnSmaller,
  runOf,
  scenarioOf,
} from './toys';

/**
 * Proof that the explorer finds bugs: faulty variants of LCR and GHS (test/explorer/toys.ts) on small
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
function replaysTo(naive: Naive, v: ViolationSummary, bad: (sys: System) => boolean, barrierSteps = 0): void {
  const steps = naive.replay(v.schedule);
  expect(bad(steps.at(-1)!)).toBe(true);
  expect(steps.slice(0, -1).some(bad)).toBe(false);
  expect(v.deliveries).toBe(steps.length - 1);
  // The link opens the simulator at that step: the n start-ups, the deliveries, and each node's
  // step at a barrier passed on the way.
  const link = queryToFlat(v.url);
  expect(link.ok && link.value.step).toBe(String(naive.ids.length + v.deliveries + barrierSteps));
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

  it('a Franklin that decides on one side only: its leader ends with uids it never handled', () => {
    const { s, naive } = exploreWith(franklinOneSided, { alg: 'franklin', ids: '1,2' });
    // The right leader is still elected (2 beats 1 on the side it listens to) ...
    expect(s.leaders).toEqual([2]);
    // ... but what arrived from the other side waits in its list for ever (C14): stuck, in every
    // schedule, so the shortest witness is the shortest whole schedule. The naive search, trying
    // every schedule of each length in turn, finds none shorter.
    const v = violation(s, 'stuck');
    expect(v.message).toMatch(/^nothing is in flight, but 2 still holds \d+ messages it never handles$/);
    const held = (sys: System) => sys.states.some((st) => franklin.explore!.held!(st as FranklinState) > 0);
    const isStuck = (sys: System) => naive.enabled(sys).length === 0 && held(sys);
    expect(naive.shortest(isStuck, 16)).toBe(v.deliveries);
    replaysTo(naive, v, isStuck);
    // The real Franklin on the same ring leaves nothing waiting.
    const real = exploreWith(franklin, { alg: 'franklin', ids: '1,2' });
    expect(real.s.violations).toEqual([]);
  });

  it('a GHS that answers a higher-level test at once: two leaders, or a handler that throws', () => {
    // A node that has not yet heard that its fragment grew can accept a test from its own fragment:
    // an internal edge is then taken for an outgoing one, and the branches no longer form a tree.
    const graph = { alg: 'ghs', ids: '1,2,3,4,5', edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7,1-3:5,2-4:6' };
    const { s, naive } = exploreWith(ghsAnswersTestsAtOnce, graph);
    const two = violation(s, 'two-leaders');
    // Leaders exist only after the barrier, where each of the 5 nodes starts its convergecast: 5 steps.
    replaysTo(naive, two, (sys) => leaders(naive, sys) >= 2, 5);
    // The real GHS on the same graph: none (test/explorer/explorer.test.ts counts its schedules).
    const real = exploreWith(runOf(graph).algorithm, graph);
    expect(real.s.violations).toEqual([]);

    // On this square with a diagonal, a node is asked to change root over an edge it never chose:
    // the handler throws, and the witness ends with the delivery that makes it throw.
    const square = { alg: 'ghs', ids: '1,2,3,4', edges: '1-2:1,2-3:2,3-4:3,4-1:4,1-3:5' };
    const bad = exploreWith(ghsAnswersTestsAtOnce, square);
    const err = violation(bad.s, 'handler-error');
    expect(err.message).toMatch(/^a handler throws at the delivery -?\d+--?\d+: /);
    const steps = err.schedule.split(',');
    expect(() => bad.naive.replay(steps.slice(0, -1).join(','))).not.toThrow();
    expect(() => bad.naive.replay(err.schedule)).toThrow();
    expect(err.step).toBe(4 + steps.length);
  });

  it('the real algorithms show none of these on the same rings', () => {
    for (const alg of ['lcr', 'chang-roberts', 'peterson', 'hs', 'franklin']) {
      const x = new Explorer(runOf({ alg, ids: '2,3,1' }), { maxStates: 100_000 });
      x.run();
      expect(summarize(x, scenarioOf({ alg, ids: '2,3,1' })).violations).toEqual([]);
    }
  });
});
