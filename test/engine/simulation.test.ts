import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcr } from '../../src/algorithms/lcr';
import { Simulation } from '../../src/engine/simulation';
import type { Algorithm } from '../../src/engine/types';
import { ring } from '../../src/topology/ring';
import { simulate } from '../util/run';

const noFaults = { crashed: [], crashes: [] };

describe('Simulation: determinism', () => {
  it('the same scenario gives the same traceHash twice; another seed changes the async hash', () => {
    const a = simulate({ alg: 'lcr', n: '12', ids: 'random', mode: 'async', seed: '42' });
    const b = simulate({ alg: 'lcr', n: '12', ids: 'random', mode: 'async', seed: '42' });
    const c = simulate({ alg: 'lcr', n: '12', ids: 'random', mode: 'async', seed: '43' });
    expect(a.traceHash()).toBe(b.traceHash());
    expect(a.traceHash()).not.toBe(c.traceHash());
    expect(a.traceHash()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('recording off (headless) gives the same hash and counts as recording on', () => {
    const on = simulate({ alg: 'chang-roberts', n: '20', ids: 'random', mode: 'async', seed: '9' });
    const off = simulate(
      { alg: 'chang-roberts', n: '20', ids: 'random', mode: 'async', seed: '9' },
      { record: false },
    );
    expect(off.traceHash()).toBe(on.traceHash());
    expect(off.getCounters()).toEqual(on.getCounters());
    expect(off.trace).toEqual([]);
  });

  it('seek and step back replay exactly: same states, counters and hash after any round trip', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (seed, targets) => {
        const full = simulate(
          { alg: 'lcr', n: '10', ids: 'random', mode: 'async', seed: String(seed) },
          { checkpointEvery: 7 },
        );
        const total = full.step;
        const endHash = full.traceHash();
        const endCounters = full.getCounters();
        // a second run records the state at every step, the reference for the seeks
        const ref = simulate(
          { alg: 'lcr', n: '10', ids: 'random', mode: 'async', seed: String(seed) },
          { checkpointEvery: 7 },
        );
        const statesAt: unknown[][] = [];
        const hashAt: string[] = [];
        ref.seek(0);
        for (let k = 0; k <= total; k++) {
          ref.seek(k);
          statesAt.push([...ref.nodeStates()]);
          hashAt.push(ref.traceHash());
        }
        for (const t of targets) {
          const k = t % (total + 1);
          full.seek(k);
          expect(full.step).toBe(k);
          expect([...full.nodeStates()]).toEqual(statesAt[k]);
          expect(full.traceHash()).toBe(hashAt[k]);
          if (k > 0) {
            full.stepBack();
            expect(full.step).toBe(k - 1);
            expect(full.traceHash()).toBe(hashAt[k - 1]);
          }
        }
        full.seek(total);
        expect(full.traceHash()).toBe(endHash);
        expect(full.getCounters()).toEqual(endCounters);
        expect(full.trace.length).toBe(total);
      }),
      { numRuns: 40 },
    );
  });

  it('in-flight messages at a step are those sent and not yet delivered', () => {
    const sim = simulate({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    sim.seek(3); // the three inits have sent election(3), election(1), election(2)
    expect(
      sim.inFlight().map((m) => `${m.from}→${m.to} ${lcr.label!(m.msg as never)} @${m.deliverAt}`),
    ).toEqual(['3→1 election(3) @1', '1→2 election(1) @1', '2→3 election(2) @1']);
    sim.seek(4);
    expect(sim.inFlight().map((m) => m.from)).toEqual([1, 2, 1]);
  });
});

describe('Simulation: semantics', () => {
  it('async links are FIFO: on every link messages arrive in the order they were sent', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 30 }), (seed, maxDelay) => {
        const sim = simulate({
          alg: 'lcr',
          n: '15',
          ids: 'random',
          mode: 'async',
          seed: String(seed),
          maxDelay: String(maxDelay),
        });
        const lastSeq = new Map<string, number>();
        for (const e of sim.trace) {
          if (e.kind !== 'deliver') continue;
          const link = `${e.from}>${e.node}`;
          expect(e.msgSeq!).toBeGreaterThan(lastSeq.get(link) ?? -1);
          lastSeq.set(link, e.msgSeq!);
        }
        expect(sim.violations).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('async delays lie in [1, maxDelay] before FIFO pushes them later', () => {
    const sim = simulate({ alg: 'lcr', n: '30', ids: 'desc', mode: 'async', seed: '3', maxDelay: '4' });
    for (const e of sim.trace)
      for (const s of e.sends) expect(s.deliverAt - s.sendTime).toBeGreaterThanOrEqual(1);
    const delays = sim.trace.flatMap((e) => e.sends.map((s) => s.deliverAt - s.sendTime));
    expect(Math.min(...delays)).toBe(1);
    expect(new Set(delays).size).toBeGreaterThan(2);
  });

  it('handlers are pure: a deep-frozen state is never written, and calling one queues nothing', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object') {
        Object.values(o).forEach(deepFreeze);
        Object.freeze(o);
      }
      return o;
    };
    const sim = new Simulation({
      algorithm: lcr,
      params: lcr.defaults,
      graph: ring([3, 1, 2], false),
      timing: { mode: 'sync', maxDelay: 10 },
      seed: 1,
      faults: noFaults,
    });
    const ctx = sim.ctx[1]!;
    const s = deepFreeze(lcr.init(ctx, lcr.defaults).state);
    const r = lcr.onMessage(s, 3, deepFreeze({ kind: 'election', uid: 3 }), ctx, lcr.defaults);
    expect(r.send).toEqual([{ to: 2, msg: { kind: 'election', uid: 3 } }]);
    expect(sim.step).toBe(0);
    // calling a handler sent nothing: only the engine queues messages
    expect(sim.inFlight()).toEqual([]);
    sim.stepForward();
    expect(sim.inFlight()).toHaveLength(1);
  });

  it('reports a broken invariant with its step index instead of throwing it away', () => {
    // An algorithm that sends against the ring direction and makes everyone leader.
    const rogue: Algorithm<{ u: number }, { kind: string }, null> = {
      id: 'rogue',
      name: 'rogue',
      kinds: ['x'],
      pseudocode: [],
      init: (node) => ({ state: { u: node.id }, send: [{ to: node.ccw, msg: { kind: 'x' } }] }),
      onMessage: (s) => ({ state: s }),
      role: () => 'leader',
      describe: () => ({}),
    };
    const sim = new Simulation({
      algorithm: rogue,
      params: null,
      graph: ring([1, 2, 3], false),
      timing: { mode: 'sync', maxDelay: 1 },
      seed: 1,
      faults: noFaults,
      checkInvariants: true,
    }).runToEnd();
    expect(sim.violations.some((v) => v.step === 1 && /not a neighbour/.test(v.message))).toBe(true);
    // Two leaders at once is the monitors' rule (src/engine/monitors.ts), reported once, with its step.
    const leaders = (v: { step: number; message: string }) =>
      v.step === 2 && v.message === '2 processes are leader at once: 1 and 2';
    expect(sim.monitors!.violations.filter(leaders)).toHaveLength(1);
    expect(sim.violations.some((v) => /leader/.test(v.message))).toBe(false);
    // a replay reports nothing twice
    const count = sim.violations.length;
    const monitored = sim.monitors!.violations.length;
    sim.seek(0);
    sim.seek(sim.knownSteps);
    expect(sim.violations.length).toBe(count);
    expect(sim.monitors!.violations.length).toBe(monitored);
  });

  it('a step budget stops a run that would not end', () => {
    const pingPong: Algorithm<null, { kind: string }, null> = {
      id: 'ping',
      name: 'ping',
      kinds: ['ping'],
      pseudocode: [],
      init: (node) => ({ state: null, send: [{ to: node.cw, msg: { kind: 'ping' } }] }),
      onMessage: (s, _f, m, node) => ({ state: s, send: [{ to: node.cw, msg: m }] }),
      role: () => 'idle',
      describe: () => ({}),
    };
    const sim = new Simulation({
      algorithm: pingPong,
      params: null,
      graph: ring([1, 2], false),
      timing: { mode: 'async', maxDelay: 3 },
      seed: 1,
      faults: noFaults,
      stepBudget: 500,
    }).runToEnd();
    expect(sim.step).toBe(500);
    expect(sim.budgetExceeded).toBe(true);
    expect(sim.terminated).toBe(false);
  });
});
