import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm, Reaction } from '../../src/engine/types';
import { Simulation } from '../../src/engine/simulation';
import { EV_DELIVER, EV_LOSE } from '../../src/engine/queue';
import { findAlgorithm } from '../../src/algorithms/registry';

import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { PRESETS } from '../../src/scenario/presets';
import { decodeScenario } from '../../src/scenario/url';

/**
 * The recorded trace keeps no text and no states (src/engine/recorded.ts): a step's note, pseudo-code
 * lines and its node's states before and after are derived again from the algorithm's handler when
 * read, the states from the node's state at the checkpoint before. Expected values come from a naive second
 * recording: the same run with every handler wrapped so that each reaction it returns is kept, by the
 * step it made, exactly as the old recording stored it.
 */

type AnyReaction = Reaction<unknown, { kind: string }, unknown>;

interface Logged {
  before: unknown;
  r: AnyReaction;
}

/** The algorithm with every handler logging its reaction under the step the engine is computing. */
function logging(alg: AnyAlgorithm, step: () => number, log: Map<number, Logged>, on: { live: boolean }) {
  const keep = (k: number, before: unknown, r: AnyReaction | null) => {
    if (on.live && r !== null) log.set(k, { before, r });
    return r;
  };
  const a = alg as unknown as Record<string, unknown> & AnyAlgorithm;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(alg) as object) as Record<
    string,
    unknown
  >;
  Object.assign(out, alg);
  out.init = (ctx: unknown, p: unknown) =>
    keep(step(), null, (a.init as (...x: unknown[]) => AnyReaction)(ctx, p));
  out.onMessage = (s: unknown, ...rest: unknown[]) =>
    keep(step(), s, (a.onMessage as (...x: unknown[]) => AnyReaction)(s, ...rest));
  if (a.onTimer)
    out.onTimer = (s: unknown, ...rest: unknown[]) =>
      keep(step(), s, (a.onTimer as (...x: unknown[]) => AnyReaction)(s, ...rest));
  if (a.onSuspect)
    out.onSuspect = (s: unknown, ...rest: unknown[]) =>
      keep(step(), s, (a.onSuspect as (...x: unknown[]) => AnyReaction)(s, ...rest));
  if (a.recover)
    out.recover = (s: unknown, ...rest: unknown[]) =>
      keep(step(), s, (a.recover as (...x: unknown[]) => AnyReaction)(s, ...rest));
  // A barrier call is made before the engine counts its step, and one that finds nothing is no step.
  if (a.onBarrier)
    out.onBarrier = (s: unknown, ...rest: unknown[]) =>
      keep(step() + 1, s, (a.onBarrier as (...x: unknown[]) => AnyReaction | null)(s, ...rest));
  return out as unknown as AnyAlgorithm;
}

function build(flat: Flat) {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) return null;
  const r = buildRun(p.value);
  return r.ok ? r.value : null;
}

const scenario: fc.Arbitrary<Flat> = fc
  .record({
    alg: fc.constantFrom('lcr', 'hs', 'bully', 'ghs', 'chang-roberts', 'peterson', 'floodmax', 'franklin'),
    n: fc.integer({ min: 3, max: 9 }),
    mode: fc.constantFrom('sync', 'async'),
    maxDelay: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    ids: fc.constantFrom('asc', 'desc', 'random'),
    loss: fc.constantFrom(0, 0, 0.1, 0.3),
    dup: fc.constantFrom(0, 0, 0.3),
    crash: fc.option(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 })), {
      nil: undefined,
    }),
    recoverAfter: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  })
  .map((s) => {
    const f: Flat = { alg: s.alg, n: String(s.n), mode: s.mode, seed: String(s.seed), ids: s.ids };
    if (s.alg === 'ghs') f.topo = 'random';
    if (s.mode === 'async') f.maxDelay = String(s.maxDelay);
    if (s.loss) f.loss = String(s.loss);
    if (s.dup) f.dup = String(s.dup);
    if (s.crash && s.crash[0] <= s.n) {
      f.crashes = `${s.crash[0]}@${s.crash[1]}`;
      if (s.recoverAfter) f.recover = `${s.crash[0]}@${s.crash[1] + s.recoverAfter}`;
    }
    return f;
  });

describe('recorded trace: text derived on demand, as the old recording stored it', () => {
  it('every step’s notes, lines and states equal the handler’s own reaction; the hash is the headless one', () => {
    let ran = 0;
    fc.assert(
      fc.property(scenario, (flat) => {
        const spec = build(flat);
        if (spec === null) return; // a refused combination (an algorithm that takes no such fault)
        ran++;
        const log = new Map<number, Logged>();
        const on = { live: true };
        let sim: Simulation | null = null;
        const alg = logging(spec.algorithm as AnyAlgorithm, () => sim!.step, log, on);
        sim = new Simulation({ ...spec, algorithm: alg, record: true, checkInvariants: true });
        sim.runToEnd();
        on.live = false;
        const headless = new Simulation({ ...spec, record: false }).runToEnd();
        expect(sim.traceHash()).toBe(headless.traceHash());
        // A step's sends are the journal's messages with its step number, found by binary search:
        // the step numbers never fall as the seqs rise, and a plain scan finds the same messages.
        const j = sim.journal;
        const naive: number[][] = sim.trace.map(() => []);
        for (let q = 0; q < j.length; q++) {
          if (q > 0) expect(j.sendStepOf(q)).toBeGreaterThanOrEqual(j.sendStepOf(q - 1));
          if (j.typeOf(q) === EV_DELIVER || j.typeOf(q) === EV_LOSE) naive[j.sendStepOf(q) - 1]?.push(q);
        }
        expect(sim.trace.map((e) => e.sends.map((m) => m.seq))).toEqual(naive);
        // Read in reverse: a note must not depend on which steps were read before it.
        for (let k = sim.trace.length - 1; k >= 0; k--) {
          const e = sim.trace[k]!;
          const got = log.get(e.step);
          if (got && e.kind !== 'drop') {
            expect(e.lines).toEqual(got.r.lines ?? []);
            // Equal, not the same objects: the states are made again by the handlers.
            expect(e.after).toEqual(got.r.state);
            if (e.kind !== 'init' && e.kind !== 'recover') expect(e.before).toEqual(got.before);
            if (got.r.note && e.kind === 'recover') expect(e.note.endsWith(`: ${got.r.note}`)).toBe(true);
            else if (got.r.note) expect(e.note).toBe(got.r.note);
          } else {
            // No handler ran (a crash, a drop, a timer without handler): no lines, the engine's
            // sentence, and the state is left as it was.
            expect(e.lines).toEqual([]);
            expect(e.after).toEqual(e.before);
          }
          expect(e.note.length).toBeGreaterThan(0);
        }
        // A second recording read step by step as it grows gives the same text (nothing read later).
        const again = new Simulation({ ...spec, record: true, checkInvariants: true });
        const notes: string[] = [];
        while (again.stepForward()) notes.push(again.trace[again.trace.length - 1]!.note);
        expect(notes).toEqual(sim.trace.map((e) => e.note));
        // Seeking back and forth does not change what is read.
        again.seek(Math.floor(again.step / 2));
        expect(again.trace.map((e) => e.note)).toEqual(notes);

        // The states read in order, in reverse and in a shuffled order (each on a fresh recording, so
        // no reading order fills what another reads) are the same; each step's state before is its
        // node's state after its previous step (null before the first), and the last are the run's.
        const statesOf = (order: number[]) => {
          const r = new Simulation({ ...spec, record: true, checkpointEvery: 4 }).runToEnd();
          const out: [unknown, unknown][] = [];
          for (const k of order) out[k] = [r.trace[k]!.before, r.trace[k]!.after];
          return out;
        };
        const steps = sim.trace.map((_, k) => k);
        const forward = statesOf(steps);
        expect(statesOf([...steps].reverse())).toEqual(forward);
        const shuffled = [...steps].sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101) || a - b);
        expect(statesOf(shuffled)).toEqual(forward);
        const last = new Map<number, unknown>();
        sim.trace.forEach((e, k) => {
          expect(forward[k]![0]).toEqual(last.has(e.node) ? last.get(e.node) : null);
          last.set(e.node, forward[k]![1]);
        });
        const final = sim.nodeStates();
        spec.graph.ids.forEach((id, i) => {
          if (last.has(id)) expect(last.get(id)).toEqual(final[i]);
        });
      }),
      { numRuns: 60, seed: 11 },
    );
    expect(ran).toBeGreaterThan(30);
  });

  it('a step’s note read first calls its handler once, as when its states were read before it', () => {
    // Each step of a fresh recording, read in two orders: note first, or states then note. Deriving the
    // state after a step makes its text too, so both orders cost the same handler calls (the walk from
    // the checkpoint, then the step itself once).
    const spec = build({ alg: 'lcr', n: '6', ids: 'desc', mode: 'sync' })!;
    const calls = { n: 0 };
    const counting = { ...spec.algorithm } as AnyAlgorithm;
    const onMessage = spec.algorithm.onMessage.bind(spec.algorithm);
    counting.onMessage = (...args: Parameters<AnyAlgorithm['onMessage']>) => {
      calls.n++;
      return onMessage(...args);
    };
    const fresh = () => new Simulation({ ...spec, algorithm: counting, record: true }).runToEnd();
    const total = fresh().trace.length;
    const cost = (k: number, read: (e: { note: string; after: unknown }) => unknown) => {
      const t = fresh().trace;
      calls.n = 0;
      read(t[k]!);
      return calls.n;
    };
    let delivered = 0;
    for (let k = 0; k < total; k++) {
      const noteFirst = cost(k, (e) => e.note);
      const statesFirst = cost(k, (e) => [e.after, e.note]);
      expect(noteFirst, `step ${k + 1}`).toBe(statesFirst);
      if (noteFirst > 0) delivered++;
    }
    expect(delivered).toBeGreaterThan(total / 2);
  });

  it('reads like the array it replaces: index, length, iteration, Array methods, JSON', () => {
    const spec = build({ alg: 'lcr', n: '5', ids: 'desc', mode: 'sync' })!;
    const sim = new Simulation({ ...spec, record: true }).runToEnd();
    const t = sim.trace;
    // LCR worst case on 5 nodes: 5 start-ups, n(n+1)/2 = 15 election deliveries, n = 5 announcements.
    expect(t.length).toBe(5 + (5 * 6) / 2 + 5);
    expect(Array.isArray(t)).toBe(true);
    expect([...t].map((e) => e.step)).toEqual(Array.from({ length: t.length }, (_, i) => i + 1));
    expect(t[0]).toBe(t[0]);
    expect(t[t.length]).toBeUndefined();
    expect(t.filter((e) => e.kind === 'init')).toHaveLength(5);
    expect(t.slice(-1)[0]!.step).toBe(t.length);
    expect(JSON.parse(JSON.stringify(t.slice(0, 1)))[0].kind).toBe('init');
    expect(() => (t as unknown as unknown[]).push(1)).toThrow();
  });
});

describe('recorded states, for every algorithm', () => {
  it('each preset’s recorded states before and after every step are the run’s own, read in any order', () => {
    let presets = 0;
    for (const preset of PRESETS) {
      const d = decodeScenario(preset.link);
      if (!d.ok) continue;
      const r = buildRun(d.value);
      if (!r.ok) continue;
      presets++;
      // The run's own states: the stepped node's state right after each step, as the engine holds it.
      const live = new Simulation({ ...r.value, record: true, checkpointEvery: 16 });
      const position = new Map(r.value.graph.ids.map((id, i) => [id, i]));
      const after: unknown[] = [];
      const before: unknown[] = [];
      let states = live.nodeStates().slice();
      while (live.stepForward() && live.step < 3_000) {
        const e = live.trace[live.step - 1]!;
        const i = position.get(e.node)!;
        before.push(states[i]);
        states = live.nodeStates().slice();
        after.push(states[i]);
      }
      const steps = before.length;
      // Read back to front from a fresh recording: every state re-derived from a checkpoint.
      const read = new Simulation({ ...r.value, record: true, checkpointEvery: 16 });
      for (let k = 0; k < steps; k++) read.stepForward();
      for (let k = steps - 1; k >= 0; k--) {
        const e = read.trace[k]!;
        expect(e.after, `${preset.id}, step ${k + 1}`).toEqual(after[k]);
        expect(e.before, `${preset.id}, step ${k + 1}`).toEqual(before[k]);
      }
    }
    expect(presets).toBeGreaterThan(20);
  });
});

describe('node positions past 16 bits', () => {
  it('a recording of 33,000 nodes names each step’s node and each message’s ends right (4 B positions)', () => {
    const n = 33_000;
    // Ids counting down, so that a position past 32,767 would read back as some other node.
    const ids = Array.from({ length: n }, (_, i) => n - i);
    const edges = ids.map((_, a) => ({ a, b: (a + 1) % n, w: 1 }));
    const sim = new Simulation({
      algorithm: findAlgorithm('lcr')! as AnyAlgorithm,
      params: {},
      graph: { kind: 'ring-uni', ids, directed: true, edges, weighted: false, ring: true },
      timing: { mode: 'sync', maxDelay: 1 },
      faults: { crashed: [], crashes: [] },
      seed: 1,
      record: true,
    });
    // The start-ups come in position order: step k + 1 is position k's, sending to position k + 1.
    for (let k = 0; k < n; k++) sim.stepForward();
    for (const k of [0, 32_766, 32_767, 32_768, n - 1]) {
      const e = sim.trace[k]!;
      expect(e.node).toBe(ids[k]);
      expect(e.sends.map((m) => [m.from, m.to])).toEqual([[ids[k], ids[(k + 1) % n]]]);
    }
  });
});
