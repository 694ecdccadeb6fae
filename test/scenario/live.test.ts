import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/algorithms/registry';
import { Simulation } from '../../src/engine/simulation';
import type { TraceEntry } from '../../src/engine/types';
import { buildRun } from '../../src/scenario/build';
import {
  crashNow,
  cutNow,
  dropNow,
  healNow,
  liveTime,
  messageName,
  recoverNow,
  undropNow,
  type LiveResult,
} from '../../src/scenario/live';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';
import { suitableFlat } from '../store/scenarios';

function scenario(flat: Flat): Scenario {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return p.value;
}

function recorded(s: Scenario, steps = 4000): Simulation {
  const spec = buildRun(s);
  if (!spec.ok) throw new Error(spec.errors[0]!.message);
  const sim = new Simulation({ ...spec.value, record: true, checkInvariants: true });
  while (sim.trace.length < steps && sim.stepForward());
  return sim;
}

/** What a step is, as the page shows it: who, when, what was received and sent, the state after. */
const seen = (e: TraceEntry) => ({
  time: e.time,
  kind: e.kind,
  node: e.node,
  from: e.from,
  msg: e.msg,
  sends: e.sends.map((m) => [m.to, m.msg, m.deliverAt, m.lost === true]),
  after: e.after,
  roleAfter: e.roleAfter,
});

const value = (r: LiveResult): Scenario => {
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
};

describe('live faults: a fault added at the cursor leaves every step before it as it was', () => {
  it('crash, recover, cut and heal at any step, for every algorithm, sync and async, with and without loss', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGORITHMS),
        fc.constantFrom('sync' as const, 'async' as const),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(0, 0.2),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('crash', 'recover', 'cut', 'heal'),
        (alg, mode, seed, loss, k0, who, what) => {
          const flat: Flat = { ...suitableFlat(alg, mode), seed: String(seed) };
          if (loss > 0) flat.loss = String(loss);
          const base = scenario(flat);
          const sim = recorded(base);
          const k = Math.min(k0, sim.trace.length);
          const at = liveTime(sim.trace, k);
          const ids = sim.graph.ids;
          const pos = who % ids.length;
          const id = ids[pos]!;
          let next: Scenario;
          if (what === 'crash' || what === 'recover') {
            if (base.faults.crashed.includes(id)) return;
            next = value(crashNow(base, id, at));
            if (what === 'recover') next = value(recoverNow(next, id, at + 3));
          } else {
            const edge = neighbour(sim, pos);
            if (edge === null) return;
            next = value(cutNow(base, id, edge, at, what === 'cut' ? 5 : null));
            if (what === 'heal') next = value(healNow(next, id, edge, at + 2));
          }
          const after = recorded(next, k + 200);
          expect(after.trace.slice(0, k).map(seen)).toEqual(sim.trace.slice(0, k).map(seen));
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });
});

describe('drop this message (C25): a drop added at the cursor', () => {
  it('leaves every step up to the cursor as it was, loses the message at its arrival, for every algorithm', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGORITHMS),
        fc.constantFrom('sync' as const, 'async' as const),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(0, 0.3),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        (alg, mode, seed, dup, k0, pick) => {
          const flat: Flat = { ...suitableFlat(alg, mode), seed: String(seed) };
          if (dup > 0) flat.dup = String(dup);
          const base = scenario(flat);
          const sim = recorded(base);
          const k = Math.min(k0, sim.trace.length);
          // The messages in flight at the cursor that would arrive: sent by step k, arriving after it.
          const arrives = new Map<number, number>();
          sim.trace.forEach((e) => e.msgSeq !== undefined && arrives.set(e.msgSeq, e.step));
          const flying = sim.trace
            .slice(0, k)
            .flatMap((e) => e.sends.map((m) => ({ m, step: e.step })))
            .filter(({ m }) => !m.copy && !m.lost && (arrives.get(m.seq) ?? Infinity) > k);
          if (flying.length === 0) return;
          const { m, step } = flying[pick % flying.length]!;
          const name = messageName(sim.trace, m.seq, step)!;
          const next = value(dropNow(base, name));
          const after = recorded(next, k + 200);
          expect(after.trace.slice(0, k).map((e) => ({ ...seen(e), sends: e.sends.length }))).toEqual(
            sim.trace.slice(0, k).map((e) => ({ ...seen(e), sends: e.sends.length })),
          );
          const lost = after.trace.find((e) => e.msgSeq === m.seq);
          if (lost) expect(lost.kind).toBe('drop');
          // Taken back, the run is the one before the drop.
          const back = recorded(value(undropNow(next, name)), k + 200);
          expect(back.traceHash()).toBe(recorded(base, k + 200).traceHash());
        },
      ),
      { numRuns: 80, seed: 5 },
    );
  });

  it('refuses a drop given twice and a removal of a drop that is not there, in one line', () => {
    const base = scenario({ alg: 'lcr', ids: '1,2,3', mode: 'sync' });
    const once = value(dropNow(base, { from: 1, to: 2, k: 1 }));
    expect(dropNow(once, { from: 1, to: 2, k: 1 })).toEqual({
      ok: false,
      message: '1-2#1 is dropped already',
    });
    expect(undropNow(base, { from: 1, to: 2, k: 1 })).toEqual({ ok: false, message: '1-2#1 is not dropped' });
  });
});

/** The id of a neighbour of the node at position `pos` (edges are position pairs). */
function neighbour(sim: Simulation, pos: number): number | null {
  for (const e of sim.graph.edges) {
    if (e.a === pos) return sim.graph.ids[e.b]!;
    if (e.b === pos) return sim.graph.ids[e.a]!;
  }
  return null;
}
