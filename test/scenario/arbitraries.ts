import fc from 'fast-check';
import type { AnyModule } from '../../src/algorithms/contract';
import type { AnyParamSpec } from '../../src/algorithms/params';
import { ALGORITHMS } from '../../src/algorithms/registry';
import type { NodeId, TopologyKind } from '../../src/engine/types';
import { takesOption } from '../../src/scenario/options';
import { CODEC_LIMITS } from '../../src/scenario/parse';
import type { Scenario, ScenarioParams } from '../../src/scenario/types';
import { LIMITS, type EdgeSpec, type IdSpec } from '../../src/topology/spec';

/**
 * Random VALID scenarios, in the normal form parseFlat produces (ids of a custom graph are a list,
 * empty fault lists, no -0): every algorithm in the registry, every topology it accepts, explicit id
 * lists and orders, both timing modes, any seed, the options the algorithm takes, and a step.
 */
const anyId = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: -LIMITS.maxId, max: LIMITS.maxId }) },
);

const weight = fc.oneof(
  fc.integer({ min: -LIMITS.maxWeight, max: LIMITS.maxWeight }),
  fc.integer({ min: 1, max: 100 }),
  // Fractions and tiny weights: printed as JavaScript prints them (0.1, 1e-7) and read back exactly.
  fc
    .double({ min: -LIMITS.maxWeight, max: LIMITS.maxWeight, noNaN: true, noDefaultInfinity: true })
    .map((w) => w + 0),
);

const idList = (min: number, max: number) => fc.uniqueArray(anyId, { minLength: min, maxLength: max });

/** Edges over the given ids: undirected, no self-loops, no edge twice. */
function edgesOver(ids: NodeId[], maxEdges: number): fc.Arbitrary<EdgeSpec[]> {
  const pairs: [NodeId, NodeId][] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  return fc
    .shuffledSubarray(pairs, { minLength: 1, maxLength: Math.min(maxEdges, pairs.length) })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map(([a, b]) =>
          fc.tuple(fc.boolean(), fc.option(weight, { nil: undefined })).map(([flip, w]) => {
            const e: EdgeSpec = flip ? { a: b, b: a } : { a, b };
            if (w !== undefined) e.w = w;
            return e;
          }),
        ),
      ),
    );
}

interface Shape {
  kind: TopologyKind;
  n: number;
  ids: IdSpec;
  edges?: EdgeSpec[];
  /** The ids as parseFlat sees them: the list, or 1..n. */
  known: NodeId[];
}

function shapeFor(kind: TopologyKind): fc.Arbitrary<Shape> {
  if (kind === 'custom') {
    const small = idList(2, 12).chain((ids) => edgesOver(ids, 20).map((edges) => ({ ids, edges })));
    // Big enough for the compressed link form.
    const big = idList(40, 70).chain((ids) => edgesOver(ids, 160).map((edges) => ({ ids, edges })));
    return fc.oneof({ weight: 5, arbitrary: small }, { weight: 1, arbitrary: big }).map(({ ids, edges }) => ({
      kind,
      n: ids.length,
      ids: { list: ids },
      edges,
      known: ids,
    }));
  }
  const byOrder = fc
    .tuple(
      fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 1, max: 40 }) },
        { weight: 1, arbitrary: fc.integer({ min: 41, max: LIMITS.maxNodes }) },
      ),
      fc.constantFrom('asc' as const, 'desc' as const, 'random' as const),
    )
    .map(([n, order]): Shape => ({
      kind,
      n,
      ids: { order },
      known: Array.from({ length: Math.min(n, 64) }, (_, i) => i + 1),
    }));
  const byList = fc
    .oneof({ weight: 8, arbitrary: idList(1, 30) }, { weight: 1, arbitrary: idList(200, 400) })
    .map((list): Shape => ({ kind, n: list.length, ids: { list }, known: list.slice(0, 64) }));
  return fc.oneof(byOrder, byList);
}

const takes = (alg: AnyModule, key: string) => takesOption(alg.id, key);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** A valid value of an algorithm parameter, by the kind its declaration reads (undefined: absent). */
export function paramValue(spec: AnyParamSpec, known: NodeId[], alive: NodeId[]): fc.Arbitrary<unknown> {
  if (spec.examples) {
    const ctx = { n: known.length, isNode: (x: NodeId) => known.includes(x), crashed: [] };
    // An example naming nodes (a lease's drift and pauses) fits only the systems that have them.
    const values = spec.examples.flatMap((text) => {
      const v = spec.parse(text, ctx);
      if (!v.ok && spec.control !== 'text')
        throw new Error(`arbitraries: example "${text}" of ${spec.key}: ${v.message}`);
      return v.ok ? [v.value as unknown] : [];
    });
    return values.length ? opt(fc.constantFrom(...values)) : fc.constant(undefined);
  }
  switch (spec.control) {
    case 'checkbox':
      return opt(fc.boolean());
    case 'select':
      return opt(fc.constantFrom(...spec.choices!.map((c) => c.value)));
    case 'ids':
      return opt(fc.shuffledSubarray(known, { minLength: 1 }));
    case 'id':
      return alive.length ? opt(fc.constantFrom(...alive)) : fc.constant(undefined);
    case 'number':
      return opt(fc.integer({ min: spec.range!.min, max: spec.range!.max }));
    default:
      throw new Error(`arbitraries: no generator for a ${spec.control} parameter (${spec.key})`);
  }
}

function scenarioFor(alg: AnyModule): fc.Arbitrary<Scenario> {
  const specs = Object.values(alg.params) as AnyParamSpec[];
  return fc
    .constantFrom(...alg.topologies)
    .chain(shapeFor)
    .chain((shape) => {
      const { known } = shape;
      // At least one process stays up.
      const crashedArb = takes(alg, 'crashed')
        ? fc.shuffledSubarray(known, {
            minLength: 0,
            maxLength: Math.max(0, Math.min(known.length, shape.n) - 1),
          })
        : fc.constant([] as NodeId[]);
      return fc.record({
        shape: fc.constant(shape),
        mode: fc.constantFrom('sync' as const, 'async' as const),
        maxDelay: fc.oneof(fc.constant(10), fc.integer({ min: 1, max: LIMITS.maxDelay })),
        seed: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: LIMITS.maxSeed })),
        crashed: crashedArb,
        step: opt(fc.integer({ min: 0, max: CODEC_LIMITS.maxStep })),
      });
    })
    .chain((r) => {
      const alive = r.shape.known.filter((x) => !r.crashed.includes(x));
      const crashes = takes(alg, 'crashes')
        ? fc
            // One process never crashes: every one down at time 0 is refused (EVERYONE_CRASHES, faults.ts).
            .shuffledSubarray(alive, { minLength: 0, maxLength: Math.min(4, alive.length - 1) })
            .chain((ids) =>
              fc.tuple(
                ...ids.map((id) =>
                  fc.integer({ min: 0, max: CODEC_LIMITS.maxCrashTime }).map((at) => ({ id, at })),
                ),
              ),
            )
        : fc.constant([] as { id: NodeId; at: number }[]);
      const values = fc.tuple(...specs.map((spec) => paramValue(spec, r.shape.known, alive)));
      return fc.tuple(fc.constant(r), crashes, values);
    })
    .map(([r, crashes, values]) => {
      const params: Record<string, unknown> = {};
      specs.forEach((spec, i) => {
        if (values[i] !== undefined) params[spec.key] = values[i];
      });
      const { shape } = r;
      const s: Scenario = {
        v: 1,
        algorithm: alg.id,
        topology: shape.edges
          ? { kind: shape.kind, n: shape.n, edges: shape.edges }
          : { kind: shape.kind, n: shape.n },
        ids: shape.ids,
        timing: { mode: r.mode, maxDelay: r.maxDelay },
        seed: r.seed,
        params: params as ScenarioParams,
        faults: { crashed: r.crashed, crashes: [...crashes] },
      };
      if (r.step !== undefined) s.step = r.step;
      return s;
    });
}

export const validScenario: fc.Arbitrary<Scenario> = fc.constantFrom(...ALGORITHMS).chain(scenarioFor);
