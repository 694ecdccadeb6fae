import type { Graph, NodeId, TopologyKind } from '../engine/types';

/** A generated graph, or one sentence saying why the spec names no valid graph. */
export type GraphResult = { ok: true; graph: Graph } | { ok: false; error: string };

/** An edge named by node ids; `w` is optional (random distinct weights are drawn where missing). */
export interface EdgeSpec {
  a: NodeId;
  b: NodeId;
  w?: number;
}

/** How ids are assigned to positions (ring order for rings, C1). */
export type IdSpec = { order: 'asc' | 'desc' | 'random' } | { list: NodeId[] };

export interface TopologySpec {
  kind: TopologyKind;
  /** Number of nodes (taken from the id list or the edge list where those are given). */
  n: number;
  /** Custom graphs: the edge list, by id. */
  edges?: EdgeSpec[];
}

/** The largest graphs a scenario may ask for; past these a link or command is refused, not run. */
export const LIMITS = {
  maxNodes: 20_000,
  /** Complete graphs carry n(n − 1)/2 edges. */
  maxCompleteNodes: 400,
  maxEdges: 200_000,
  maxId: 1_000_000_000,
  maxWeight: 1_000_000_000,
  maxDelay: 1_000,
  maxSeed: 2 ** 32 - 1,
} as const;

export const TOPOLOGY_NAMES: Record<TopologyKind, string> = {
  'ring-uni': 'unidirectional ring',
  'ring-bi': 'bidirectional ring',
  complete: 'complete graph',
  path: 'path',
  star: 'star',
  tree: 'random tree',
  grid: 'grid',
  hypercube: 'hypercube',
  random: 'random connected graph',
  custom: 'custom edge list',
};
