import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicatedAt } from '../../src/engine/draw';
import type { Simulation } from '../../src/engine/simulation';
import type { SentMessage } from '../../src/engine/types';
import { messageName } from '../../src/scenario/live';
import type { Flat } from '../../src/scenario/parse';
import { simulate } from '../util/run';

/**
 * Explicit drops (C25) and duplicates (C26). The names of the messages are recomputed here by a naive
 * second reading of the trace: every send in step order, numbered per directed channel, copies aside.
 */
function namedSends(sim: Simulation): { name: string; m: SentMessage; step: number }[] {
  const count = new Map<string, number>();
  const out: { name: string; m: SentMessage; step: number }[] = [];
  for (const e of sim.trace)
    for (const m of e.sends) {
      if (m.copy) continue;
      const channel = `${m.from}-${m.to}`;
      const k = (count.get(channel) ?? 0) + 1;
      count.set(channel, k);
      out.push({ name: `${channel}#${k}`, m, step: e.step });
    }
  return out;
}

/** The step that delivered or dropped the message with this seq (0: none in the trace). */
const arrival = (sim: Simulation, seq: number) => sim.trace.find((e) => e.msgSeq === seq)?.step ?? 0;

const ALGS = ['lcr', 'chang-roberts', 'hs', 'franklin', 'floodmax', 'bully'] as const;

function flatOf(alg: string, n: number, mode: string, seed: number): Flat {
  const flat: Flat = { alg, n: String(n), ids: 'random', mode, seed: String(seed) };
  if (alg === 'floodmax') flat.topo = 'ring-bi';
  return flat;
}

describe('explicit drops (C25)', () => {
  it('the drops hit exactly the messages they name, by a naive count of the trace', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGS),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('sync', 'async'),
        fc.nat(10_000),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (alg, n, mode, seed, picks) => {
          const flat = flatOf(alg, n, mode, seed);
          const plain = simulate(flat);
          const sends = namedSends(plain);
          fc.pre(sends.length > 0);
          const chosen = [...new Set(picks.map((p) => sends[p % sends.length]!.name))];
          const dropped = simulate({ ...flat, drop: chosen.join(',') });
          // Dropping changes the run after the first drop: the names are read again in the new run.
          const lostNames = namedSends(dropped)
            .filter((s) => s.m.lost)
            .map((s) => s.name);
          const present = new Set(namedSends(dropped).map((s) => s.name));
          expect(lostNames.sort()).toEqual(chosen.filter((c) => present.has(c)).sort());
          const c = dropped.getCounters();
          // Nothing else loses a message here: lost is the drops, as many as the drop steps.
          expect(c.lost).toBe(dropped.trace.filter((e) => e.kind === 'drop').length);
          expect(c.lost).toBe(lostNames.length);
          expect(c.delivered + c.lost).toBe(c.sent);
          expect(dropped.violations).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a dropped message changes nothing before it arrives, and is lost where it would have arrived', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGS),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('sync', 'async'),
        fc.nat(10_000),
        fc.nat(),
        (alg, n, mode, seed, pick) => {
          const flat = flatOf(alg, n, mode, seed);
          const plain = simulate(flat);
          const sends = namedSends(plain);
          fc.pre(sends.length > 0);
          const target = sends[pick % sends.length]!;
          // messageName (the live control's reading) agrees with the naive count.
          const name = messageName(plain.trace, target.m.seq, target.step)!;
          expect(`${name.from}-${name.to}#${name.k}`).toBe(target.name);
          const at = arrival(plain, target.m.seq);
          const dropped = simulate({ ...flat, drop: target.name });
          const strip = (sim: Simulation, k: number) =>
            sim.trace.slice(0, k).map((e) => ({
              kind: e.kind,
              node: e.node,
              time: e.time,
              sends: e.sends.map((m) => [m.seq, m.to, m.deliverAt]),
            }));
          expect(strip(dropped, at - 1)).toEqual(strip(plain, at - 1));
          const lostStep = dropped.trace[at - 1]!;
          expect(lostStep).toMatchObject({ kind: 'drop', msgSeq: target.m.seq, node: target.m.to });
          expect(lostStep.note).toContain(`drops it by name (drop ${target.name})`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hand-worked: LCR 1..6 ascending, sync, dropping 6-1#1 swallows the largest uid: no leader', () => {
    // 6's uid is the only one that goes all the way round; its first hop is 6 → 1. Lost there, every
    // other uid is swallowed by a larger one, so nobody is elected and the monitor says so.
    const sim = simulate({ alg: 'lcr', ids: 'asc', n: '6', mode: 'sync', drop: '6-1#1' });
    expect(sim.result().leader).toBeNull();
    expect(sim.getCounters().lost).toBe(1);
    expect(sim.getCounters().lostByKind).toEqual({ election: 1 });
    expect(sim.monitors!.violations.map((v) => v.message)).toContain('the run ended with no leader');
  });

  it('a drop naming a message that is never sent changes nothing (same hash)', () => {
    const plain = simulate({ alg: 'lcr', ids: 'asc', n: '6', mode: 'sync' });
    const far = simulate({ alg: 'lcr', ids: 'asc', n: '6', mode: 'sync', drop: '1-2#99' });
    expect(far.traceHash()).toBe(plain.traceHash());
    expect(far.getCounters()).toEqual(plain.getCounters());
  });

  it('stepping back over a drop replays it: seek reaches the same hash and counts', () => {
    const sim = simulate({ alg: 'hs', n: '6', ids: 'asc', mode: 'async', seed: '3', drop: '1-2#2,4-3#1' });
    expect(sim.getCounters().lost).toBe(2);
    const end = sim.step;
    const hash = sim.traceHash();
    const counts = sim.getCounters();
    sim.seek(3);
    sim.seek(end);
    expect(sim.traceHash()).toBe(hash);
    expect(sim.getCounters()).toEqual(counts);
  });
});

describe('duplicates (C26)', () => {
  it('p = 0 is the run without the key: trace hash and every count the same', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGS, 'peterson', 'ghs', 'itai-rodeh', 'tree'),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('sync', 'async'),
        fc.nat(10_000),
        (alg, n, mode, seed) => {
          const flat = flatOf(alg, n, mode, seed);
          if (alg === 'ghs') flat.topo = 'complete';
          if (alg === 'tree') flat.topo = 'tree';
          if (alg === 'itai-rodeh') delete flat.ids;
          const plain = simulate(flat);
          const zero = simulate({ ...flat, dup: '0' });
          expect(zero.traceHash()).toBe(plain.traceHash());
          expect(zero.getCounters()).toEqual(plain.getCounters());
          expect(zero.getCounters().duplicated).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('every copy is delivered or lost besides its original; FIFO holds on every channel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGS),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('sync', 'async'),
        fc.nat(10_000),
        fc.constantFrom('0.1', '0.3', '0.5'),
        (alg, n, mode, seed, dup) => {
          // checkInvariants (simulate's default here) reports a FIFO break in `violations`.
          const sim = simulate({ ...flatOf(alg, n, mode, seed), dup });
          const c = sim.getCounters();
          const copies = sim.trace.flatMap((e) => e.sends).filter((m) => m.copy);
          expect(c.duplicated).toBe(copies.length);
          // A run the copies blow up stops at its step budget with messages still in flight.
          expect(c.delivered + c.lost + sim.inFlight().length).toBe(c.sent + c.duplicated);
          expect(sim.violations).toEqual([]);
          // A copy follows its original on the channel: sent together, it arrives no earlier.
          for (const e of sim.trace) {
            const sends = e.sends;
            for (let i = 1; i < sends.length; i++)
              if (sends[i]!.copy) expect(sends[i]!.deliverAt).toBeGreaterThanOrEqual(sends[i - 1]!.deliverAt);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('the duplicate draw is uniform and apart from the loss draw', () => {
    const N = 100_000;
    for (const [seed, p] of [
      [1, 0.1],
      [9, 0.5],
    ] as const) {
      let dup = 0;
      for (let seq = 0; seq < N; seq++) if (duplicatedAt(seed, seq, p)) dup++;
      const sigma = Math.sqrt(N * p * (1 - p));
      expect(Math.abs(dup - N * p)).toBeLessThan(4 * sigma);
    }
  });

  it('loss and duplicates together: a lost message has no copy, and the counts still add up', () => {
    const sim = simulate({
      alg: 'lcr',
      n: '8',
      ids: 'random',
      mode: 'async',
      seed: '5',
      loss: '0.2',
      dup: '0.5',
    });
    const c = sim.getCounters();
    expect(c.delivered + c.lost).toBe(c.sent + c.duplicated);
    for (const e of sim.trace)
      e.sends.forEach((m, i) => {
        if (m.copy) expect(e.sends[i - 1]!.lost).toBeUndefined();
      });
  });

  it('a drop by name takes that message only: its copy still arrives, as without the drop', () => {
    // LCR 1..4 ascending, every message copied: 4's uid on its first hop (4 → 1) dropped by name.
    const sim = simulate({ alg: 'lcr', ids: 'asc', n: '4', mode: 'sync', dup: '1', drop: '4-1#1' });
    const sends = sim.trace.filter((e) => e.kind === 'init').flatMap((e) => e.sends);
    const i = sends.findIndex((m) => m.from === 4 && m.to === 1 && !m.copy);
    expect(sends[i]!.lost).toBe(true);
    expect(sends[i + 1]).toMatchObject({ from: 4, to: 1, copy: true });
    expect(sim.trace.find((e) => e.msgSeq === sends[i + 1]!.seq)!.kind).toBe('deliver');
    expect(sim.result().leader).toBe(4);
  });

  it('p = 1 in sync mode: every message arrives twice in its round, the copy right after it', () => {
    // LCR 1..4 ascending: each start-up uid is sent once (4 sends) and copied (4 copies).
    const sim = simulate({ alg: 'lcr', ids: 'asc', n: '4', mode: 'sync', dup: '1' });
    const first = sim.trace.filter((e) => e.kind === 'init').flatMap((e) => e.sends);
    expect(first.map((m) => Boolean(m.copy))).toEqual([false, true, false, true, false, true, false, true]);
    for (let i = 0; i < first.length; i += 2) {
      expect(first[i + 1]!.deliverAt).toBe(first[i]!.deliverAt);
      expect(first[i + 1]!.seq).toBe(first[i]!.seq + 1);
    }
  });
});
