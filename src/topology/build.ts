import type { NodeId } from '../engine/types';
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
  switch (spec.kind) {
    case 'ring-uni':
      return { ok: true, graph: ring(ids, false) };
    case 'ring-bi':
      return { ok: true, graph: ring(ids, true) };
    case 'complete':
      if (ids.length > LIMITS.maxCompleteNodes) {
        return {
          ok: false,
          error: `a complete graph of ${ids.length} nodes is too large (at most ${LIMITS.maxCompleteNodes})`,
        };
      }
      return { ok: true, graph: complete(ids) };
    case 'path':
      return { ok: true, graph: path(ids, seed, opts) };
    case 'star':
      return { ok: true, graph: star(ids, seed, opts) };
    case 'tree':
      return { ok: true, graph: randomTree(ids, seed, opts) };
    case 'grid':
      return { ok: true, graph: grid(ids, seed, opts) };
    case 'hypercube':
      return hypercube(ids, seed, opts);
    case 'random':
      return { ok: true, graph: randomConnected(ids, seed, opts) };
    case 'custom':
      if (!spec.edges) return { ok: false, error: 'a custom graph needs an edge list, e.g. 1-2:4,2-3:7' };
      return custom(ids, spec.edges, seed, opts);
    default:
      return { ok: false, error: `the ${spec.kind} topology is not available yet` };
  }
}
