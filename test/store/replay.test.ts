import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/algorithms/registry';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { summarize } from '../../src/scenario/summary';
import { Replay } from '../../src/store/replay';
import { suitableFlat } from './scenarios';

function recorded(flat: Flat): Simulation {
  const p = parseFlat(flat);
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const r = buildRun(p.value);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return new Simulation({ ...r.value, record: true, checkInvariants: true }).runToEnd();
}

/** What the Simulation itself says at step k (a second, independent run seeked there). */
function engineAt(flat: Flat, k: number) {
  const sim = recorded(flat);
  sim.seek(k);
  const c = sim.getCounters();
  return {
    states: sim.nodeStates().slice(),
    roles: Array.from({ length: sim.n }, (_, i) => sim.roleOf(i)),
    inFlight: sim.inFlight().map((m) => m.seq),
    sent: c.sent,
    delivered: c.delivered,
    sentByKind: c.sentByKind,
    lastDeliveryTime: c.lastDeliveryTime,
    leader: sim.result().leader,
  };
}

function replayAt(r: Replay) {
  return {
    states: r.states.slice(),
    roles: r.roles.slice(),
    inFlight: [...r.inFlight.keys()].sort((a, b) => a - b),
    sent: r.sent,
    delivered: r.delivered,
    sentByKind: r.sentByKind,
    lastDeliveryTime: r.lastDeliveryTime,
    leader: r.result().leader,
  };
}

describe('Replay: the cursor view of a recorded run', () => {
  for (const alg of ALGORITHMS) {
    for (const mode of ['sync', 'async'] as const) {
      it(`${alg.id} ${mode}: agrees with Simulation.seek at every step, going forward, back and jumping`, () => {
        const flat = suitableFlat(alg, mode);
        const sim = recorded(flat);
        const total = sim.trace.length;
        expect(total).toBeGreaterThan(0);
        const r = new Replay(sim);
        // Forward one by one, then back one by one, then jumps in a scrambled order.
        const order = [
          ...Array.from({ length: total + 1 }, (_, k) => k),
          ...Array.from({ length: total + 1 }, (_, k) => total - k),
        ];
        for (let k = 0; k <= total; k += 7) order.push((k * 13) % (total + 1));
        const expected = new Map<number, ReturnType<typeof engineAt>>();
        for (const k of order) {
          r.moveTo(k);
          expect(r.step).toBe(k);
          if (!expected.has(k)) expected.set(k, engineAt(flat, k));
          expect(replayAt(r), `${alg.id} ${mode} step ${k}`).toEqual(expected.get(k));
        }
      });
    }

    it(`${alg.id}: a long jump through the Simulation's checkpoints gives the same view`, () => {
      const flat = suitableFlat(alg, 'async');
      const sim = recorded(flat);
      const a = new Replay(sim);
      const b = new Replay(sim);
      const total = sim.trace.length;
      for (const k of [total, Math.floor(total / 3), 0, total - 1, Math.floor(total / 2)]) {
        a.moveTo(k);
        b.syncFromSim(k);
        expect(replayAt(b)).toEqual(replayAt(a));
        // b's incremental moves from a synced position stay right too
        b.moveTo(Math.max(0, k - 3));
        a.moveTo(Math.max(0, k - 3));
        expect(replayAt(b)).toEqual(replayAt(a));
      }
    });

    it(`${alg.id}: at the last step the counts are the CLI summary's`, () => {
      const flat = suitableFlat(alg, 'sync');
      const sim = recorded(flat);
      const r = new Replay(sim);
      r.moveTo(sim.trace.length);
      const p = parseFlat(flat);
      const run = p.ok ? buildRun(p.value) : null;
      if (!run?.ok) throw new Error('scenario');
      const cli = summarize(new Simulation({ ...run.value, record: false }).runToEnd());
      expect(r.sent).toBe(cli.messages);
      expect(r.sentByKind).toEqual(cli.messagesByKind);
      expect(r.lastDeliveryTime).toBe(cli.rounds);
      expect(r.result().leader).toBe(cli.leader);
      // A run that stops at its horizon (C18: Raft, leases) may leave sends that arrive after it.
      const late = sim.trace.flatMap((e) => e.sends).filter((m) => m.deliverAt > sim.until).length;
      expect(r.inFlight.size).toBe(late);
    });
  }

  it('the counts at any cursor, read from every 64th step, equal a plain count over the trace (loss and copies)', () => {
    // HS on 24 nodes, async, with loss and duplicates: hundreds of steps, so many blocks of 64, and
    // sends, copies, deliveries and drops all occur.
    const sim = recorded({ v: '1', alg: 'hs', n: '24', mode: 'async', seed: '3', loss: '0.05', dup: '0.2' });
    const trace = sim.trace;
    expect(trace.length).toBeGreaterThan(5 * 64);
    // The naive counts after each step, from the trace entries themselves.
    const naive = [{ sent: 0, copies: 0, delivered: 0, lost: 0, last: 0 }];
    trace.forEach((e, k) => {
      const p = naive[k]!;
      const copies = e.sends.filter((m) => m.copy).length;
      naive.push({
        sent: p.sent + e.sends.length - copies,
        copies: p.copies + copies,
        delivered: p.delivered + (e.kind === 'deliver' ? 1 : 0),
        lost: p.lost + (e.kind === 'drop' ? 1 : 0),
        last: e.kind === 'deliver' ? e.time : p.last,
      });
    });
    expect(naive.at(-1)!.copies).toBeGreaterThan(0);
    expect(naive.at(-1)!.lost).toBeGreaterThan(0);
    const r = new Replay(sim);
    const seen = () => ({
      sent: r.sent,
      copies: r.duplicated,
      delivered: r.delivered,
      lost: r.lost,
      last: r.lastDeliveryTime,
    });
    // Forwards, backwards, and jumps that land on and beside block edges.
    const order = [
      ...trace.map((_, k) => k + 1),
      ...trace.map((_, k) => trace.length - 1 - k),
      64,
      63,
      65,
      0,
      128,
      127,
      trace.length,
      1,
      191,
      192,
    ];
    for (const k of order) {
      r.moveTo(k);
      expect(seen(), `step ${k}`).toEqual(naive[k]);
    }
    // Each message's step of sending, as the trace lists it.
    trace.forEach((e, k) => {
      for (const m of e.sends) expect(r.sendStepOf(m.seq)).toBe(k + 1);
    });
  });

  it('finds where a message was sent and delivered', () => {
    // LCR on ids 3,1,2 (sync): 3's election(3) goes 3 → 1 at step 1 (init), is delivered in round 1.
    const sim = recorded({ v: '1', alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    const r = new Replay(sim);
    const first = sim.trace[0]!;
    expect(first.node).toBe(3);
    const seq = first.sends[0]!.seq;
    const m = r.message(seq)!;
    expect(m).toMatchObject({ from: 3, to: 1, sendTime: 0, deliverAt: 1, sendStep: 1 });
    const k = r.deliveryStep(seq)!;
    expect(sim.trace[k - 1]).toMatchObject({ kind: 'deliver', node: 1, from: 3, time: 1, msgSeq: seq });
  });

  it('moveToward stops where the budget says, counting a step and each message it sent as work', () => {
    // Bully on a complete graph of 40: the start-up steps send to every higher id (up to 39 messages).
    const sim = recorded({ v: '1', alg: 'bully', n: '40' });
    const total = sim.trace.length;
    const r = new Replay(sim);
    const ref = new Replay(sim);
    // Never enough: it gets there, like moveTo.
    expect(r.moveToward(total, () => false)).toBe(total);
    ref.moveTo(total);
    expect(replayAt(r)).toEqual(replayAt(ref));
    // Enough at the first look: it stops at the first step where the work (1 + sends a step) reaches 512.
    r.moveTo(0);
    let work = 0;
    let expected = 0;
    while (expected < total && work < 512) work += 1 + sim.trace[expected++]!.sends.length;
    const reached = r.moveToward(total, () => true);
    expect(reached).toBe(expected);
    ref.moveTo(expected);
    expect(replayAt(r)).toEqual(replayAt(ref));
    // Backwards too, a look after every 512 units of work undone.
    let looks = 0;
    expect(r.moveToward(0, () => ++looks >= 1_000_000)).toBe(0);
    expect(looks).toBeGreaterThan(0);
    ref.moveTo(0);
    expect(replayAt(r)).toEqual(replayAt(ref));
  });
});
