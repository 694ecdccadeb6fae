import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORDER_NAMES, type AnyModule } from '../../src/algorithms/contract';
import type { AnyParamSpec } from '../../src/algorithms/params';
import { ALGORITHMS } from '../../src/algorithms/registry';
import { parseArgs, usage } from '../../src/cli/args';
import { Simulation } from '../../src/engine/simulation';
import type { NodeCtx, Reaction, Role, TraceEntry } from '../../src/engine/types';
import { textbookCurves } from '../../src/experiments/curves';
import { hasOrder } from '../../src/experiments/orders';
import { planExperiment, runPlanned } from '../../src/experiments/runner';
import { SPEC_DEFAULTS } from '../../src/experiments/spec';
import { buildRun, type RunSpec } from '../../src/scenario/build';
import { ALL_OPTIONS, optionsOf, toggleOf } from '../../src/scenario/options';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { decodeScenario } from '../../src/scenario/url';
import { paramValue } from '../scenario/arbitraries';

/**
 * The algorithm plug-in contract, checked for every registered algorithm: a new algorithm gets all of
 * this by being registered (docs/adding-an-algorithm.md).
 */

// ---- purity: every handler runs on deep-frozen inputs ----

function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  if (v instanceof Map || v instanceof Set) {
    for (const method of ['set', 'add', 'delete', 'clear'])
      Object.defineProperty(v, method, {
        value: () => {
          throw new TypeError(`a handler changed a ${v.constructor.name} it was given`);
        },
      });
    for (const x of v instanceof Map ? [...v.keys(), ...v.values()] : [...v]) deepFreeze(x);
  } else for (const x of Object.values(v as object)) deepFreeze(x);
  return Object.freeze(v);
}

/** The module with every handler called on frozen inputs (and its results frozen for the next call). */
function frozen(alg: AnyModule): AnyModule {
  const out = <R>(r: R): R => deepFreeze(r);
  const f = deepFreeze;
  return {
    ...alg,
    init: (ctx: NodeCtx, p: unknown) => out(alg.init(f(ctx), f(p))),
    onMessage: (s: unknown, from: number, msg: { kind: string }, ctx: NodeCtx, p: unknown) =>
      out(alg.onMessage(f(s), from, f(msg), f(ctx), f(p))),
    ...(alg.onTimer && {
      onTimer: (s: unknown, t: { kind: string }, ctx: NodeCtx, p: unknown) =>
        out(alg.onTimer!(f(s), f(t), f(ctx), f(p))),
    }),
    ...(alg.onSuspect && {
      onSuspect: (s: unknown, x: number | null, ctx: NodeCtx, p: unknown) =>
        out(alg.onSuspect!(f(s), x, f(ctx), f(p))),
    }),
    ...(alg.onBarrier && {
      onBarrier: (s: unknown, ctx: NodeCtx, p: unknown) => out(alg.onBarrier!(f(s), f(ctx), f(p))),
    }),
  };
}

// ---- random small cases of one algorithm ----

/** A small scenario of this algorithm in the flat form: its topologies, random ids, its options. */
function smallCase(alg: AnyModule): fc.Arbitrary<Flat> {
  const kinds = alg.topologies.filter((k) => k !== 'custom');
  return fc
    .record({
      topo: fc.constantFrom(...kinds),
      n: fc.integer({ min: 1, max: 8 }),
      ids: fc.constantFrom('asc', 'desc', 'random'),
      mode: fc.constantFrom('sync', 'async'),
      seed: fc.integer({ min: 0, max: 10_000 }),
      maxDelay: fc.integer({ min: 1, max: 6 }),
    })
    .chain((base) => {
      const known = Array.from({ length: base.n }, (_, i) => i + 1);
      const crashed = alg.faults
        ? fc.shuffledSubarray(known, { maxLength: base.n - 1 })
        : fc.constant([] as number[]);
      return fc.tuple(fc.constant(base), crashed).chain(([b, down]) => {
        const alive = known.filter((x) => !down.includes(x));
        const crashes = alg.faults
          ? fc.shuffledSubarray(alive, { maxLength: Math.min(3, alive.length) }).chain((ids) =>
              fc.tuple(
                // Every process down at time 0 is refused (EVERYONE_CRASHES): when all the live ones
                // crash, they crash after the start.
                ...ids.map((id) =>
                  fc
                    .integer({ min: ids.length === alive.length ? 1 : 0, max: 30 })
                    .map((at) => `${id}@${at}`),
                ),
              ),
            )
          : fc.constant([] as string[]);
        const specs = Object.values(alg.params) as AnyParamSpec[];
        const values = fc.tuple(...specs.map((s) => paramValue(s, known, alive)));
        return fc.tuple(fc.constant(b), fc.constant(down), crashes, values).map(([b2, down2, cr, vals]) => {
          const flat: Flat = {
            v: '1',
            alg: alg.id,
            topo: b2.topo,
            n: String(b2.n),
            ids: b2.ids,
            mode: b2.mode,
            seed: String(b2.seed),
          };
          if (b2.mode === 'async') flat.maxDelay = String(b2.maxDelay);
          if (down2.length) flat.crashed = down2.join(',');
          if (cr.length) flat.crashes = cr.join(',');
          specs.forEach((s, i) => {
            if (vals[i] !== undefined) flat[s.key] = s.format(vals[i] as never);
          });
          return flat;
        });
      });
    });
}

/** Runnable cases: random small ones (those the validator and the graph accept) and the presets. */
function casesOf(alg: AnyModule): RunSpec[] {
  const flats = fc.sample(smallCase(alg), { numRuns: 120, seed: 4242 });
  const out: RunSpec[] = [];
  for (const flat of flats) {
    const parsed = parseFlat(flat);
    if (!parsed.ok) throw new Error(`${JSON.stringify(flat)}: ${parsed.errors[0]!.message}`);
    const built = buildRun(parsed.value);
    if (built.ok) out.push(built.value); // e.g. a hypercube of 6 nodes is refused, rightly
  }
  for (const p of alg.presets) {
    const d = decodeScenario(p.link);
    if (!d.ok) throw new Error(`preset ${p.id}: ${d.errors[0]!.message}`);
    const built = buildRun(d.value);
    if (!built.ok) throw new Error(`preset ${p.id}: ${built.errors[0]!.message}`);
    out.push(built.value);
  }
  return out;
}

const ENGINE_ROLES: readonly Role[] = ['idle', 'crashed'];

describe.each(ALGORITHMS.map((a) => [a.id, a] as const))('the contract, for %s', (_id, alg) => {
  let runs: { spec: RunSpec; sim: Simulation; hash: string }[] = [];
  beforeAll(() => {
    runs = casesOf(alg).map((spec) => {
      const sim = new Simulation({ ...spec, algorithm: frozen(alg), checkInvariants: true }).runToEnd();
      return { spec, sim, hash: sim.traceHash() };
    });
    // A protocol that never terminates (leases: retries every retry period) runs ~1,000 steps a case.
  }, 120_000);

  it('declares itself completely', () => {
    expect(alg.id).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const field of [alg.name, alg.shortName, alg.summary, alg.citation, alg.requires])
      expect(field.trim()).not.toBe('');
    expect(alg.topologies.length).toBeGreaterThan(0);
    expect(new Set(alg.kinds).size).toBe(alg.kinds.length);
    expect(alg.kinds.every((k) => k === k.toLowerCase())).toBe(true);
    expect(alg.roles.length).toBeGreaterThan(0);
    expect(alg.code.text).toBe(alg.pseudocode);
    expect(alg.code.keys.length).toBe(alg.pseudocode.length);
    expect(alg.presets.length).toBeGreaterThan(0);
    for (const p of alg.presets) {
      expect(new URLSearchParams(p.link).get('alg')).toBe(alg.id);
      expect(p.watch.trim()).not.toBe('');
    }
    for (const [key, spec] of Object.entries(alg.params) as [string, AnyParamSpec][]) {
      expect(spec.key).toBe(key);
      expect(spec.label.trim()).not.toBe('');
      expect(spec.help.trim()).not.toBe('');
      expect(spec.cli.flag ?? spec.cli.off).toMatch(/^--[a-z][a-z-]*$/);
      if (spec.control === 'select') expect(spec.choices!.map((c) => c.value)).toContain(spec.default);
      if (spec.control === 'checkbox') expect(typeof spec.default).toBe('boolean');
      expect((alg.defaults as Record<string, unknown>)[key]).toBe(spec.default);
    }
  });

  it('runs every case to the end, with no broken invariant, on deep-frozen inputs', () => {
    expect(runs.length).toBeGreaterThan(40);
    for (const { sim } of runs) {
      expect(sim.violations).toEqual([]);
      // A protocol that never terminates (Algorithm.until) runs to its horizon instead.
      expect(sim.terminated || sim.horizonReached).toBe(true);
    }
  });

  it('a handler called by hand changes nothing: no input, no state, no queue', () => {
    for (const { sim } of runs.slice(0, 20)) {
      const e = sim.trace.find((x) => x.kind === 'deliver');
      if (!e) continue;
      sim.seek(e.step - 1);
      const pos = sim.positionOf(e.node);
      const before = JSON.stringify([sim.nodeStates(), sim.inFlight(), sim.getCounters()]);
      const r = alg.onMessage(
        deepFreeze(sim.nodeStates()[pos]),
        e.from!,
        deepFreeze(e.msg!),
        sim.ctx[pos]!,
        sim.params,
      ) as Reaction<unknown, { kind: string }>;
      expect(r.state).toBeDefined();
      expect(JSON.stringify([sim.nodeStates(), sim.inFlight(), sim.getCounters()])).toBe(before);
      expect(sim.step).toBe(e.step - 1);
      sim.seek(sim.knownSteps);
    }
  });

  it('reports only pseudo-code lines that exist, and roles it declares', () => {
    const declared = new Set<Role>([...alg.roles, ...ENGINE_ROLES]);
    for (const { sim } of runs) {
      for (const e of sim.trace as TraceEntry[]) {
        for (const l of e.lines) {
          expect(Number.isInteger(l)).toBe(true);
          expect(alg.pseudocode[l], `line ${l} of ${alg.id}`).toBeDefined();
        }
        expect(declared.has(e.roleAfter), `role ${e.roleAfter}`).toBe(true);
      }
    }
  });

  it('sends exactly the message kinds it declares: each in some case, none other', () => {
    const sent = new Set<string>();
    for (const { sim } of runs) for (const k of Object.keys(sim.getCounters().sentByKind)) sent.add(k);
    expect([...sent].sort()).toEqual([...alg.kinds].sort());
  });

  it('stays within its bound in every run the bound speaks for, sync and async', () => {
    const modes = new Set<string>();
    for (const { spec, sim } of runs) {
      if (alg.counts.holds?.(spec.faults) === false) continue;
      modes.add(spec.timing.mode);
      const b = alg.bound(sim.n, sim.graph, sim.params);
      expect(sim.getCounters().sent, `${b.formula} at n = ${sim.n}`).toBeLessThanOrEqual(b.value);
    }
    expect([...modes].sort()).toEqual(['async', 'sync']);
  });

  it('gives the same trace hash for the same scenario and seed, recorded or not', () => {
    for (const { spec, sim, hash } of runs.slice(0, 30)) {
      const again = new Simulation({ ...spec, record: false }).runToEnd();
      expect(again.traceHash()).toBe(hash);
      expect(again.step).toBe(sim.knownSteps);
    }
  });

  it('its curves never exceed its bound on the graphs its experiments run (announcement on and off)', () => {
    // Real graphs, not n and |E| alone: a bound may read more of the graph (FloodMax's diameter).
    const orders = ORDER_NAMES.filter((o) => hasOrder(alg.id, o));
    const ns = Array.from({ length: 40 }, (_, i) => i + 1);
    for (const mode of ['sync', 'async'] as const) {
      for (const announce of [false, true]) {
        const plan = planExperiment({
          ...SPEC_DEFAULTS,
          algorithms: [alg.id],
          ns,
          orders,
          seeds: 3,
          mode,
          announce,
        });
        if (!plan.ok) throw new Error(plan.error);
        for (const run of plan.runs) {
          const built = buildRun(run.scenario);
          if (!built.ok) throw new Error(built.errors[0]!.message);
          const { graph, params } = built.value;
          const bound = alg.bound(run.n, graph, params);
          for (const c of textbookCurves(alg.id, run.order, { mode, announce })) {
            if (c.metric !== 'messages' || run.n < c.from) continue;
            // the experiments runner hands a curve the graph's edge list length (runner.ts)
            expect(c.value(run.n, graph.edges.length), `${c.label} at n = ${run.n}`).toBeLessThanOrEqual(
              bound.value + 1e-9,
            );
          }
        }
      }
    }
  });

  it('its curves agree with runs: an exact curve is every run, a bound holds for every run', () => {
    const orders = ORDER_NAMES.filter((o) => hasOrder(alg.id, o));
    for (const mode of ['sync', 'async'] as const) {
      for (const announce of [true, false]) {
        const plan = planExperiment({
          ...SPEC_DEFAULTS,
          algorithms: [alg.id],
          ns: [1, 2, 3, 4, 5, 6, 7, 8, 11, 16],
          orders,
          seeds: 2,
          mode,
          announce,
        });
        if (!plan.ok) throw new Error(plan.error);
        let checked = 0;
        for (const run of plan.runs) {
          const row = runPlanned(run);
          expect(row.terminated).toBe(true);
          for (const c of textbookCurves(alg.id, run.order, { mode, announce })) {
            if (run.n < c.from || c.kind === 'mean') continue;
            const measured = c.metric === 'messages' ? row.messages : row.rounds;
            const v = c.value(run.n, row.edges);
            const what = `${c.label}, n = ${run.n}, seed ${run.seed}: measured ${measured}`;
            if (c.kind === 'exact') expect(measured, what).toBe(v);
            else if (c.kind === 'upper') expect(measured, what).toBeLessThanOrEqual(v);
            else expect(measured, what).toBeGreaterThanOrEqual(v);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(0);
      }
    }
  });

  it('its options reach the CLI, --help, and the per-node toggle from its declarations', () => {
    const help = usage();
    for (const { spec } of optionsOf(alg)) {
      for (const flag of [spec.cli.flag, spec.cli.off].filter((x): x is string => x !== undefined)) {
        expect(help).toContain(flag);
        const args = spec.control === 'checkbox' ? [flag] : [flag, 'x'];
        expect(parseArgs(args).flat[spec.key]).toBeDefined();
      }
    }
    const toggle = toggleOf(alg);
    if (toggle) expect(['ids']).toContain(toggle.spec.control);
  });
});

describe('the registry', () => {
  it('has one id per algorithm, and one declaration per option key', () => {
    const ids = ALGORITHMS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of ALL_OPTIONS) {
      const owners = ALGORITHMS.filter((a) => o.spec.key in a.params);
      // an option key two algorithms share is the same declaration, so it means the same everywhere
      for (const a of owners) expect((a.params as Record<string, AnyParamSpec>)[o.spec.key]).toBe(o.spec);
    }
    const flags = ALL_OPTIONS.flatMap((o) => [o.spec.cli.flag, o.spec.cli.off]).filter(Boolean);
    expect(new Set(flags).size).toBe(flags.length);
  });
});
