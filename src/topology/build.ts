import type { NodeId } from '../engine/types';
import { ring } from './ring';
import type { GraphResult, TopologySpec } from './spec';

/** Generates the graph a topology spec names over the given ids. */
export function buildGraph(spec: TopologySpec, ids: NodeId[], _seed: number): GraphResult {
  switch (spec.kind) {
    case 'ring-uni':
      return { ok: true, graph: ring(ids, false) };
    case 'ring-bi':
      return { ok: true, graph: ring(ids, true) };
    default:
      return { ok: false, error: `the ${spec.kind} topology is not available yet` };
  }
}
