import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/algorithms/registry';
import { Simulation } from '../../src/engine/simulation';
import type { SchedulerName, SentMessage, TraceEntry } from '../../src/engine/types';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { formatSchedule } from '../../src/scenario/schedule';
import { scheduleOf } from '../../src/scenario/scheduleOf';
import { SCHEDULERS } from '../../src/scenario/schedulers';

function run(flat: Flat): Simulation {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const built = buildRun(parsed.value);
  if (!built.ok) throw new Error(built.errors[0]!.message);
  return new Simulation({ ...built.value, checkInvariants: true, hash: true }).runToEnd();
}

function refusal(flat: Flat): string | null {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) return parsed.errors[0]!.message;
  const built = buildRun(parsed.value);
  return built.ok ? null : built.errors[0]!.message;
}

/**
 * The second implementation the runs are checked against: walking the recorded trace, the messages
 * in flight by the engine's seq, the heads per channel, and the rule's choice among them, written
 * from the definitions in src/scenario/schedulers.ts without its code.
 */
function checkRule(rule: SchedulerName, trace: readonly TraceEntry[], skip = 0): string | null {
  const inFlight = new Map<number, SentMessage>();
  let delivered = 0;
  for (const e of trace) {
    if ((e.kind === 'deliver' || e.kind === 'drop') && delivered++ < skip) inFlight.delete(e.msgSeq!);
    else if (e.kind === 'deliver' || e.kind === 'drop') {
      const heads = new Map<string, SentMessage>();
      for (const m of inFlight.values()) {
        const k = `${m.from}>${m.to}`;
        if (!heads.has(k) || m.seq < heads.get(k)!.seq) heads.set(k, m);
      }
      const hs = [...heads.values()];
      const pick =
        rule === 'oldest'
          ? hs.reduce((a, b) => (b.seq < a.seq ? b : a))
          : rule === 'newest'
            ? hs.reduce((a, b) => (b.seq > a.seq ? b : a))
            : hs.reduce((a, b) => (b.from > a.from || (b.from === a.from && b.seq < a.seq) ? b : a));
      // FIFO: the message taken is its channel's head.
      const head = heads.get(`${e.from}>${e.node}`);
      if (!head || head.seq !== e.msgSeq) return `step ${e.step} is not the head of ${e.from}→${e.node}`;
      if (pick.seq !== e.msgSeq) return `step ${e.step} delivered ${e.msgSeq}, ${rule} picks ${pick.seq}`;
      inFlight.delete(e.msgSeq!);
    }
    for (const m of e.sends) inFlight.set(m.seq, m);
  }
  return inFlight.size === 0 ? null : `${inFlight.size} messages never delivered`;
}

/** Algorithms a scheduler can drive (on their first topology): async, not timed, no random draws. */
const DRIVEN = ALGORITHMS.filter(
  (a) => refusal({ alg: a.id, n: '4', mode: 'async', scheduler: 'oldest' }) === null,
).map((a) => a.id);

describe('named schedulers', () => {
  it('drives every algorithm whose runs the order of deliveries decides', () => {
    expect(DRIVEN).toEqual(['lcr', 'chang-roberts', 'hs', 'peterson', 'franklin', 'tree', 'ghs', 'floodmax']);
  });

  it('every scheduler delivers only channel heads (FIFO), by its rule, and its recorded schedule replays to the same hash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRIVEN),
        fc.integer({ min: 3, max: 7 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(...SCHEDULERS),
        (alg, n, seed, rule) => {
          const flat = { alg, n: String(n), ids: 'random', seed: String(seed), mode: 'async' };
          fc.pre(refusal(flat) === null);
          const sim = run({ ...flat, scheduler: rule });
          expect(sim.violations).toEqual([]);
          expect(checkRule(rule, sim.trace)).toBeNull();
          const again = run({ ...flat, sched: formatSchedule(scheduleOf(sim.trace)) });
          expect(again.traceHash()).toBe(sim.traceHash());
        },
      ),
      { numRuns: 80 },
    );
  });

  it('GHS on random graphs: the same, barrier steps included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(...SCHEDULERS),
        (n, seed, rule) => {
          const flat = { alg: 'ghs', n: String(n), seed: String(seed), mode: 'async' };
          const sim = run({ ...flat, scheduler: rule });
          expect(checkRule(rule, sim.trace)).toBeNull();
          const again = run({ ...flat, sched: formatSchedule(scheduleOf(sim.trace)) });
          expect(again.traceHash()).toBe(sim.traceHash());
        },
      ),
      { numRuns: 30 },
    );
  });

  it('continues after sched: the given prefix first, then the rule', () => {
    // Ring 1→2→3→1: after the start-ups each channel holds its sender's uid. The prefix delivers 1→2
    // (2 discards 1); then newest first: 2→3 and 3→1 hold the uids sent at start-up, 3's is newer.
    const sim = run({ alg: 'lcr', ids: '1,2,3', mode: 'async', sched: '1-2', scheduler: 'newest' });
    const order = scheduleOf(sim.trace).map((d) => `${d.from}-${d.to}`);
    expect(order.slice(0, 2)).toEqual(['1-2', '3-1']);
    expect(checkRule('newest', sim.trace, 1)).toBe(null);
  });

  it('refuses, in one line naming the key, what it cannot drive', () => {
    const base = { alg: 'lcr', n: '4', mode: 'async' };
    expect(refusal({ ...base, scheduler: 'random' })).toBe(
      'scheduler must be oldest, newest or largest, not "random" (leave it out for the seed\'s delays)',
    );
    expect(refusal({ ...base, mode: 'sync', scheduler: 'oldest' })).toMatch(
      /^a scheduler chooses the deliveries of an asynchronous run/,
    );
    expect(refusal({ ...base, loss: '0.1', scheduler: 'oldest' })).toMatch(
      /^a scheduler follows a reliable network/,
    );
    expect(refusal({ alg: 'bully', n: '4', mode: 'async', scheduler: 'oldest' })).toMatch(
      /cannot follow a scheduler/,
    );
  });
});
