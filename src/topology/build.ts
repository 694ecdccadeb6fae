import type { Graph, NodeId, TopologyKind } from '../engine/types';
import { complete } from './complete';
import { custom } from './custom';
import { grid } from './grid';
import { hypercube } from './hypercube';
import { path } from './path-graph';
import { randomConnected } from './random';
import { randomTree } from './random-tree';
import { ring } from './ring';
import { star } from './star';
import type { WeightOptions } from './weights';
import { LIMITS } from './spec';
import type { GraphResult, TopologySpec } from './spec';

type Generator = (ids: NodeId[], seed: number, opts: WeightOptions, spec: TopologySpec) => GraphResult;

const ok = (graph: Graph): GraphResult => ({ ok: true, graph });

/** One generator per kind (the undirected ones draw their weights from the seed, see buildGraph). */
const GENERATORS: Readonly<Record<TopologyKind, Generator>> = {
  'ring-uni': (ids) => ok(ring(ids, false)),
  'ring-bi': (ids) => ok(ring(ids, true)),
  complete: (ids) =>
    ids.length > LIMITS.maxCompleteNodes
      ? {
          ok: false,
          error: `a complete graph of ${ids.length} nodes is too large (at most ${LIMITS.maxCompleteNodes})`,
        }
      : ok(complete(ids)),
  path: (ids, seed, opts) => ok(path(ids, seed, opts)),
  star: (ids, seed, opts) => ok(star(ids, seed, opts)),
  tree: (ids, seed, opts, spec) => ok(randomTree(spec.kind, ids, seed, opts)),
  grid: (ids, seed, opts) => ok(grid(ids, seed, opts)),
  hypercube: (ids, seed, opts) => hypercube(ids, seed, opts),
  random: (ids, seed, opts) => ok(randomConnected(ids, seed, opts)),
  custom: (ids, seed, opts, spec) =>
    spec.edges
      ? custom(ids, spec.edges, seed, opts)
      : { ok: false, error: 'a custom graph needs an edge list, e.g. 1-2:4,2-3:7' },
};

/**
 * Generates the graph a topology spec names over the given ids. The undirected generators draw random
 * distinct weights from the seed (GHS needs them) unless `opts.weights` is 'unit'.
 */
export function buildGraph(
  spec: TopologySpec,
  ids: NodeId[],
  seed: number,
  opts: WeightOptions = {},
): GraphResult {
  if (ids.length > LIMITS.maxNodes)
    return { ok: false, error: `${ids.length} nodes is more than the ${LIMITS.maxNodes} supported` };
  const generate = GENERATORS[spec.kind] as Generator | undefined;
  if (!generate) return { ok: false, error: `the ${spec.kind} topology is not available yet` };
  return generate(ids, seed, opts, spec);
}
