import type { NodeId } from '../engine/types';
import { complete } from './complete';
import { ring } from './ring';
import { LIMITS } from './spec';
import type { GraphResult, TopologySpec } from './spec';

/** Generates the graph a topology spec names over the given ids. */
export function buildGraph(spec: TopologySpec, ids: NodeId[], _seed: number): GraphResult {
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
    default:
      return { ok: false, error: `the ${spec.kind} topology is not available yet` };
  }
}
