import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import type { Delivery, TraceEntry } from '../../src/engine/types';
import { buildRun } from '../../src/scenario/build';
import { scenarioFromJson, scenarioToJson } from '../../src/scenario/json';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { formatSchedule, noMessageInFlight } from '../../src/scenario/schedule';
import { scheduleOf } from '../../src/scenario/scheduleOf';
import type { Scenario } from '../../src/scenario/types';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';

/** Reads flat keys as a link or the CLI would, builds the run and runs it to the end (recording on). */
function run(flat: Flat, checkpointEvery?: number): Simulation {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return runScenario(parsed.value, checkpointEvery);
}

function runScenario(s: Scenario, checkpointEvery?: number): Simulation {
  const built = buildRun(s);
  if (!built.ok) throw new Error(built.errors[0]!.message);
  return new Simulation({
    ...built.value,
    checkInvariants: true,
    ...(checkpointEvery ? { checkpointEvery } : {}),
  }).runToEnd();
}

/** The first error a scenario's flat keys get, from the reader or from building the graph. */
function refusal(flat: Flat): { field: string; message: string } | null {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) return parsed.errors[0]!;
  const built = buildRun(parsed.value);
  return built.ok ? null : built.errors[0]!;
}

/** Deliveries as "time from→to msg", written without the code under test. */
const deliveries = (trace: readonly TraceEntry[]) =>
  trace
    .filter((e) => e.kind === 'deliver')
    .map((e) => `${e.time} ${e.from}→${e.node} ${JSON.stringify(e.msg)}`);

describe('replaying a hand-worked LCR schedule', () => {
  // Ring 1,2,3 listed clockwise: 1→2→3→1. The start-ups (time 0, C4) put election(1) on 1→2,
  // election(2) on 2→3 and election(3) on 3→1. The schedule 3-1,1-2,1-2,2-3,2-3 then does:
  //  t1 3→1: 1 gets 3 > 1, forwards it: 1→2 now holds [1, 3]
  //  t2 1→2: 2 gets 1 < 2, discards it (the oldest on 1→2 is 1, not 3: FIFO)
  //  t3 1→2: 2 gets 3 > 2, forwards it: 2→3 holds [2, 3]
  //  t4 2→3: 3 gets 2 < 3, discards it
  //  t5 2→3: 3 gets its own 3 back: leader, sends elected(3) to 1
  // The schedule is over; the only message left goes round, one per time unit:
  //  t6 3→1 elected(3), t7 1→2 elected(3), t8 2→3 elected(3) (the last hop counts, C3).
  // Sent: election 3 + 1 (by 1) + 1 (by 2) = 5, elected 3: 8 messages; 3 start-ups + 8 deliveries.
  const flat = { alg: 'lcr', ids: '1,2,3', mode: 'async', sched: '3-1,1-2,1-2,2-3,2-3' };

  it('delivers step k at time k, then the rest oldest first', () => {
    const sim = run(flat);
    const e = (uid: number) => JSON.stringify({ kind: 'election', uid });
    const el = JSON.stringify({ kind: 'elected', leader: 3 });
    expect(deliveries(sim.trace)).toEqual([
      `1 3→1 ${e(3)}`,
      `2 1→2 ${e(1)}`,
      `3 1→2 ${e(3)}`,
      `4 2→3 ${e(2)}`,
      `5 2→3 ${e(3)}`,
      `6 3→1 ${el}`,
      `7 1→2 ${el}`,
      `8 2→3 ${el}`,
    ]);
    expect(sim.trace.slice(0, 3).map((x) => [x.kind, x.time])).toEqual([
      ['init', 0],
      ['init', 0],
      ['init', 0],
    ]);
    expect(sim.result().leader).toBe(3);
    expect(sim.getCounters()).toMatchObject({
      sent: 8,
      sentByKind: { election: 5, elected: 3 },
      lastDeliveryTime: 8,
    });
    expect(sim.step).toBe(11);
    expect(sim.terminated).toBe(true);
    expect(sim.stalled).toBeNull();
    expect(sim.violations).toEqual([]);
  });

  it('does not depend on the seed or the largest delay (no delay is drawn)', () => {
    const a = run(flat).traceHash();
    expect(run({ ...flat, seed: '99', maxDelay: '3' }).traceHash()).toBe(a);
    // …whereas without the schedule the seed decides the run.
    const { sched: _s, ...plain } = flat;
    expect(run({ ...plain, seed: '99' }).traceHash()).not.toBe(run(plain).traceHash());
  });

  it('stops at a step whose channel is empty, saying which', () => {
    // t1 1→2: 2 discards 1 and sends nothing, so at t2 nothing is in flight from 1 to 2.
    const sim = run({ ...flat, sched: '1-2,1-2,2-3' });
    expect(sim.stalled).toEqual({ step: 2, from: 1, to: 2 });
    expect(noMessageInFlight(2, sim.stalled!)).toBe(
      'schedule step 2 names channel 1→2, which has no message in flight',
    );
    expect(sim.step).toBe(4); // 3 start-ups, 1 delivery
    expect(sim.done).toBe(true);
    expect(sim.terminated).toBe(false);
    expect(sim.stepForward()).toBe(false);
    // A message sent later on that channel does not count: at t2 3→1 is empty (3's uid left at t1).
    expect(run({ ...flat, sched: '3-1,3-1' }).stalled).toEqual({ step: 2, from: 3, to: 1 });
  });

  it('seeks back and forward through a replay exactly (the plan is in the checkpoints)', () => {
    const whole = run(flat, 2);
    const hash = whole.traceHash();
    for (const k of [0, 1, 4, 7, 11, 5, 2]) {
      whole.seek(k);
      expect(whole.step).toBe(k);
    }
    whole.seek(11);
    expect(whole.traceHash()).toBe(hash);
    const stuck = run({ ...flat, sched: '1-2,1-2' }, 2);
    stuck.seek(1);
    expect(stuck.stalled).toBeNull();
    stuck.runToEnd();
    expect(stuck.stalled).toEqual({ step: 2, from: 1, to: 2 });
    expect(stuck.step).toBe(4);
  });
});

/** Random rings for the four ring algorithms, in async mode with random delays. */
const ringRun = fc.record({
  alg: fc.constantFrom('lcr', 'chang-roberts', 'hs', 'peterson'),
  ids: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 9 }),
  seed: fc.integer({ min: 0, max: 10_000 }),
  maxDelay: fc.integer({ min: 1, max: 12 }),
});

/** Everything a step does but its time: what is delivered, the state after, what is sent. */
const untimed = (trace: readonly TraceEntry[]) =>
  trace.map((e) =>
    JSON.stringify([
      e.kind,
      e.node,
      e.from ?? null,
      e.msg ?? null,
      e.after,
      e.sends.map((s) => [s.to, s.msg]),
    ]),
  );

describe('the schedule of a seeded run, replayed', () => {
  it('gives the same steps in the same order, leader and counts, for every ring algorithm', () => {
    fc.assert(
      fc.property(ringRun, ({ alg, ids, seed, maxDelay }) => {
        const base = {
          alg,
          ids: ids.join(','),
          mode: 'async',
          seed: String(seed),
          maxDelay: String(maxDelay),
        };
        const seeded = run(base);
        // The seeded run's delivery order, read from its trace by hand (not by scheduleOf).
        const order: Delivery[] = seeded.trace
          .filter((e) => e.kind === 'deliver')
          .map((e) => ({ from: e.from!, to: e.node }));
        expect(scheduleOf(seeded.trace)).toEqual(order);
        const replay = run({ ...base, sched: formatSchedule(order) });
        expect(replay.stalled).toBeNull();
        expect(untimed(replay.trace)).toEqual(untimed(seeded.trace));
        expect(replay.result()).toEqual(seeded.result());
        const { lastDeliveryTime, ...counts } = replay.getCounters();
        const { lastDeliveryTime: _t, ...seededCounts } = seeded.getCounters();
        expect(counts).toEqual(seededCounts);
        expect(lastDeliveryTime).toBe(order.length);
        expect(replay.violations).toEqual([]);
        // Delivery k of the schedule is at time k.
        expect(replay.trace.filter((e) => e.kind === 'deliver').map((e) => e.time)).toEqual(
          order.map((_d, i) => i + 1),
        );
        // The replay's own order is the schedule: replaying that gives the same trace hash again,
        // whether the scenario comes from a link or from a file.
        const again: Flat = { ...base, sched: formatSchedule(scheduleOf(replay.trace)) };
        expect(run(again).traceHash()).toBe(replay.traceHash());
        const parsed = parseFlat({ v: '1', ...again });
        if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
        const viaLink = decodeScenario(encodeScenario(parsed.value));
        const viaFile = scenarioFromJson(scenarioToJson(parsed.value));
        if (!viaLink.ok || !viaFile.ok) throw new Error('round trip failed');
        expect(runScenario(viaLink.value).traceHash()).toBe(replay.traceHash());
        expect(runScenario(viaFile.value).traceHash()).toBe(replay.traceHash());
      }),
      { numRuns: 60 },
    );
  });

  it('any prefix of it is a complete run: LCR elects the maximum with the same count', () => {
    // LCR's count depends on the ids only: uid v travels until the next larger id (Lynch §15.1.1).
    fc.assert(
      fc.property(ringRun, fc.nat(), ({ ids, seed, maxDelay }, cut) => {
        const base = {
          alg: 'lcr',
          ids: ids.join(','),
          mode: 'async',
          seed: String(seed),
          maxDelay: String(maxDelay),
        };
        const order = scheduleOf(run(base).trace);
        const prefix = order.slice(0, 1 + (cut % order.length));
        const sim = run({ ...base, sched: formatSchedule(prefix) });
        let election = 0;
        for (let i = 0; i < ids.length; i++) {
          let hops = 1;
          while (ids[(i + hops) % ids.length]! < ids[i]!) hops++;
          election += hops; // the max goes all the way round: n hops
        }
        expect(sim.terminated).toBe(true);
        expect(sim.result().leader).toBe(Math.max(...ids));
        expect(sim.getCounters().sentByKind).toEqual({ election, elected: ids.length });
        // After the prefix, the rest go oldest first (by send order), one per time unit.
        const after = sim.trace.filter((e) => e.kind === 'deliver').slice(prefix.length);
        const seqs = after.map((e) => e.msgSeq!);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(after.map((e) => e.time)).toEqual(after.map((_e, i) => prefix.length + 1 + i));
      }),
      { numRuns: 60 },
    );
  });
});

describe('schedule refusals, one line each', () => {
  const ring = { alg: 'lcr', ids: '1,2,3', mode: 'async' };
  it('refuses sync mode, naming why', () => {
    expect(refusal({ ...ring, mode: 'sync', sched: '1-2' })).toEqual({
      field: 'sched',
      message:
        'a delivery schedule orders the deliveries of an asynchronous run; in sync mode every message sent in a round arrives in the next one (C5): choose async mode',
    });
  });
  it("refuses an algorithm that decides by timeouts, in its module's words", () => {
    const r = refusal({ alg: 'bully', n: '3', mode: 'async', sched: '1-2' });
    expect(r?.field).toBe('sched');
    expect(r?.message).toMatch(/^Bully .* cannot replay a delivery schedule: Bully decides by timeouts/);
  });
  it('refuses an id that is not in the graph, and a pair no link joins', () => {
    expect(refusal({ ...ring, sched: '1-2,7-1' })).toEqual({
      field: 'sched',
      message: 'schedule step 2, 7-1, names 7, not a node of this system',
    });
    // The ring is one-way (clockwise 1→2→3→1): nothing ever travels from 2 to 1.
    expect(refusal({ ...ring, sched: '1-2,2-1' })).toEqual({
      field: 'sched',
      message: 'schedule step 2 names channel 2→1, but no link of this graph goes from 2 to 1',
    });
    expect(refusal({ ...ring, sched: '1-2,,' })?.message).toMatch(/^schedule step 2, "", is not a delivery/);
    expect(refusal({ alg: 'hs', ids: '1,2,3', mode: 'async', sched: '2-1' })).toBeNull();
  });
  it('names the file field in a scenario file', () => {
    const file = (schedule: unknown) =>
      JSON.stringify({
        format: 'leader-election-lab/scenario',
        v: 1,
        algorithm: 'lcr',
        ids: { list: [1, 2, 3] },
        timing: { mode: 'sync', maxDelay: 10, schedule },
      });
    const r = scenarioFromJson(file([{ from: 1, to: 2 }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.field).toBe('timing.schedule');
    const shape = scenarioFromJson(file([{ from: 1, to: 'x' }]));
    expect(shape.ok).toBe(false);
    if (!shape.ok) expect(shape.errors[0]!.field).toBe('timing.schedule[0].to');
  });
});

describe('the sched key in links and files', () => {
  const parsed = parseFlat({ v: '1', alg: 'lcr', ids: '5,1,4,2,3', mode: 'async', sched: '5-1, 4-2' });
  it('reads into timing.schedule and writes back as a readable link', () => {
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    expect(parsed.value.timing).toEqual({
      mode: 'async',
      maxDelay: 10,
      schedule: [
        { from: 5, to: 1 },
        { from: 4, to: 2 },
      ],
    });
    const link = encodeScenario(parsed.value);
    expect(link).toBe('v=1&alg=lcr&ids=5,1,4,2,3&mode=async&sched=5-1,4-2');
    expect(decodeScenario(link)).toEqual(parsed);
    expect(scenarioFromJson(scenarioToJson(parsed.value))).toEqual(parsed);
  });
  it('survives compression of a long schedule', () => {
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const long = parseFlat({
      v: '1',
      alg: 'lcr',
      ids: '5,1,4,2,3',
      mode: 'async',
      sched: Array.from({ length: 200 }, () => '5-1').join(','),
    });
    if (!long.ok) throw new Error(long.errors[0]!.message);
    const link = encodeScenario({ ...long.value, step: 7 });
    expect(link).toMatch(/^v=1&z=.*&step=7$/);
    expect(decodeScenario(link)).toEqual({ ok: true, value: { ...long.value, step: 7 } });
  });
  it('leaves a scenario without a schedule as it was', () => {
    const plain = parseFlat({ v: '1', alg: 'lcr', ids: '5,1,4,2,3', mode: 'async' });
    if (!plain.ok) throw new Error(plain.errors[0]!.message);
    expect(plain.value.timing).toEqual({ mode: 'async', maxDelay: 10 });
    expect('schedule' in plain.value.timing).toBe(false);
    expect(encodeScenario(plain.value)).toBe('v=1&alg=lcr&ids=5,1,4,2,3&mode=async');
    expect(scenarioToJson(plain.value)).not.toContain('schedule');
  });
});
